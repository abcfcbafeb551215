import { ServiceKitError } from '@servicekit/core'
import { type BusinessDuration, type NormalizedDuration, parseBusinessDuration } from '../duration'

// Strings seen before, so that a policy's "PT2H" is parsed once, not per call.
const strings = new Map<string, NormalizedDuration>()
const MAX_CACHED = 1024

/**
 * {@link parseBusinessDuration} without zod on the common shapes: cached
 * strings, `{ businessDays }` and `{ hours, minutes, seconds }` with plain
 * non-negative numbers. Anything else goes through the schema, which accepts
 * or rejects it with the same result and error.
 */
export function normalizeDuration(duration: BusinessDuration): NormalizedDuration {
  if (typeof duration === 'string') {
    let cached = strings.get(duration)
    if (!cached) {
      cached = parseBusinessDuration(duration)
      if (strings.size < MAX_CACHED) strings.set(duration, cached)
    }
    return cached
  }
  if (
    typeof duration === 'object' &&
    duration !== null &&
    Object.getPrototypeOf(duration) === Object.prototype
  ) {
    const fast = objectDuration(duration as Record<string, unknown>)
    if (fast) return fast
  }
  return parseBusinessDuration(duration)
}

function objectDuration(d: Record<string, unknown>): NormalizedDuration | undefined {
  let hours: number | undefined
  let minutes: number | undefined
  let seconds: number | undefined
  let days: number | undefined
  let timeKeys = 0
  for (const key in d) {
    const value = d[key]
    if (key === 'businessDays') {
      if (!Number.isSafeInteger(value) || (value as number) < 0) return undefined
      days = value as number
      continue
    }
    if (key !== 'hours' && key !== 'minutes' && key !== 'seconds') return undefined
    timeKeys++
    if (value === undefined) continue
    if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY)
      return undefined
    if (key === 'hours') hours = value
    else if (key === 'minutes') minutes = value
    else seconds = value
  }
  if (days !== undefined) return timeKeys === 0 ? { kind: 'businessDays', days } : undefined
  if (hours === undefined && minutes === undefined && seconds === undefined) return undefined
  // The same expression as the schema's, so both give the same milliseconds.
  return {
    kind: 'time',
    ms: Math.round((hours ?? 0) * 3_600_000 + (minutes ?? 0) * 60_000 + (seconds ?? 0) * 1000),
  }
}

/** Checks a fast-path duration in milliseconds: a finite, non-negative number. */
export function checkMs(ms: number): number {
  if (ms >= 0 && ms !== Number.POSITIVE_INFINITY) return ms
  throw new ServiceKitError(
    'CALENDAR_DURATION_INVALID',
    `Invalid business duration ${String(ms)} ms: give a finite number of milliseconds, 0 or more.`,
    {
      details: { issues: [{ path: [], pointer: '', code: 'custom', message: 'finite and >= 0' }] },
    },
  )
}

/** Checks a fast-path count of business days: a whole number, 0 or more. */
export function checkDays(days: number): number {
  if (Number.isSafeInteger(days) && days >= 0) return days
  throw new ServiceKitError(
    'CALENDAR_DURATION_INVALID',
    `Invalid number of business days ${String(days)}: give a whole number, 0 or more.`,
    {
      details: { issues: [{ path: [], pointer: '', code: 'custom', message: 'integer and >= 0' }] },
    },
  )
}
