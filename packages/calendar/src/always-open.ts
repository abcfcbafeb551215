import type { Calendar } from './calendar'
import { createCalendar } from './create-calendar'
import { type CalendarDefinition, parseCalendarDefinition, weekdays } from './definition'

/**
 * The definition of a calendar open around the clock, every day, in
 * `timeZone` (default `UTC`). Business time is then real elapsed time; the
 * zone matters only for `{ businessDays: n }`, which keeps the local time of
 * day across daylight-saving shifts.
 *
 * @example
 * ```ts
 * const allDay = createCalendar(defineAlwaysOpen('Europe/Amsterdam'))
 * allDay.addBusinessTime('2026-03-28T12:00:00+01:00', { businessDays: 1 })
 * // 2026-03-29T12:00:00+02:00, 23 hours later: the clocks moved forward that night
 * ```
 */
export function defineAlwaysOpen(timeZone = 'UTC'): CalendarDefinition {
  return parseCalendarDefinition({
    timeZone,
    week: Object.fromEntries(weekdays.map((d) => [d, [['00:00', '24:00']]])),
  })
}

/**
 * A calendar that is always open, in UTC: for targets in real elapsed time
 * ("within 24 hours"). Its `nextClose` throws `CALENDAR_NEVER_CLOSES`.
 *
 * @example
 * ```ts
 * alwaysOpen.addBusinessTime('2026-10-01T09:00:00+08:00', 'PT24H') // 2026-10-02T01:00:00.000Z
 * ```
 */
export const alwaysOpen: Calendar = /* @__PURE__ */ createCalendar(
  /* @__PURE__ */ defineAlwaysOpen(),
)
