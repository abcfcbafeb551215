import { ServiceKitError } from './errors'

/**
 * A moment in time as servicekit accepts it: a `Date`, epoch milliseconds, or
 * an ISO-8601 string that states its offset (`Z` or `+08:00`). A string without
 * an offset is rejected, because its meaning depends on the machine's zone.
 */
export type TimeInput = Date | number | string

// Date and time with an explicit offset; seconds and fractions optional.
const isoWithOffset =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i

/**
 * Converts a {@link TimeInput} to epoch milliseconds.
 *
 * @throws ServiceKitError `TIME_INVALID` for an invalid Date, a non-finite
 * number, or a string that is not ISO-8601 with an offset.
 * @example
 * ```ts
 * toMillis('2026-10-01T09:00:00+08:00') // 1790816400000
 * ```
 */
export function toMillis(input: TimeInput): number {
  const ms = tryToMillis(input)
  if (ms === undefined) {
    throw new ServiceKitError(
      'TIME_INVALID',
      `Not a valid time: ${describe(input)}. Use a Date, epoch milliseconds, or ISO-8601 with an offset such as 2026-10-01T09:00:00+08:00.`,
      { details: { input: describe(input) } },
    )
  }
  return ms
}

/**
 * Converts a {@link TimeInput} to a new `Date`.
 *
 * @throws ServiceKitError `TIME_INVALID` as {@link toMillis} does.
 * @example
 * ```ts
 * toDate(1790816400000).toISOString() // '2026-10-01T01:00:00.000Z'
 * ```
 */
export function toDate(input: TimeInput): Date {
  return new Date(toMillis(input))
}

/** Like {@link toMillis}, but returns `undefined` instead of throwing. */
export function tryToMillis(input: unknown): number | undefined {
  if (input instanceof Date) {
    const ms = input.getTime()
    return Number.isNaN(ms) ? undefined : ms
  }
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined
  if (typeof input === 'string') {
    const m = isoWithOffset.exec(input)
    return m ? fromIsoFields(m) : undefined
  }
  return undefined
}

// Computes the instant from the matched fields, after checking their ranges:
// Date.parse would roll impossible dates over (Feb 30 → Mar 2) and does not
// accept every offset form ISO-8601 allows (-0300).
function fromIsoFields(m: RegExpExecArray): number | undefined {
  const [year, month, day, hour, minute, second] = m
    .slice(1, 7)
    .map((v) => Number(v ?? 0)) as number[]
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3))
  const sign = m[8] === '-' ? -1 : 1
  const offsetMinutes = Number(m[9] ?? 0) * 60 + Number(m[10] ?? 0)
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate()
  const valid =
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    Number(m[9] ?? 0) <= 23 &&
    Number(m[10] ?? 0) <= 59
  if (!valid) return undefined
  const utc = new Date(0)
  utc.setUTCFullYear(year!, month! - 1, day!)
  utc.setUTCHours(hour!, minute!, second!, millis)
  return utc.getTime() - sign * offsetMinutes * 60_000
}

function describe(input: unknown): string {
  if (input instanceof Date) return 'Invalid Date'
  if (typeof input === 'string')
    return JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input)
  return String(input)
}
