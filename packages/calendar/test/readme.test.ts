import { describe, expect, it } from 'vitest'
import {
  chinaHolidayNotice2026,
  createCalendar,
  defineChinaCalendar,
  type Interval,
} from '../src/index'

// Every result the package README states, computed here with the README's own code.

const at = (s: string) => new Date(s).toISOString()
const iso = (d: Date) => d.toISOString()

const workday: Interval[] = [
  ['09:00', '12:00'],
  ['13:30', '18:00'],
]
const shanghai = createCalendar({
  timeZone: 'Asia/Shanghai',
  week: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday },
  holidays: [{ from: '2026-10-01', to: '2026-10-07', name: '国庆节 National Day' }],
  workdays: [
    { date: '2026-09-20', as: 'mon', name: '国庆节调休上班' },
    { date: '2026-10-10', as: 'mon', name: '国庆节调休上班' },
  ],
})

const nineToFive: Interval[] = [['09:00', '17:00']]
const newYork = createCalendar({
  timeZone: 'America/New_York',
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: [
    { date: '2026-11-26', name: 'Thanksgiving Day' },
    { date: '2026-11-27', hours: [['09:00', '13:00']], name: 'Half day (company choice)' },
    { date: '2026-12-25', name: 'Christmas Day' },
  ],
})

describe('README', () => {
  it('the Shanghai desk', () => {
    expect(shanghai.isOpen('2026-10-05T10:00:00+08:00')).toBe(false)
    expect(shanghai.isOpen('2026-10-10T10:00:00+08:00')).toBe(true)
    expect(shanghai.isOpen('2026-09-29T12:30:00+08:00')).toBe(false)
    expect(iso(shanghai.addBusinessTime('2026-09-29T11:50:00+08:00', 'PT2H'))).toBe(
      at('2026-09-29T15:20+08:00'),
    )
    expect(iso(shanghai.addBusinessTime('2026-09-30T17:00:00+08:00', { hours: 2 }))).toBe(
      at('2026-10-08T10:00+08:00'),
    )
    expect(iso(shanghai.addBusinessTime('2026-09-30T15:00:00+08:00', { businessDays: 3 }))).toBe(
      at('2026-10-10T15:00+08:00'),
    )
    expect(
      shanghai.businessTimeBetween('2026-09-30T09:00:00+08:00', '2026-10-08T18:00:00+08:00'),
    ).toBe(54_000_000)
    expect(
      shanghai
        .openIntervals('2026-09-30T00:00:00+08:00', '2026-10-09T00:00:00+08:00')
        .map(([a, b]) => [iso(a), iso(b)]),
    ).toEqual([
      [at('2026-09-30T09:00+08:00'), at('2026-09-30T12:00+08:00')],
      [at('2026-09-30T13:30+08:00'), at('2026-09-30T18:00+08:00')],
      [at('2026-10-08T09:00+08:00'), at('2026-10-08T12:00+08:00')],
      [at('2026-10-08T13:30+08:00'), at('2026-10-08T18:00+08:00')],
    ])
  })

  it('the 2026 notice as one call', () => {
    const desk = createCalendar(
      defineChinaCalendar({
        week: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday },
        notices: [chinaHolidayNotice2026],
      }),
    )
    expect(desk.isOpen('2026-02-14T10:00:00+08:00')).toBe(true)
    expect(
      desk.businessTimeBetween('2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00') /
        3_600_000,
    ).toBe(1860)
  })

  it('the New York desk', () => {
    expect(iso(newYork.addBusinessTime('2026-03-06T16:30:00-05:00', 'PT1H'))).toBe(
      at('2026-03-09T09:30-04:00'),
    )
    expect(iso(newYork.addBusinessTime('2026-11-25T15:00:00-05:00', 'PT8H'))).toBe(
      at('2026-11-30T11:00-05:00'),
    )
    expect(iso(newYork.nextOpen('2026-12-25T10:00:00-05:00'))).toBe(at('2026-12-28T09:00-05:00'))
    expect(iso(newYork.nextClose('2026-11-27T10:00:00-05:00'))).toBe(at('2026-11-27T13:00-05:00'))
    // The TSDoc example of createCalendar: Wednesday 8 h, Thanksgiving none, Friday (a full day there) 8 h.
    const tsdoc = createCalendar({
      timeZone: 'America/New_York',
      week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
      holidays: [{ date: '2026-11-26', name: 'Thanksgiving Day' }],
    })
    expect(
      tsdoc.businessTimeBetween('2026-11-25T09:00:00-05:00', '2026-11-28T00:00:00-05:00'),
    ).toBe(57_600_000)
  })

  it('the fast paths', () => {
    const opened = Date.parse('2026-09-29T11:50:00+08:00')
    const due = shanghai.addBusinessMs(opened, 2 * 3_600_000)
    expect(due).toBe(Date.parse('2026-09-29T15:20:00+08:00'))
    expect(shanghai.businessMsBetween(opened, due)).toBe(7_200_000)
    expect(shanghai.addBusinessDaysMs(opened, 3)).toBe(Date.parse('2026-10-09T11:50:00+08:00'))
    expect(shanghai.subtractBusinessMs(due, 2 * 3_600_000)).toBe(opened)
    expect(shanghai.subtractBusinessDaysMs(due, 3)).toBe(Date.parse('2026-09-24T15:20:00+08:00'))
    expect(shanghai.nextOpenMs(opened)).toBe(opened)
    expect(shanghai.nextCloseMs(opened)).toBe(Date.parse('2026-09-29T12:00:00+08:00'))
  })
})
