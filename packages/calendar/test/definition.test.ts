import { isServiceKitError, type ValidationErrorDetails } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import {
  type CalendarDefinitionInput,
  parseBusinessDuration,
  parseCalendarDefinition,
  safeParseCalendarDefinition,
} from '../src/index'

// The Shanghai desk of the README: lunch break, National Day 2026 with its make-up days.
const shanghai = {
  timeZone: 'Asia/Shanghai',
  week: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
      d,
      [
        ['09:00', '12:00'],
        ['13:30', '18:00'],
      ],
    ]),
  ),
  holidays: [
    { from: '2026-10-01', to: '2026-10-07', name: 'National Day 国庆节' },
    { date: '2026-12-31', hours: [['09:00', '12:00']], name: "New Year's Eve, half day" },
  ],
  workdays: [
    { date: '2026-09-20', as: 'mon', name: 'National Day make-up day 调休' },
    { date: '2026-10-10', hours: [['09:00', '17:00']] },
  ],
} satisfies CalendarDefinitionInput

function issues(input: unknown) {
  const result = safeParseCalendarDefinition(input)
  expect(result.success).toBe(false)
  if (result.success) return []
  expect(isServiceKitError(result.error, 'CALENDAR_INVALID')).toBe(true)
  return (result.error.details as ValidationErrorDetails).issues.map(
    (i) => `${i.pointer} ${i.message}`,
  )
}

describe('calendar definitions', () => {
  it('accepts the Shanghai desk and fills defaults', () => {
    const def = parseCalendarDefinition(shanghai)
    expect(def.week.mon).toHaveLength(2)
    expect(def.week.sat).toBeUndefined()
    expect(
      parseCalendarDefinition({ timeZone: 'UTC', week: { mon: [['00:00', '24:00']] } }).holidays,
    ).toEqual([])
  })

  it.each([
    [
      'overlapping intervals',
      {
        ...shanghai,
        week: {
          mon: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      '/week/mon/1 Overlaps 09:00–12:00; intervals of one day must not overlap',
    ],
    [
      '"25:00"',
      { ...shanghai, week: { tue: [['09:00', '25:00']] } },
      '/week/tue/0/1 A time of day is "HH:MM" from 00:00 to 24:00',
    ],
    [
      'a reversed interval',
      { ...shanghai, week: { wed: [['18:00', '09:00']] } },
      '/week/wed/0/1 An interval ends after it starts (use "24:00" for midnight at the end of the day)',
    ],
    [
      'an unknown zone',
      { ...shanghai, timeZone: 'Asia/Beijing' },
      '/timeZone Not an IANA time zone known to this runtime (e.g. "Asia/Shanghai", "America/New_York")',
    ],
    [
      'a reversed holiday range',
      { ...shanghai, holidays: [{ from: '2026-10-07', to: '2026-10-01' }] },
      '/holidays/0/to A holiday range ends on or after its first day',
    ],
    [
      'a make-up day that is also a holiday',
      { ...shanghai, workdays: [{ date: '2026-10-03', as: 'mon' }] },
      '/workdays/0/date 2026-10-03 is a make-up working day and also a holiday',
    ],
    [
      'an impossible date',
      { ...shanghai, holidays: [{ date: '2026-02-30' }] },
      '/holidays/0/date A date is "YYYY-MM-DD" and must exist',
    ],
    [
      'a calendar that never opens',
      { timeZone: 'UTC', week: {} },
      '/week The calendar is never open: give some weekly hours',
    ],
    [
      'a make-up day copying a closed weekday',
      { ...shanghai, workdays: [{ date: '2026-09-20', as: 'sun' }] },
      '/workdays/0/as "sun" has no weekly hours to copy',
    ],
  ])('rejects %s with CALENDAR_INVALID and the path', (_name, input, expected) => {
    expect(issues(input)).toContain(expected)
  })

  it('rejects unknown fields, so a typo is not silently ignored', () => {
    expect(issues({ ...shanghai, holiday: [] })[0]).toMatch(/^ Unrecognized key: "holiday"/)
    expect(issues({ ...shanghai, week: { monday: [['09:00', '17:00']] } })[0]).toMatch(
      /^\/week Unrecognized key: "monday"/,
    )
  })

  it('throws from parseCalendarDefinition', () => {
    expect(() =>
      parseCalendarDefinition({ timeZone: 'Mars/Olympus', week: { mon: [['09:00', '17:00']] } }),
    ).toThrowError(/Invalid calendar at \/timeZone/)
  })
})

describe('business durations', () => {
  it('reads ISO-8601 time durations, objects and business days', () => {
    expect(parseBusinessDuration('PT8H')).toEqual({ kind: 'time', ms: 8 * 3_600_000 })
    expect(parseBusinessDuration('PT90M')).toEqual({ kind: 'time', ms: 90 * 60_000 })
    expect(parseBusinessDuration('PT1H30M')).toEqual({ kind: 'time', ms: 5_400_000 })
    expect(parseBusinessDuration('PT30S')).toEqual({ kind: 'time', ms: 30_000 })
    expect(parseBusinessDuration('PT0.5H')).toEqual({ kind: 'time', ms: 1_800_000 })
    expect(parseBusinessDuration({ hours: 2, minutes: 30 })).toEqual({
      kind: 'time',
      ms: 9_000_000,
    })
    expect(parseBusinessDuration({ businessDays: 3 })).toEqual({ kind: 'businessDays', days: 3 })
    expect(parseBusinessDuration({ businessDays: 0 })).toEqual({ kind: 'businessDays', days: 0 })
  })

  it.each([
    ['P1D', /ambiguous in business time; write \{ "businessDays": n \}/],
    ['P1W', /ambiguous/],
    ['PT', /not an ISO-8601 time duration/],
    ['8 hours', /not an ISO-8601 time duration/],
    [{ businessDays: 1.5 }, /expected int/i],
    [{ businessDays: -1 }, />=0/],
    [{}, /at least one of hours, minutes, seconds/],
    [{ hours: -2 }, />=0/],
    [{ days: 2 }, /Unrecognized key: "days"/],
  ])('rejects %j with CALENDAR_DURATION_INVALID', (input, message) => {
    try {
      parseBusinessDuration(input as never)
      expect.unreachable()
    } catch (e) {
      expect(isServiceKitError(e, 'CALENDAR_DURATION_INVALID')).toBe(true)
      expect((e as Error).message).toMatch(message)
    }
  })
})
