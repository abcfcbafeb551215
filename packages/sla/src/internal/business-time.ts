import type { Calendar } from '@servicekit/calendar'

/** The calendar operations a clock needs, in epoch and business milliseconds. */
export type BusinessTime = Pick<
  Calendar,
  'businessMsBetween' | 'addBusinessMs' | 'nextOpenMs' | 'addBusinessDaysMs'
>

// The calendar package's range (the UTC years 1000 to 9999): outside it, ask
// the calendar, which reports CALENDAR_OUT_OF_RANGE.
const MIN = Date.UTC(1000, 0, 1)
const MAX = Date.UTC(10_000, 0, 1)

/**
 * The calendar's operations, with plain arithmetic when it is open around the
 * clock (every day 00:00–24:00, no holidays): there business time is real
 * elapsed time, so the answers are the calendar's own, at a fraction of the
 * cost. Business days still go to the calendar (they keep the local time).
 */
export function toBusinessTime(calendar: Calendar): BusinessTime {
  const d = calendar.definition
  const week = Object.values(d.week)
  const continuous =
    week.length === 7 &&
    week.every((day) => day.length === 1 && day[0]![0] === '00:00' && day[0]![1] === '24:00') &&
    d.holidays.length === 0
  if (!continuous) return calendar
  const inRange = (ms: number) => ms >= MIN && ms < MAX
  return {
    businessMsBetween: (a, b) =>
      inRange(a) && inRange(b) ? b - a : calendar.businessMsBetween(a, b),
    addBusinessMs: (a, ms) =>
      inRange(a) && inRange(a + ms) && ms >= 0 ? a + ms : calendar.addBusinessMs(a, ms),
    nextOpenMs: (a) => (inRange(a) ? a : calendar.nextOpenMs(a)),
    addBusinessDaysMs: (a, days) => calendar.addBusinessDaysMs(a, days),
  }
}
