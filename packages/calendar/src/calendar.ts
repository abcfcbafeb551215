import type { TimeInput } from '@servicekit/core'
import type { CalendarDefinition } from './definition'
import type { BusinessDuration } from './duration'

/**
 * A business calendar: answers "is it open?", and adds, subtracts and
 * measures business time, exactly, across time-zone shifts, lunch breaks,
 * holidays and make-up working days.
 *
 * Intervals are end-exclusive (17:00 on a 09:00–17:00 day is closed). Times
 * are accepted as `Date`, epoch milliseconds or ISO-8601 with an offset.
 */
export interface Calendar {
  /** The validated definition this calendar was made from. */
  readonly definition: CalendarDefinition
  /** The IANA time zone of the calendar. */
  readonly timeZone: string
  /** Whether the calendar is open at `t`. */
  isOpen(t: TimeInput): boolean
  /** The first open moment at or after `t` (`t` itself when open). */
  nextOpen(t: TimeInput): Date
  /** The first closed moment at or after `t` (`t` itself when closed). */
  nextClose(t: TimeInput): Date
  /** `t` plus `duration` of business time. Adding zero to a closed moment gives the next open moment. */
  addBusinessTime(t: TimeInput, duration: BusinessDuration): Date
  /** `t` minus `duration` of business time. */
  subtractBusinessTime(t: TimeInput, duration: BusinessDuration): Date
  /** Business milliseconds from `a` to `b`; negative when `b` is before `a`. */
  businessTimeBetween(a: TimeInput, b: TimeInput): number
  /** The open intervals between `from` and `to`, clipped to them, as UTC `[start, end)` pairs. */
  openIntervals(from: TimeInput, to: TimeInput): [Date, Date][]
}
