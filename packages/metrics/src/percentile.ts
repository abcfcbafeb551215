import { invalidInput, invalidOption } from './internal/errors'
import { maybeRound } from './internal/round'
import { minFrom, select } from './internal/select'
import type { InvalidPolicy } from './types'

/**
 * How a percentile picks or interpolates between order statistics:
 * - `'nearestRank'`: the smallest value with at least p% of the data at or
 *   below it, x₍⌈p·n/100⌉₎ (Hyndman & Fan type 1); always an observed value.
 * - `'linear'`: linear interpolation at h = (n − 1)·p/100 between x₍⌊h⌋₎ and
 *   the next value (Hyndman & Fan type 7; Excel's PERCENTILE.INC, NumPy's and
 *   R's default).
 */
export type PercentileMethod = 'nearestRank' | 'linear'

/** Options of {@link percentile}. */
export interface PercentileOptions {
  /** Default `'nearestRank'`. */
  method?: PercentileMethod
  /** Decimal places to round the value to; default full precision. */
  round?: number
  /** `'throw'` (default) or `'skip'` for NaN, ±Infinity, null and non-numbers. */
  invalid?: InvalidPolicy
}

/** The result of {@link percentile}. */
export interface PercentileResult {
  /** The percentile; `null` when there are no valid values. */
  value: number | null
  /** The requested percentile, 0–100. */
  p: number
  method: PercentileMethod
  /** Valid values counted. */
  n: number
  /** Values skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
}

/** Validates p and the method; shared with the streaming form. */
export function checkPercentileArgs(metric: string, p: number, method: unknown): PercentileMethod {
  if (!(typeof p === 'number' && p >= 0 && p <= 100)) {
    throw invalidOption(metric, 'p', `must be a number from 0 to 100, got ${String(p)}`)
  }
  if (method !== undefined && method !== 'nearestRank' && method !== 'linear') {
    throw invalidOption(
      metric,
      'method',
      `must be 'nearestRank' or 'linear', got ${String(method)}`,
    )
  }
  return method ?? 'nearestRank'
}

/** The 1-based nearest rank of percentile p among n values. */
export function nearestRank(p: number, n: number): number {
  return Math.max(1, Math.ceil((p * n) / 100))
}

/**
 * The p-th percentile (0–100) of a list of numbers, exact, by nearest rank
 * (default) or linear interpolation, by selection on a copy (linear time on
 * average); the input is not modified.
 * For a stream in constant memory, see {@link createPercentileAccumulator}.
 *
 * - nearest rank: `x₍k₎` with `k = max(1, ⌈p·n/100⌉)`
 * - linear: `h = (n − 1)·p/100`, `x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)` (0-based)
 *
 * Both are monotone in p. Source: R. J. Hyndman & Y. Fan, "Sample Quantiles
 * in Statistical Packages", The American Statistician 50(4), 1996 (types 1
 * and 7); NIST/SEMATECH e-Handbook of Statistical Methods, §7.2.5.2.
 *
 * @example
 * ```ts
 * percentile([15, 20, 35, 40, 50], 30).value // 20 (nearest rank)
 * percentile([15, 20, 35, 40, 50], 40, { method: 'linear' }).value // 29
 * ```
 */
export function percentile(
  values: Iterable<number | null | undefined>,
  p: number,
  options: PercentileOptions = {},
): PercentileResult {
  const method = checkPercentileArgs('percentile', p, options.method)
  const { round } = options
  if (round !== undefined && !(Number.isInteger(round) && round >= 0 && round <= 15)) {
    throw invalidOption('percentile', 'round', `must be an integer from 0 to 15, got ${round}`)
  }
  const skip = options.invalid === 'skip'
  // Copy into a typed array (8 bytes a value, sorted numerically in native code).
  const size = (values as { length?: unknown }).length
  let buffer = new Float64Array(typeof size === 'number' && size > 0 ? size : 1024)
  let n = 0
  let invalid = 0
  let index = 0
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) {
      if (n === buffer.length) {
        const grown = new Float64Array(buffer.length * 2)
        grown.set(buffer)
        buffer = grown
      }
      buffer[n++] = v
    } else if (skip) invalid++
    else throw invalidInput('percentile', v, 'a finite number', index)
    index++
  }
  if (n === 0) return { value: null, p, method, n, invalid }
  // Selection, not a full sort: linear time on average for one percentile.
  const data = buffer.subarray(0, n)
  let value: number
  if (method === 'nearestRank') {
    const k = nearestRank(p, n) - 1
    select(data, k)
    value = data[k]!
  } else {
    const h = ((n - 1) * p) / 100
    const lo = Math.floor(h)
    select(data, lo)
    const a = data[lo]!
    const b = lo + 1 < n ? minFrom(data, lo + 1) : a
    // Clamped to [a, b] so that rounding cannot break monotonicity in p.
    value = Math.min(b, a + (h - lo) * (b - a))
  }
  return { value: maybeRound(value, round), p, method, n, invalid }
}
