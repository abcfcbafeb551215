import type { NormalizedDuration } from '@servicekit/calendar'
import { toMillis } from '@servicekit/core'
import type { ResolvedOptions } from './resolve-options'

const day = 86_400_000

/** An event's time in epoch milliseconds (parsed events carry a Date). */
export function atOf(event: { at: unknown }): number {
  const at = event.at
  return at instanceof Date ? at.getTime() : toMillis(at as number | string)
}

/**
 * `t` plus a business duration on the process's calendar; without a calendar
 * on a 24/7 one, where a business day is 24 hours.
 */
export function addDuration(options: ResolvedOptions, t: number, d: NormalizedDuration): number {
  const calendar = options.calendar
  if (calendar === undefined) return t + (d.kind === 'time' ? d.ms : d.days * day)
  const duration = d.kind === 'time' ? { seconds: d.ms / 1000 } : { businessDays: d.days }
  return calendar.addBusinessTime(t, duration).getTime()
}
