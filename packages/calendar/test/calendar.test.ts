import { isServiceKitError } from '@servicekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type BusinessDuration,
  type CalendarDefinitionInput,
  createCalendar,
  defineAlwaysOpen,
  type Interval,
  parseBusinessDuration,
} from '../src/index'

const H = 3_600_000
const iso = (d: Date) => d.toISOString()
const at = (s: string) => new Date(s).toISOString()

function weekdaysOnly(timeZone: string, hours: Interval[]): CalendarDefinitionInput {
  return { timeZone, week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } }
}

function expectCode(f: () => unknown, code: string, message?: RegExp) {
  try {
    f()
  } catch (e) {
    expect(isServiceKitError(e), String(e)).toBe(true)
    expect((e as { code: string }).code).toBe(code)
    if (message) expect((e as Error).message).toMatch(message)
    return
  }
  expect.unreachable(`expected ${code}`)
}

// The Shanghai desk: lunch break, National Day 2026 closed, its two make-up days open
// (国务院办公厅关于2026年部分节假日安排的通知: 10月1日至7日放假, 9月20日、10月10日上班).
const lunch: Interval[] = [
  ['09:00', '12:00'],
  ['13:30', '18:00'],
]
const shanghai = createCalendar({
  ...weekdaysOnly('Asia/Shanghai', lunch),
  holidays: [
    { from: '2026-10-01', to: '2026-10-07', name: 'National Day 国庆节' },
    { date: '2026-12-31', hours: [['09:00', '12:00']], name: "New Year's Eve, half day" },
  ],
  workdays: [
    { date: '2026-09-20', as: 'mon', name: '国庆节调休上班' },
    { date: '2026-10-10', hours: [['10:00', '16:00']], name: 'A shorter make-up day' },
  ],
})
const nine2five = createCalendar(weekdaysOnly('America/New_York', [['09:00', '17:00']]))

describe('open and closed', () => {
  it('treats intervals as end-exclusive', () => {
    expect(nine2five.isOpen('2026-06-01T09:00:00-04:00')).toBe(true)
    expect(nine2five.isOpen('2026-06-01T16:59:59.999-04:00')).toBe(true)
    expect(nine2five.isOpen('2026-06-01T17:00:00-04:00')).toBe(false)
    expect(nine2five.isOpen('2026-06-01T08:59:59.999-04:00')).toBe(false)
  })

  it('finds the next opening and closing (the moment itself when already there)', () => {
    expect(iso(nine2five.nextOpen('2026-06-01T10:00:00-04:00'))).toBe(
      at('2026-06-01T10:00:00-04:00'),
    )
    expect(iso(nine2five.nextOpen('2026-06-05T17:00:00-04:00'))).toBe(
      at('2026-06-08T09:00:00-04:00'),
    )
    expect(iso(nine2five.nextClose('2026-06-01T10:00:00-04:00'))).toBe(
      at('2026-06-01T17:00:00-04:00'),
    )
    expect(iso(nine2five.nextClose('2026-06-06T10:00:00-04:00'))).toBe(
      at('2026-06-06T10:00:00-04:00'),
    )
    expect(iso(shanghai.nextOpen('2026-09-30T18:00:00+08:00'))).toBe(
      at('2026-10-08T09:00:00+08:00'),
    )
    expect(iso(shanghai.nextClose('2026-09-30T11:00:00+08:00'))).toBe(
      at('2026-09-30T12:00:00+08:00'),
    )
  })

  it('applies holidays, partial days and make-up days', () => {
    expect(shanghai.isOpen('2026-10-05T10:00:00+08:00')).toBe(false) // National Day, a Monday
    expect(shanghai.isOpen('2026-09-20T10:00:00+08:00')).toBe(true) // a Sunday worked as a Monday
    expect(shanghai.isOpen('2026-09-20T12:30:00+08:00')).toBe(false) // with Monday's lunch break
    expect(shanghai.isOpen('2026-10-10T09:30:00+08:00')).toBe(false) // its own hours: 10:00–16:00
    expect(shanghai.isOpen('2026-10-10T15:59:00+08:00')).toBe(true)
    expect(shanghai.isOpen('2026-12-31T11:00:00+08:00')).toBe(true) // half day: mornings only
    expect(shanghai.isOpen('2026-12-31T14:00:00+08:00')).toBe(false)
  })

  it('lists open intervals, clipped to the range and joined where they touch', () => {
    expect(
      shanghai
        .openIntervals('2026-09-30T10:00:00+08:00', '2026-10-08T10:00:00+08:00')
        .map(([a, b]) => [iso(a), iso(b)]),
    ).toEqual([
      [at('2026-09-30T10:00:00+08:00'), at('2026-09-30T12:00:00+08:00')],
      [at('2026-09-30T13:30:00+08:00'), at('2026-09-30T18:00:00+08:00')],
      [at('2026-10-08T09:00:00+08:00'), at('2026-10-08T10:00:00+08:00')],
    ])
    const allDay = createCalendar(defineAlwaysOpen('Asia/Shanghai'))
    // Midnights and the year's end join into one interval.
    expect(
      allDay
        .openIntervals('2026-12-30T00:00:00+08:00', '2027-01-02T00:00:00+08:00')
        .map(([a, b]) => [iso(a), iso(b)]),
    ).toEqual([[at('2026-12-30T00:00:00+08:00'), at('2027-01-02T00:00:00+08:00')]])
    expect(allDay.openIntervals('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')).toEqual([])
  })
})

describe('adding and subtracting business time', () => {
  it('adds within a day, across the lunch break, and over nights and weekends', () => {
    expect(iso(shanghai.addBusinessTime('2026-09-28T09:00:00+08:00', 'PT1H'))).toBe(
      at('2026-09-28T10:00:00+08:00'),
    )
    expect(iso(shanghai.addBusinessTime('2026-09-28T11:00:00+08:00', 'PT90M'))).toBe(
      at('2026-09-28T14:00:00+08:00'),
    )
    expect(iso(shanghai.addBusinessTime('2026-09-25T17:00:00+08:00', { hours: 2 }))).toBe(
      at('2026-09-28T10:00:00+08:00'),
    )
  })

  it('ends at an interval’s end when the time runs out exactly there', () => {
    expect(iso(nine2five.addBusinessTime('2026-06-05T16:00:00-04:00', 'PT1H'))).toBe(
      at('2026-06-05T17:00:00-04:00'),
    )
  })

  it('adds zero to a closed moment to give the next open moment, and keeps an open one', () => {
    expect(iso(nine2five.addBusinessTime('2026-06-06T10:00:00-04:00', 'PT0S'))).toBe(
      at('2026-06-08T09:00:00-04:00'),
    )
    expect(iso(nine2five.addBusinessTime('2026-06-05T10:00:00-04:00', { minutes: 0 }))).toBe(
      at('2026-06-05T10:00:00-04:00'),
    )
  })

  it('subtracts to the last moment from which that much open time passes', () => {
    expect(iso(nine2five.subtractBusinessTime('2026-06-08T09:30:00-04:00', 'PT1H'))).toBe(
      at('2026-06-05T16:30:00-04:00'),
    )
    expect(iso(nine2five.subtractBusinessTime('2026-06-08T09:00:00-04:00', 'PT1H'))).toBe(
      at('2026-06-05T16:00:00-04:00'),
    )
    // Subtracting zero from a closed moment gives the previous closing moment.
    expect(iso(nine2five.subtractBusinessTime('2026-06-06T10:00:00-04:00', 'PT0S'))).toBe(
      at('2026-06-05T17:00:00-04:00'),
    )
  })

  it('measures business time in milliseconds, negative backwards, never -0', () => {
    expect(
      nine2five.businessTimeBetween('2026-06-05T16:00:00-04:00', '2026-06-08T10:00:00-04:00'),
    ).toBe(2 * H)
    expect(
      nine2five.businessTimeBetween('2026-06-08T10:00:00-04:00', '2026-06-05T16:00:00-04:00'),
    ).toBe(-2 * H)
    expect(
      Object.is(
        nine2five.businessTimeBetween('2026-06-07T10:00:00-04:00', '2026-06-06T10:00:00-04:00'),
        0,
      ),
    ).toBe(true)
  })

  it('works to the millisecond and across years computed on demand', () => {
    const t = Date.parse('2026-06-01T10:00:00.123-04:00')
    expect(nine2five.addBusinessMs(t, 1)).toBe(t + 1)
    // 1900, 2300 and 9999 are computed when asked for.
    for (const year of [1900, 2300, 9999]) {
      const monday = nine2five.nextOpenMs(Date.UTC(year, 5, 1))
      expect(nine2five.businessMsBetween(monday, nine2five.addBusinessMs(monday, 40 * H))).toBe(
        40 * H,
      )
    }
  })

  it('adds across many years with year-sized steps', () => {
    // 52 weeks of 40 hours from Monday 5 January 2026 end with Friday 1 January 2027.
    const start = nine2five.nextOpenMs(Date.parse('2026-01-05T00:00:00-05:00'))
    expect(iso(new Date(nine2five.addBusinessMs(start, 52 * 40 * H)))).toBe(
      at('2027-01-01T17:00:00-05:00'),
    )
    expect(nine2five.businessMsBetween(start, Date.parse('2036-01-01T00:00:00Z'))).toBeGreaterThan(
      9 * 52 * 40 * H,
    )
  })
})

describe('daylight-saving time counts as real elapsed time', () => {
  const around = (zone: string) => createCalendar(defineAlwaysOpen(zone))

  it('has 23 and 25 hours on New York’s change days', () => {
    const ny = around('America/New_York')
    expect(ny.businessTimeBetween('2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toBe(
      23 * H,
    )
    expect(ny.businessTimeBetween('2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00')).toBe(
      25 * H,
    )
  })

  it('has 24.5 and 23.5 hours on Lord Howe Island’s half-hour change days', () => {
    const lh = around('Australia/Lord_Howe')
    expect(lh.businessTimeBetween('2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:30')).toBe(
      24.5 * H,
    )
    expect(lh.businessTimeBetween('2026-10-04T00:00:00+10:30', '2026-10-05T00:00:00+11:00')).toBe(
      23.5 * H,
    )
  })

  it('follows Santiago’s changes at midnight', () => {
    const santiago = createCalendar({
      timeZone: 'America/Santiago',
      week: { sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] },
    })
    // Saturday 4 April 2026 ends twice (24:00 → 23:00): 25 hours.
    expect(
      santiago.businessTimeBetween('2026-04-04T00:00:00-03:00', '2026-04-05T00:00:00-04:00'),
    ).toBe(25 * H)
    // Sunday 6 September 2026 starts at 01:00: 23 hours, open from its first moment.
    expect(iso(santiago.nextOpen('2026-09-05T00:00:00-04:00'))).toBe(
      at('2026-09-05T00:00:00-04:00'),
    )
    expect(
      santiago.businessTimeBetween('2026-09-06T01:00:00-03:00', '2026-09-07T00:00:00-03:00'),
    ).toBe(23 * H)
  })

  it('counts an office day that spans a change by the clock on the wall', () => {
    // Open 01:00–04:00: on New York's fall-back night the clock shows those hours for 4 real hours.
    const night = createCalendar({
      timeZone: 'America/New_York',
      week: { sun: [['01:00', '04:00']] },
    })
    expect(
      night.businessTimeBetween('2026-11-01T00:00:00-04:00', '2026-11-01T12:00:00-05:00'),
    ).toBe(4 * H)
    expect(
      night.businessTimeBetween('2026-03-08T00:00:00-05:00', '2026-03-08T12:00:00-04:00'),
    ).toBe(2 * H)
  })
})

describe('business days', () => {
  it('gives the same local time n working days later', () => {
    expect(iso(shanghai.addBusinessTime('2026-09-15T10:00:00+08:00', { businessDays: 3 }))).toBe(
      at('2026-09-18T10:00:00+08:00'),
    )
    // Across National Day: 30 September + 1 working day is 8 October.
    expect(iso(shanghai.addBusinessTime('2026-09-30T15:00:00+08:00', { businessDays: 1 }))).toBe(
      at('2026-10-08T15:00:00+08:00'),
    )
    // Friday 18 September + 1 is Sunday 20 September, a make-up working day.
    expect(iso(shanghai.addBusinessTime('2026-09-18T10:00:00+08:00', { businessDays: 1 }))).toBe(
      at('2026-09-20T10:00:00+08:00'),
    )
    expect(
      iso(shanghai.subtractBusinessTime('2026-10-08T15:00:00+08:00', { businessDays: 1 })),
    ).toBe(at('2026-09-30T15:00:00+08:00'))
  })

  it('is never a block of 24 business hours', () => {
    const t = '2026-09-15T10:00:00+08:00'
    expect(iso(shanghai.addBusinessTime(t, { businessDays: 1 }))).not.toBe(
      iso(shanghai.addBusinessTime(t, 'PT24H')),
    )
    expect(shanghai.businessTimeBetween(t, shanghai.addBusinessTime(t, { businessDays: 1 }))).toBe(
      7.5 * H,
    )
  })

  it('counts from the next open moment and moves a closed landing time to the next open moment', () => {
    // From Saturday: counted from Monday 09:00.
    expect(iso(nine2five.addBusinessTime('2026-06-06T10:00:00-04:00', { businessDays: 1 }))).toBe(
      at('2026-06-09T09:00:00-04:00'),
    )
    // 10 October (a make-up day open 10:00–16:00) at 09:30 is closed: 10:00.
    expect(iso(shanghai.addBusinessTime('2026-10-09T09:30:00+08:00', { businessDays: 1 }))).toBe(
      at('2026-10-10T10:00:00+08:00'),
    )
    // 31 December is open mornings only: 14:00 there moves to the next working morning.
    expect(iso(shanghai.addBusinessTime('2026-12-30T14:00:00+08:00', { businessDays: 1 }))).toBe(
      at('2027-01-01T09:00:00+08:00'),
    )
    // Subtracting moves a closed landing time back to the previous closing moment.
    expect(
      iso(shanghai.subtractBusinessTime('2027-01-01T14:00:00+08:00', { businessDays: 1 })),
    ).toBe(at('2026-12-31T12:00:00+08:00'))
    expect(iso(nine2five.addBusinessTime('2026-06-06T10:00:00-04:00', { businessDays: 0 }))).toBe(
      at('2026-06-08T09:00:00-04:00'),
    )
  })

  it('reads a local time the clocks skip with the offset before the gap, a repeated one as its first occurrence', () => {
    const ny = createCalendar(defineAlwaysOpen('America/New_York'))
    // 02:30 does not exist on 8 March 2026: it lands an hour later, at 03:30 EDT.
    expect(iso(ny.addBusinessTime('2026-03-07T02:30:00-05:00', { businessDays: 1 }))).toBe(
      at('2026-03-08T03:30:00-04:00'),
    )
    // 01:30 happens twice on 1 November 2026: the first one, EDT.
    expect(iso(ny.addBusinessTime('2026-10-31T01:30:00-04:00', { businessDays: 1 }))).toBe(
      at('2026-11-01T01:30:00-04:00'),
    )
    const amsterdam = createCalendar(defineAlwaysOpen('Europe/Amsterdam'))
    expect(iso(amsterdam.addBusinessTime('2026-03-28T12:00:00+01:00', { businessDays: 1 }))).toBe(
      at('2026-03-29T12:00:00+02:00'),
    )
  })
})

describe('fast paths', () => {
  it('give the same answers as the Date methods', () => {
    const t = Date.parse('2026-09-29T11:50:00+08:00')
    expect(shanghai.addBusinessMs(t, 2 * H)).toBe(shanghai.addBusinessTime(t, 'PT2H').getTime())
    expect(shanghai.subtractBusinessMs(t, 2 * H)).toBe(
      shanghai.subtractBusinessTime(t, 'PT2H').getTime(),
    )
    expect(shanghai.addBusinessDaysMs(t, 3)).toBe(
      shanghai.addBusinessTime(t, { businessDays: 3 }).getTime(),
    )
    expect(shanghai.subtractBusinessDaysMs(t, 3)).toBe(
      shanghai.subtractBusinessTime(t, { businessDays: 3 }).getTime(),
    )
    expect(shanghai.businessMsBetween(t, t + 48 * H)).toBe(
      shanghai.businessTimeBetween(t, t + 48 * H),
    )
    expect(shanghai.nextOpenMs(t + H)).toBe(shanghai.nextOpen(t + H).getTime())
    expect(shanghai.nextCloseMs(t)).toBe(shanghai.nextClose(t).getTime())
  })

  it('read every duration shape as parseBusinessDuration does', () => {
    const durationArb: fc.Arbitrary<BusinessDuration> = fc.oneof(
      fc.record(
        {
          hours: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(undefined)),
          minutes: fc.integer({ min: 0, max: 600 }),
          seconds: fc.integer({ min: 0, max: 3600 }),
        },
        { requiredKeys: [] },
      ),
      fc.record({ businessDays: fc.integer({ min: 0, max: 30 }) }),
      fc.constantFrom('PT8H', 'PT90M', 'PT1H30M', 'PT0.5H', 'PT30S'),
    )
    const t = Date.parse('2026-09-29T11:50:00+08:00')
    fc.assert(
      fc.property(durationArb, (duration) => {
        let expected: number | string
        try {
          const d = parseBusinessDuration(duration)
          expected =
            d.kind === 'time'
              ? shanghai.addBusinessMs(t, d.ms)
              : shanghai.addBusinessDaysMs(t, d.days)
        } catch (e) {
          expected = (e as { code: string }).code
        }
        let actual: number | string
        try {
          actual = shanghai.addBusinessTime(t, duration).getTime()
        } catch (e) {
          actual = (e as { code: string }).code
        }
        expect(actual).toBe(expected)
      }),
      { numRuns: 500 },
    )
  })
})

describe('errors', () => {
  it('rejects bad durations and times with their codes', () => {
    expectCode(() => nine2five.addBusinessTime(0, 'P1D'), 'CALENDAR_DURATION_INVALID', /ambiguous/)
    expectCode(() => nine2five.addBusinessTime(0, { hours: -1 }), 'CALENDAR_DURATION_INVALID')
    expectCode(
      () => nine2five.addBusinessTime(0, { hours: 1, days: 2 } as never),
      'CALENDAR_DURATION_INVALID',
    )
    expectCode(() => nine2five.addBusinessMs(0, -1), 'CALENDAR_DURATION_INVALID')
    expectCode(() => nine2five.addBusinessMs(0, Number.NaN), 'CALENDAR_DURATION_INVALID')
    expectCode(() => nine2five.addBusinessDaysMs(0, 1.5), 'CALENDAR_DURATION_INVALID')
    expectCode(() => nine2five.isOpen('2026-06-01T10:00:00'), 'TIME_INVALID')
    expectCode(() => nine2five.addBusinessMs(Number.NaN, 1), 'TIME_INVALID')
    expectCode(() => nine2five.businessMsBetween(0, Number.POSITIVE_INFINITY), 'TIME_INVALID')
  })

  it('rejects years it does not compute, at once', () => {
    expectCode(() => nine2five.isOpen(Date.UTC(10000, 0, 1)), 'CALENDAR_OUT_OF_RANGE', /10000/)
    expectCode(() => nine2five.nextOpen(Date.UTC(999, 0, 1)), 'CALENDAR_OUT_OF_RANGE')
    expectCode(() => nine2five.addBusinessMs(Date.UTC(2026, 0, 1), 1e16), 'CALENDAR_OUT_OF_RANGE')
    expectCode(
      () => nine2five.subtractBusinessMs(Date.UTC(2026, 0, 1), 1e16),
      'CALENDAR_OUT_OF_RANGE',
    )
    expectCode(
      () => nine2five.addBusinessDaysMs(Date.UTC(2026, 0, 1), 1e9),
      'CALENDAR_OUT_OF_RANGE',
    )
  })

  it('throws CALENDAR_NEVER_OPEN when nothing opens within 10 years, instead of looping', () => {
    // Open only on one make-up day.
    const rare = createCalendar({
      timeZone: 'Asia/Shanghai',
      week: {},
      workdays: [{ date: '2026-10-10', hours: [['09:00', '17:00']] }],
    })
    expect(iso(rare.nextOpen('2026-01-01T00:00:00+08:00'))).toBe(at('2026-10-10T09:00:00+08:00'))
    expect(rare.businessTimeBetween('2020-01-01T00:00:00Z', '2040-01-01T00:00:00Z')).toBe(8 * H)
    expectCode(
      () => rare.nextOpen('2026-10-10T17:00:00+08:00'),
      'CALENDAR_NEVER_OPEN',
      /10 years after/,
    )
    expectCode(
      () => rare.addBusinessTime('2026-10-10T16:00:00+08:00', 'PT2H'),
      'CALENDAR_NEVER_OPEN',
    )
    expectCode(
      () => rare.subtractBusinessTime('2026-10-10T10:00:00+08:00', 'PT2H'),
      'CALENDAR_NEVER_OPEN',
    )
    expectCode(
      () => rare.subtractBusinessTime('2026-10-10T08:00:00+08:00', 'PT0S'),
      'CALENDAR_NEVER_OPEN',
    )
    expectCode(
      () => rare.addBusinessTime('2026-10-10T10:00:00+08:00', { businessDays: 1 }),
      'CALENDAR_NEVER_OPEN',
    )
    expectCode(
      () => rare.subtractBusinessTime('2026-10-10T10:00:00+08:00', { businessDays: 1 }),
      'CALENDAR_NEVER_OPEN',
    )
  })

  it('throws CALENDAR_NEVER_CLOSES for the next close of a calendar open for 10 years', () => {
    const allDay = createCalendar(defineAlwaysOpen())
    expectCode(() => allDay.nextClose('2026-01-01T00:00:00Z'), 'CALENDAR_NEVER_CLOSES')
  })

  it('rejects an invalid definition with CALENDAR_INVALID', () => {
    expectCode(
      () => createCalendar({ timeZone: 'Asia/Beijing', week: { mon: [['09:00', '17:00']] } }),
      'CALENDAR_INVALID',
      /\/timeZone/,
    )
  })
})

describe('the calendar object', () => {
  it('exposes its validated definition and zone, and cannot be changed', () => {
    expect(shanghai.timeZone).toBe('Asia/Shanghai')
    expect(shanghai.definition.workdays).toHaveLength(2)
    expect(nine2five.definition.holidays).toEqual([])
    expect(Object.isFrozen(shanghai)).toBe(true)
  })
})
