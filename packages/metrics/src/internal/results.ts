import type { Interval, MeanResult, RateResult } from '../types'
import { wilson } from '../wilson-interval'
import { studentTQuantile } from './distributions'
import type { ResolvedOptions } from './options'
import { maybeRound, maybeRoundInterval } from './round'

/** A percentage with its Wilson interval (both in percent). */
export function rateResult(
  count: number,
  n: number,
  invalid: number,
  options: ResolvedOptions,
): RateResult {
  const { round } = options
  if (n === 0) return { value: null, count, n, ci: null, lowSample: true, invalid }
  const [lower, upper] = wilson(count, n, options.z)
  return {
    value: maybeRound((100 * count) / n, round),
    count,
    n,
    ci: maybeRoundInterval([100 * lower, 100 * upper], round),
    lowSample: n < options.minSample,
    invalid,
  }
}

/** A mean with its Student-t interval, from n, the mean and the sum of squared deviations. */
export function meanResult(
  n: number,
  mean: number,
  m2: number,
  invalid: number,
  options: ResolvedOptions,
): MeanResult {
  const { round } = options
  const lowSample = n < options.minSample
  if (n === 0) {
    return {
      mean: null,
      n,
      standardDeviation: null,
      standardError: null,
      ci: null,
      lowSample,
      invalid,
    }
  }
  if (n === 1) {
    return {
      mean: maybeRound(mean, round),
      n,
      standardDeviation: null,
      standardError: null,
      ci: null,
      lowSample,
      invalid,
    }
  }
  const standardDeviation = Math.sqrt(m2 / (n - 1))
  const standardError = standardDeviation / Math.sqrt(n)
  const t = studentTQuantile(options.upperProbability, n - 1)
  const ci: Interval = [mean - t * standardError, mean + t * standardError]
  return {
    mean: maybeRound(mean, round),
    n,
    standardDeviation: maybeRound(standardDeviation, round),
    standardError: maybeRound(standardError, round),
    ci: maybeRoundInterval(ci, round),
    lowSample,
    invalid,
  }
}
