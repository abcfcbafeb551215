import { isServiceKitError, type ValidationErrorDetails } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import {
  alwaysOpen,
  chinaHolidayNotice2026,
  createCalendar,
  defineAlwaysOpen,
  defineChinaCalendar,
  type Interval,
  parseChinaHolidayNotice,
  safeParseChinaHolidayNotice,
} from '../src/index'

const H = 3_600_000
const at = (s: string) => new Date(s).toISOString()

describe('alwaysOpen', () => {
  it('counts real elapsed time', () => {
    expect(alwaysOpen.timeZone).toBe('UTC')
    expect(alwaysOpen.addBusinessTime('2026-10-01T09:00:00+08:00', 'PT24H').toISOString()).toBe(
      '2026-10-02T01:00:00.000Z',
    )
    expect(alwaysOpen.businessTimeBetween('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toBe(
      365 * 24 * H,
    )
    expect(alwaysOpen.isOpen('2026-12-31T23:59:59.999Z')).toBe(true)
  })

  it('keeps the local time of day for business days in its zone', () => {
    const ny = createCalendar(defineAlwaysOpen('America/New_York'))
    const t = '2026-03-07T12:00:00-05:00'
    const next = ny.addBusinessTime(t, { businessDays: 1 })
    expect(next.toISOString()).toBe(at('2026-03-08T12:00:00-04:00'))
    expect(ny.businessTimeBetween(t, next)).toBe(23 * H)
  })
})

// The 2026 notice, checked against its text (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04):
// 元旦 1月1日至3日, 1月4日上班; 春节 2月15日至23日, 2月14日、2月28日上班; 清明节 4月4日至6日;
// 劳动节 5月1日至5日, 5月9日上班; 端午节 6月19日至21日; 中秋节 9月25日至27日;
// 国庆节 10月1日至7日, 9月20日、10月10日上班.
describe('mainland China', () => {
  const lunch: Interval[] = [
    ['09:00', '12:00'],
    ['13:30', '18:00'],
  ]
  const week = { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch }
  const desk = createCalendar(defineChinaCalendar({ week, notices: [chinaHolidayNotice2026] }))

  it('ships the 2026 notice as published, make-up days on weekends', () => {
    expect(chinaHolidayNotice2026.holidays.map((h) => `${h.from}..${h.to}`)).toEqual([
      '2026-01-01..2026-01-03',
      '2026-02-15..2026-02-23',
      '2026-04-04..2026-04-06',
      '2026-05-01..2026-05-05',
      '2026-06-19..2026-06-21',
      '2026-09-25..2026-09-27',
      '2026-10-01..2026-10-07',
    ])
    const makeUp = chinaHolidayNotice2026.workdays.map((w) => w.date)
    expect(makeUp).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
    for (const date of makeUp) expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay())
    expect(parseChinaHolidayNotice(chinaHolidayNotice2026)).toEqual(chinaHolidayNotice2026)
    // Shared data: nobody can change it for everyone else.
    expect(Object.isFrozen(chinaHolidayNotice2026.holidays[0])).toBe(true)
  })

  it('closes every day off and opens every make-up day', () => {
    for (const { from, to } of chinaHolidayNotice2026.holidays) {
      for (
        let d = Date.parse(`${from}T10:00:00+08:00`);
        d <= Date.parse(`${to}T10:00:00+08:00`);
        d += 24 * H
      ) {
        expect(desk.isOpen(d), new Date(d).toISOString()).toBe(false)
      }
    }
    for (const { date } of chinaHolidayNotice2026.workdays) {
      expect(desk.isOpen(`${date}T10:00:00+08:00`)).toBe(true)
      expect(desk.isOpen(`${date}T12:30:00+08:00`)).toBe(false) // with the lunch break
    }
  })

  it('has 248 working days in 2026', () => {
    // 261 weekdays − 19 weekdays off (2 + 6 + 1 + 3 + 1 + 1 + 5) + 6 make-up days = 248,
    // each 7.5 hours.
    expect(desk.businessTimeBetween('2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00')).toBe(
      248 * 7.5 * H,
    )
  })

  it('skips National Day: the last working afternoon + 2 h is the morning after the holiday', () => {
    expect(desk.addBusinessTime('2026-09-30T17:00:00+08:00', 'PT2H').toISOString()).toBe(
      at('2026-10-08T10:00:00+08:00'),
    )
  })

  it('lets the company choose the make-up day’s hours and add its own days', () => {
    const custom = createCalendar(
      defineChinaCalendar({
        week: { ...week, fri: [['09:00', '16:00']] },
        notices: [chinaHolidayNotice2026],
        makeUpDayAs: 'fri',
        holidays: [{ date: '2026-12-31', hours: [['09:00', '12:00']], name: '年终半天' }],
        timeZone: 'Asia/Urumqi',
      }),
    )
    expect(custom.timeZone).toBe('Asia/Urumqi')
    expect(custom.isOpen('2026-10-10T15:30:00+06:00')).toBe(true)
    expect(custom.isOpen('2026-10-10T16:30:00+06:00')).toBe(false)
    expect(custom.isOpen('2026-12-31T14:00:00+06:00')).toBe(false)
  })

  it('rejects a malformed notice with CALENDAR_INVALID and the path', () => {
    const result = safeParseChinaHolidayNotice({
      year: 2026,
      holidays: [{ name: '国庆节', from: '2026-10-07', to: '2026-10-01' }],
      workdays: [{ date: '2026-02-30' }],
    })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(isServiceKitError(result.error, 'CALENDAR_INVALID')).toBe(true)
    expect((result.error.details as ValidationErrorDetails).issues.map((i) => i.pointer)).toEqual([
      '/holidays/0/to',
      '/workdays/0/date',
    ])
  })

  it('rejects a make-up day that is also a day off', () => {
    expect(() =>
      defineChinaCalendar({
        week,
        notices: [
          {
            year: 2026,
            holidays: [{ name: 'x', from: '2026-10-01', to: '2026-10-07' }],
            workdays: [{ date: '2026-10-03' }],
          },
        ],
      }),
    ).toThrowError(/2026-10-03 is a make-up working day and also a holiday/)
  })
})
