import { type TimeInput, toMillis } from '@servicekit/core'
import type { Calendar } from './calendar'
import { type CalendarDefinitionInput, parseCalendarDefinition } from './definition'
import type { BusinessDuration } from './duration'
import { createDaySchedule } from './internal/day-hours'
import { checkDays, checkMs, normalizeDuration } from './internal/normalize-duration'
import { Timeline } from './internal/timeline'
import { checkInstant, zoneOf } from './internal/zone'

/**
 * Makes a {@link Calendar} from a definition (plain JSON, as in a policy file).
 *
 * Nothing is computed up front: each UTC year's open intervals are computed on
 * first use and kept with prefix sums of open time, so a query is a binary
 * search, never a walk over minutes. Calendars compute the years 1000 to 9999;
 * a search that finds no open time in 10 consecutive years throws
 * `CALENDAR_NEVER_OPEN`.
 *
 * @throws ServiceKitError `CALENDAR_INVALID` with every issue's JSON pointer.
 * @example
 * A Shanghai desk with a lunch break, National Day and its make-up days:
 * ```ts
 * const workday: Interval[] = [['09:00', '12:00'], ['13:30', '18:00']]
 * const shanghai = createCalendar({
 *   timeZone: 'Asia/Shanghai',
 *   week: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday },
 *   holidays: [{ from: '2026-10-01', to: '2026-10-07', name: 'National Day 国庆节' }],
 *   workdays: [
 *     { date: '2026-09-20', as: 'mon', name: '国庆节调休上班' },
 *     { date: '2026-10-10', as: 'mon', name: '国庆节调休上班' },
 *   ],
 * })
 * shanghai.addBusinessTime('2026-09-30T17:00:00+08:00', 'PT2H')
 * // 2026-10-08T10:00:00+08:00: National Day is skipped
 * shanghai.isOpen('2026-10-10T10:00:00+08:00') // true: a make-up Saturday
 * ```
 * @example
 * A New York desk, across the night the clocks move forward:
 * ```ts
 * const nineToFive: Interval[] = [['09:00', '17:00']]
 * const newYork = createCalendar({
 *   timeZone: 'America/New_York',
 *   week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
 *   holidays: [{ date: '2026-11-26', name: 'Thanksgiving Day' }],
 * })
 * newYork.addBusinessTime('2026-03-06T16:30:00-05:00', 'PT1H') // 2026-03-09T09:30:00-04:00
 * newYork.businessTimeBetween('2026-11-25T09:00:00-05:00', '2026-11-28T00:00:00-05:00') // 57600000 (16 h)
 * ```
 */
export function createCalendar(definition: CalendarDefinitionInput): Calendar {
  const parsed = parseCalendarDefinition(definition)
  const line = new Timeline(zoneOf(parsed.timeZone), createDaySchedule(parsed))
  const at = (t: number): number => {
    checkInstant(t)
    return t
  }
  return Object.freeze({
    definition: parsed,
    timeZone: parsed.timeZone,
    isOpen: (t: TimeInput) => line.isOpen(toMillis(t)),
    nextOpen: (t: TimeInput) => new Date(line.nextOpen(toMillis(t))),
    nextClose: (t: TimeInput) => new Date(line.nextClose(toMillis(t))),
    addBusinessTime(t: TimeInput, duration: BusinessDuration) {
      const start = toMillis(t)
      const d = normalizeDuration(duration)
      return new Date(d.kind === 'time' ? line.add(start, d.ms) : line.addDays(start, d.days))
    },
    subtractBusinessTime(t: TimeInput, duration: BusinessDuration) {
      const start = toMillis(t)
      const d = normalizeDuration(duration)
      return new Date(
        d.kind === 'time' ? line.subtract(start, d.ms) : line.subtractDays(start, d.days),
      )
    },
    businessTimeBetween: (a: TimeInput, b: TimeInput) => line.between(toMillis(a), toMillis(b)),
    openIntervals(from: TimeInput, to: TimeInput) {
      const flat = line.intervals(toMillis(from), toMillis(to))
      const out: [Date, Date][] = []
      for (let i = 0; i < flat.length; i += 2)
        out.push([new Date(flat[i]!), new Date(flat[i + 1]!)])
      return out
    },
    addBusinessMs: (startMs: number, durationMs: number) =>
      line.add(at(startMs), checkMs(durationMs)),
    subtractBusinessMs: (startMs: number, durationMs: number) =>
      line.subtract(at(startMs), checkMs(durationMs)),
    addBusinessDaysMs: (startMs: number, days: number) =>
      line.addDays(at(startMs), checkDays(days)),
    subtractBusinessDaysMs: (startMs: number, days: number) =>
      line.subtractDays(at(startMs), checkDays(days)),
    businessMsBetween: (aMs: number, bMs: number) => line.between(at(aMs), at(bMs)),
    nextOpenMs: (ms: number) => line.nextOpen(at(ms)),
    nextCloseMs: (ms: number) => line.nextClose(at(ms)),
  } satisfies Calendar)
}
