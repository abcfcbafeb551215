import { isServiceKitError } from '@servicekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Calendar, createCalendar, safeParseCalendarDefinition } from '../src/index'
import { createOracle, type Oracle, type OracleDefinition } from './oracle'

// Property tests: the calendar against the minute-stepping oracle of
// ./oracle.ts, on random calendars (several intervals a day, 24:00 ends,
// holidays, partial days, make-up days) in five zones, with times biased
// towards each zone's 2026 daylight-saving changes. Each property runs a few
// hundred cases per zone; the oracle's Intl readings are cached, so the whole
// file stays within seconds.

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

// Times are drawn from December 2025 to January 2027: two year ends and every
// 2026 transition.
const windowFrom = Date.UTC(2025, 11, 1)
const windowTo = Date.UTC(2027, 0, 31)

const zones = [
  // No daylight saving; National Day week and the year end instead.
  { timeZone: 'Asia/Shanghai', marks: ['2026-01-01T00:00:00+08:00', '2026-10-01T00:00:00+08:00'] },
  // 02:00 → 03:00 on 8 March, 02:00 → 01:00 on 1 November.
  { timeZone: 'America/New_York', marks: ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'] },
  // 02:00 → 03:00 on 29 March, 03:00 → 02:00 on 25 October.
  { timeZone: 'Europe/Amsterdam', marks: ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'] },
  // A 30-minute shift: 02:00 → 01:30 on 5 April, 02:00 → 02:30 on 4 October.
  { timeZone: 'Australia/Lord_Howe', marks: ['2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'] },
  // Changes at midnight: 24:00 → 23:00 on 4 April, 24:00 → 01:00 on 6 September.
  { timeZone: 'America/Santiago', marks: ['2026-04-05T03:00:00Z', '2026-09-06T04:00:00Z'] },
] as const

type Hours = [string, string][]
const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

const hhmm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`

// 0–3 intervals on a quarter-hour grid, ends up to 24:00.
const hoursArb = (max = 3, min = 0): fc.Arbitrary<Hours> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2 * min, maxLength: 2 * max })
    .map((q) => {
      const sorted = [...q].sort((a, b) => a - b)
      const out: Hours = []
      for (let i = 0; i + 1 < sorted.length; i += 2)
        out.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)])
      return out
    })

const weekday: Hours = [['09:00', '17:00']]
const lunch: Hours = [
  ['09:00', '12:00'],
  ['13:30', '18:00'],
]
const night: Hours = [
  ['00:00', '03:00'],
  ['22:00', '24:00'],
]
const everyDay = (hours: Hours) => Object.fromEntries(days.map((d) => [d, hours]))
const weekArb: fc.Arbitrary<OracleDefinition['week']> = fc.oneof(
  fc.constant({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }),
  fc.constant({ mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch }),
  fc.constant(everyDay([['00:00', '24:00']])),
  fc.constant(everyDay([['00:00', '10:00']])),
  fc.constant(everyDay(night)),
  fc.record(Object.fromEntries(days.map((d) => [d, hoursArb()])), { requiredKeys: [] }),
)

const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

function definitionArb(timeZone: string, marks: readonly string[]): fc.Arbitrary<OracleDefinition> {
  const markDays = marks.map((m) => Math.floor(Date.parse(m) / DAY))
  const dayArb = fc.oneof(
    fc.integer({ min: windowFrom / DAY, max: windowTo / DAY }),
    fc.constantFrom(...markDays).chain((d) => fc.integer({ min: d - 4, max: d + 4 })),
  )
  const holidayArb = fc.oneof(
    dayArb.map((d) => ({ date: isoDay(d) })),
    fc.tuple(dayArb, hoursArb(2)).map(([d, hours]) => ({ date: isoDay(d), hours })),
    fc
      .tuple(dayArb, fc.integer({ min: 0, max: 6 }))
      .map(([d, n]) => ({ from: isoDay(d), to: isoDay(d + n) })),
  )
  return fc
    .record({
      week: weekArb,
      holidays: fc.array(holidayArb, { maxLength: 3 }),
      workdays: fc.array(
        fc.oneof(
          fc.tuple(dayArb, hoursArb(2, 1)).map(([d, hours]) => ({ date: isoDay(d), hours })),
          fc.tuple(dayArb, fc.constantFrom(...days)).map(([d, as]) => ({ date: isoDay(d), as })),
        ),
        { maxLength: 2 },
      ),
    })
    .map((def) => ({ timeZone, ...def }))
    .filter((def) => safeParseCalendarDefinition(def).success)
}

function timeArb(marks: readonly string[]): fc.Arbitrary<number> {
  return fc
    .oneof(
      fc.integer({ min: windowFrom / MIN, max: windowTo / MIN }),
      fc
        .constantFrom(...marks.map((m) => Date.parse(m) / MIN))
        .chain((m) => fc.integer({ min: m - 4 * 1440, max: m + 4 * 1440 })),
    )
    .map((m) => m * MIN)
}

const durationArb = fc
  .oneof(fc.constant(0), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 3000 }))
  .map((m) => m * MIN)

// Runs `f` on the calendar; a search the oracle gave up on may end beyond its
// limit, or in CALENDAR_NEVER_OPEN.
function expectAgrees(
  expected: number | undefined,
  actual: () => number,
  from: number,
  oracle: Oracle,
  direction: 1 | -1,
) {
  if (expected !== undefined) {
    expect(new Date(actual()).toISOString()).toBe(new Date(expected).toISOString())
    return
  }
  try {
    const result = actual()
    expect(direction * (result - from)).toBeGreaterThanOrEqual(oracle.limit - DAY)
  } catch (e) {
    expect(isServiceKitError(e, 'CALENDAR_NEVER_OPEN')).toBe(true)
  }
}

function setup(def: OracleDefinition): [Calendar, Oracle] {
  return [createCalendar(def), createOracle(def)]
}

describe.each(zones)('against the minute-stepping oracle in $timeZone', ({ timeZone, marks }) => {
  const defArb = definitionArb(timeZone, marks)
  const t = timeArb(marks)

  it('adds and subtracts business time exactly', () => {
    fc.assert(
      fc.property(defArb, t, durationArb, (def, start, d) => {
        const [cal, oracle] = setup(def)
        expectAgrees(oracle.add(start, d), () => cal.addBusinessMs(start, d), start, oracle, 1)
        expectAgrees(
          oracle.subtract(start, d),
          () => cal.subtractBusinessMs(start, d),
          start,
          oracle,
          -1,
        )
      }),
      { numRuns: 250 },
    )
  })

  it('measures business time between two moments exactly', () => {
    fc.assert(
      fc.property(defArb, t, fc.integer({ min: -8 * 1440, max: 8 * 1440 }), (def, a, minutes) => {
        const [cal, oracle] = setup(def)
        const b = a + minutes * MIN
        expect(cal.businessTimeBetween(a, b)).toBe(oracle.between(a, b))
      }),
      { numRuns: 250 },
    )
  })

  it('knows when it is open, and the next opening and closing', () => {
    fc.assert(
      fc.property(defArb, t, (def, at) => {
        const [cal, oracle] = setup(def)
        expect(cal.isOpen(at)).toBe(oracle.isOpen(at))
        expectAgrees(oracle.nextOpen(at), () => cal.nextOpenMs(at), at, oracle, 1)
        // Closings are searched a week ahead; beyond that the calendar's answer must be further.
        const close = oracle.nextClose(at, 7 * DAY)
        if (close !== undefined) expect(cal.nextCloseMs(at)).toBe(close)
        else {
          try {
            expect(cal.nextCloseMs(at)).toBeGreaterThanOrEqual(at + 7 * DAY)
          } catch (e) {
            expect(isServiceKitError(e, 'CALENDAR_NEVER_CLOSES')).toBe(true)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('adds and subtracts business days as the same local time n working days away', () => {
    fc.assert(
      fc.property(defArb, t, fc.integer({ min: 0, max: 8 }), (def, start, n) => {
        const [cal, oracle] = setup(def)
        expectAgrees(
          oracle.addDays(start, n),
          () => cal.addBusinessDaysMs(start, n),
          start,
          oracle,
          1,
        )
        expectAgrees(
          oracle.subtractDays(start, n),
          () => cal.subtractBusinessDaysMs(start, n),
          start,
          oracle,
          -1,
        )
      }),
      { numRuns: 200 },
    )
  })

  it('resolves a local time that is skipped or repeated on the target day as documented', () => {
    // Starts n days before (or after) a transition, near its hour, so the same
    // local time n working days away is skipped or repeated on the transition day.
    const nearChange = fc
      .tuple(
        fc.constantFrom(...marks),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: -8, max: 8 }),
      )
      .map(([mark, n, quarter]) => ({ at: Date.parse(mark) + quarter * 15 * MIN, n }))
    fc.assert(
      fc.property(defArb, nearChange, (def, { at, n }) => {
        const [cal, oracle] = setup(def)
        const before = at - n * DAY
        const after = at + n * DAY
        expectAgrees(
          oracle.addDays(before, n),
          () => cal.addBusinessDaysMs(before, n),
          before,
          oracle,
          1,
        )
        expectAgrees(
          oracle.subtractDays(after, n),
          () => cal.subtractBusinessDaysMs(after, n),
          after,
          oracle,
          -1,
        )
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the identities between adding, subtracting and measuring, to the millisecond', () => {
    const msArb = fc.integer({ min: windowFrom, max: windowTo })
    const spanArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200 * HOUR }))
    fc.assert(
      fc.property(defArb, msArb, spanArb, msArb, (def, start, d, other) => {
        const cal = createCalendar(def)
        let end: number
        try {
          end = cal.addBusinessMs(start, d)
        } catch (e) {
          expect(isServiceKitError(e, 'CALENDAR_NEVER_OPEN')).toBe(true)
          return
        }
        expect(cal.businessMsBetween(start, end)).toBe(d)
        // The first moment by which d has passed: the millisecond before it was open.
        if (d > 0) expect(cal.isOpen(end - 1)).toBe(true)
        // subtract(add(t, d), d) is t for open t, and in general the first open moment from t.
        expect(cal.subtractBusinessMs(end, d)).toBe(cal.nextOpenMs(start))
        if (cal.isOpen(start)) expect(cal.subtractBusinessMs(end, d)).toBe(start)
        expect(cal.businessMsBetween(other, start) + cal.businessMsBetween(start, other)).toBe(0)
        expect(cal.businessMsBetween(other, end)).toBe(
          cal.businessMsBetween(other, start) + cal.businessMsBetween(start, end),
        )
      }),
      { numRuns: 1000 },
    )
  })
})
