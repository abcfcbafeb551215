import type { TimeInput } from '@servicekit/core'
import type { CalendarDefinition } from './definition'
import type { BusinessDuration } from './duration'

/**
 * A business calendar: answers "is it open?", and adds, subtracts and
 * measures business time, exactly, across time-zone shifts, lunch breaks,
 * holidays and make-up working days. Made by {@link createCalendar}.
 *
 * Intervals are end-exclusive (17:00 on a 09:00–17:00 day is closed). Times
 * are accepted as `Date`, epoch milliseconds or ISO-8601 with an offset. The
 * `…Ms` methods are the fast paths: epoch milliseconds in and out, no `Date`
 * and no duration parsing, for code that calls the calendar millions of times.
 * The semantics are in `docs/calendars.md`.
 *
 * @example
 * ```ts
 * const desk = createCalendar({
 *   timeZone: 'Asia/Shanghai',
 *   week: { mon: [['09:00', '12:00'], ['13:30', '18:00']] },
 * })
 * desk.addBusinessTime('2026-09-28T11:50:00+08:00', 'PT2H') // 2026-09-28T15:20+08:00
 * ```
 */
export interface Calendar {
  /** The validated definition this calendar was made from. */
  readonly definition: CalendarDefinition
  /** The IANA time zone of the calendar. */
  readonly timeZone: string
  /** Whether the calendar is open at `t` (an interval's end is closed). */
  isOpen(t: TimeInput): boolean
  /** The first open moment at or after `t` (`t` itself when open). */
  nextOpen(t: TimeInput): Date
  /** The first closed moment at or after `t` (`t` itself when closed). */
  nextClose(t: TimeInput): Date
  /**
   * `t` plus `duration` of business time. A time duration ends at the first
   * moment by which that much open time has passed (possibly an interval's
   * end); adding zero to a closed moment gives the next open moment.
   * `{ businessDays: n }` gives the same local time n working days after
   * `nextOpen(t)`, moved to the next open moment when that time is closed.
   */
  addBusinessTime(t: TimeInput, duration: BusinessDuration): Date
  /**
   * `t` minus `duration` of business time: the last moment from which that
   * much open time passes until `t`. Subtracting zero from a closed moment
   * gives the previous closing moment; `subtractBusinessTime(addBusinessTime(t, d), d)`
   * is `t` for every open `t` and time duration `d`.
   */
  subtractBusinessTime(t: TimeInput, duration: BusinessDuration): Date
  /** Business milliseconds from `a` to `b`; negative when `b` is before `a`. */
  businessTimeBetween(a: TimeInput, b: TimeInput): number
  /** The open intervals between `from` and `to`, clipped to them, as UTC `[start, end)` pairs. */
  openIntervals(from: TimeInput, to: TimeInput): [Date, Date][]

  /** Fast path of {@link Calendar.addBusinessTime} for a time duration: epoch ms plus `durationMs` (≥ 0) of business time, in epoch ms. */
  addBusinessMs(startMs: number, durationMs: number): number
  /** Fast path of {@link Calendar.subtractBusinessTime} for a time duration, in epoch ms. */
  subtractBusinessMs(startMs: number, durationMs: number): number
  /** Fast path of {@link Calendar.addBusinessTime} with `{ businessDays: days }`, in epoch ms. */
  addBusinessDaysMs(startMs: number, days: number): number
  /** Fast path of {@link Calendar.subtractBusinessTime} with `{ businessDays: days }`, in epoch ms. */
  subtractBusinessDaysMs(startMs: number, days: number): number
  /** Fast path of {@link Calendar.businessTimeBetween}: business ms from `aMs` to `bMs`. */
  businessMsBetween(aMs: number, bMs: number): number
  /** Fast path of {@link Calendar.nextOpen}, in epoch ms. */
  nextOpenMs(ms: number): number
  /** Fast path of {@link Calendar.nextClose}, in epoch ms. */
  nextCloseMs(ms: number): number
}
