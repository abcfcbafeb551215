import { describe, expect, it } from 'vitest'
import { type CalendarDefinitionInput, createCalendar, type Interval } from '../src/index'

// Published examples of business-time arithmetic, each with its source. The
// expected values are the ones the source states.

function weekdaysOnly(timeZone: string, hours: Interval[]): CalendarDefinitionInput {
  return { timeZone, week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } }
}

const iso = (d: Date) => d.toISOString()

describe('published worked examples', () => {
  // Chatwoot PR 13392, "fix: Consider business hours when computing SLA breaches"
  // https://github.com/chatwoot/chatwoot/pull/13392 — Mon–Fri 9 AM–5 PM, UTC.
  const chatwoot = createCalendar(weekdaysOnly('UTC', [['09:00', '17:00']]))

  it('Chatwoot #13392: Friday 4:30 PM + 1 h breaches on Monday 9:30 AM', () => {
    // 2026-01-30 is a Friday.
    expect(iso(chatwoot.addBusinessTime('2026-01-30T16:30:00Z', 'PT1H'))).toBe(
      '2026-02-02T09:30:00.000Z',
    )
  })

  it('Chatwoot #13392: Wednesday 7:00 AM + 2 h is due Wednesday 11:00 AM', () => {
    expect(iso(chatwoot.addBusinessTime('2026-01-28T07:00:00Z', { hours: 2 }))).toBe(
      '2026-01-28T11:00:00.000Z',
    )
    // The PR's other case: Wednesday 10:00 AM + 2 h is Wednesday 12:00 PM.
    expect(iso(chatwoot.addBusinessTime('2026-01-28T10:00:00Z', { hours: 2 }))).toBe(
      '2026-01-28T12:00:00.000Z',
    )
  })

  it('GLPI PR 22678: Mon–Fri 08–18, Monday 17:00 + 4 h is Tuesday 11:00', () => {
    // https://github.com/glpi-project/glpi/pull/22678 (as cited in issue 3); GLPI is French, so Paris time.
    const glpi = createCalendar(weekdaysOnly('Europe/Paris', [['08:00', '18:00']]))
    expect(iso(glpi.addBusinessTime('2026-02-02T17:00:00+01:00', 'PT4H'))).toBe(
      iso(new Date('2026-02-03T11:00:00+01:00')),
    )
  })

  it('moment-business-time #33: Thursday 12:55:49 + 48 h is the next Friday but one, 12:55:49', () => {
    // https://github.com/lennym/moment-business-time/issues/33 — default Mon–Fri 09–17, at +02:00:
    // 48 h at 8 h a day is six working days, so Friday 2018-09-14 (the maintainers' answer).
    const desk = createCalendar(weekdaysOnly('Etc/GMT-2', [['09:00', '17:00']]))
    expect(iso(desk.addBusinessTime('2018-09-06T12:55:49+02:00', 'PT48H'))).toBe(
      iso(new Date('2018-09-14T12:55:49+02:00')),
    )
  })

  describe('moment-business-time #58: a 00:00–10:00 daily calendar in Europe/Amsterdam', () => {
    // https://github.com/lennym/moment-business-time/issues/58 (DST transition does not work correctly)
    const daily: Interval[] = [['00:00', '10:00']]
    const amsterdam = createCalendar({
      timeZone: 'Europe/Amsterdam',
      week: { mon: daily, tue: daily, wed: daily, thu: daily, fri: daily, sat: daily, sun: daily },
    })

    it('holds 9 business hours on the spring-forward day', () => {
      // Clocks went from 02:00 to 03:00 on 2026-03-29.
      const start = '2026-03-29T00:00:00+01:00'
      expect(amsterdam.businessTimeBetween(start, '2026-03-30T00:00:00+02:00')).toBe(9 * 3_600_000)
      expect(iso(amsterdam.nextClose(start))).toBe(iso(new Date('2026-03-29T10:00:00+02:00')))
      expect(iso(amsterdam.addBusinessTime(start, 'PT9H'))).toBe('2026-03-29T08:00:00.000Z')
    })

    it('adds one real hour across the fall-back hour (the issue’s own case)', () => {
      // 2022-10-30 02:00+02:00 + 1 h should be 02:00+01:00, the second 02:00 of that night.
      expect(iso(amsterdam.addBusinessTime('2022-10-30T02:00:00+02:00', 'PT1H'))).toBe(
        iso(new Date('2022-10-30T02:00:00+01:00')),
      )
      expect(
        amsterdam.businessTimeBetween('2022-10-30T00:00:00+02:00', '2022-10-31T00:00:00+01:00'),
      ).toBe(11 * 3_600_000)
    })
  })

  it('Zammad #3180: a 24-hour calendar loses no minute at midnight', () => {
    // https://github.com/zammad/zammad/issues/3180 — "00:00–23:59" was closed one minute a day;
    // here a day ends at "24:00" and the next starts at "00:00" with nothing between.
    const allDay = createCalendar(weekdaysOnly('Europe/Berlin', [['00:00', '24:00']]))
    expect(iso(allDay.addBusinessTime('2026-03-02T23:30:00+01:00', 'PT1H'))).toBe(
      iso(new Date('2026-03-03T00:30:00+01:00')),
    )
    expect(allDay.isOpen('2026-03-03T00:00:00+01:00')).toBe(true)
    expect(
      allDay.businessTimeBetween('2026-03-02T00:00:00+01:00', '2026-03-07T00:00:00+01:00'),
    ).toBe(120 * 3_600_000)
    expect(iso(allDay.nextClose('2026-03-02T10:00:00+01:00'))).toBe(
      iso(new Date('2026-03-07T00:00:00+01:00')),
    )
  })

  it('a repair reported at 11:50 on a working day is confirmed within 2 hours by 15:20 (lunch break)', () => {
    // SERVICE-STANDARD.md, from 售后客户服务与管理: "Repair report confirmed by the engineer … within
    // 2 hours". On the Shanghai desk (09:00–12:00, 13:30–18:00): 10 minutes before lunch, 1 h 50 after.
    const lunch: Interval[] = [
      ['09:00', '12:00'],
      ['13:30', '18:00'],
    ]
    const shanghai = createCalendar(weekdaysOnly('Asia/Shanghai', lunch))
    expect(iso(shanghai.addBusinessTime('2026-09-29T11:50:00+08:00', 'PT2H'))).toBe(
      iso(new Date('2026-09-29T15:20:00+08:00')),
    )
  })
})
