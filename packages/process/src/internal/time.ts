import { alwaysOpen, type NormalizedDuration } from '@servicekit/calendar'
import { toMillis } from '@servicekit/core'
import type { ResolvedOptions } from './resolve-options'

/** An event's time in epoch milliseconds (parsed events carry a Date). */
export function atOf(event: { at: unknown }): number {
  const at = event.at
  return at instanceof Date ? at.getTime() : toMillis(at as number | string)
}

/**
 * `t` plus a business duration on the process's calendar; without one, on the
 * calendar package's `alwaysOpen` (UTC, 24/7: a business day is 24 hours).
 */
export function addDuration(options: ResolvedOptions, t: number, d: NormalizedDuration): number {
  const calendar = options.calendar ?? alwaysOpen
  return d.kind === 'time' ? calendar.addBusinessMs(t, d.ms) : calendar.addBusinessDaysMs(t, d.days)
}
