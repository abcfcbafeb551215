import { invalidInput } from './internal/errors'
import { DEFAULT_Z } from './internal/options'
import type { Interval } from './types'

/**
 * The Wilson score interval of a binomial proportion.
 *
 * With p̂ = s / n:
 * `(p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)`.
 *
 * Unlike the textbook (Wald) interval p̂ ± z·√(p̂(1 − p̂)/n), it stays inside
 * [0, 1], is never zero-width at 0% or 100%, and keeps close to its nominal
 * coverage for small n (Brown, Cai & DasGupta, "Interval Estimation for a
 * Binomial Proportion", Statistical Science 16(2), 2001).
 *
 * Source: E. B. Wilson, "Probable Inference, the Law of Succession, and
 * Statistical Inference", Journal of the American Statistical Association
 * 22(158): 209–212, 1927.
 *
 * @param successes - the count of successes, 0 ≤ successes ≤ n
 * @param n - the number of trials
 * @param z - the normal multiplier; 1.96 for 95% (default)
 * @returns `[lower, upper]` as proportions, or `null` when n is 0
 * @throws ServiceKitError `METRICS_INVALID_INPUT` for a negative, non-finite
 * or inconsistent count, or a z that is not positive.
 * @example
 * ```ts
 * wilsonInterval(430, 474) // [0.8776750858242243, 0.9301239839930541]
 * ```
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z: number = DEFAULT_Z,
): Interval | null {
  if (!(Number.isFinite(n) && n >= 0)) throw invalidInput('wilsonInterval', n, 'a finite n ≥ 0')
  if (!(Number.isFinite(successes) && successes >= 0 && successes <= n)) {
    throw invalidInput('wilsonInterval', successes, `a count of successes from 0 to n (${n})`)
  }
  if (!(Number.isFinite(z) && z > 0)) throw invalidInput('wilsonInterval', z, 'a positive z')
  if (n === 0) return null
  return wilson(successes, n, z)
}

/** {@link wilsonInterval} without validation, for callers that validated. */
export function wilson(successes: number, n: number, z: number): Interval {
  const p = successes / n
  const z2 = z * z
  const denominator = 1 + z2 / n
  const centre = p + z2 / (2 * n)
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  // The interval always contains p̂ and lies in [0, 1]; clamp the last-bit
  // rounding noise at the ends so that it does in floating point too.
  const lower = Math.min(p, Math.max(0, (centre - margin) / denominator))
  const upper = Math.max(p, Math.min(1, (centre + margin) / denominator))
  return [lower, upper]
}
