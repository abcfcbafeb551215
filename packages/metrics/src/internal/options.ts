import type { InvalidPolicy, MetricOptions } from '../types'
import { normalCdf, normalQuantile } from './distributions'
import { invalidOption } from './errors'

/** Options after validation and defaults. */
export interface ResolvedOptions {
  readonly z: number
  /** Φ(z): the one-sided probability the Student-t quantile is taken at. */
  readonly upperProbability: number
  readonly round: number | undefined
  readonly skipInvalid: boolean
  readonly minSample: number
}

/** The z every published example uses for 95%. */
export const DEFAULT_Z = 1.96
/** Below this many answers a result says `lowSample: true`. */
export const DEFAULT_MIN_SAMPLE = 30

/** Validates the common options and fills in the defaults. */
export function resolveOptions(metric: string, options: MetricOptions = {}): ResolvedOptions {
  const { z, confidence, round, invalid, minSample } = options
  if (z !== undefined && confidence !== undefined) {
    throw invalidOption(metric, 'z', 'and confidence are alternatives; give one of them')
  }
  let multiplier = DEFAULT_Z
  if (z !== undefined) {
    if (!(Number.isFinite(z) && z > 0))
      throw invalidOption(metric, 'z', `must be a positive number, got ${z}`)
    multiplier = z
  } else if (confidence !== undefined) {
    if (!(confidence > 0 && confidence < 1)) {
      throw invalidOption(
        metric,
        'confidence',
        `must be between 0 and 1 (exclusive), got ${confidence}`,
      )
    }
    multiplier = normalQuantile((1 + confidence) / 2)
  }
  if (round !== undefined && !(Number.isInteger(round) && round >= 0 && round <= 15)) {
    throw invalidOption(metric, 'round', `must be an integer from 0 to 15, got ${round}`)
  }
  if (invalid !== undefined && invalid !== 'throw' && invalid !== 'skip') {
    throw invalidOption(metric, 'invalid', `must be 'throw' or 'skip', got ${String(invalid)}`)
  }
  if (minSample !== undefined && !(Number.isInteger(minSample) && minSample >= 0)) {
    throw invalidOption(metric, 'minSample', `must be a non-negative integer, got ${minSample}`)
  }
  return {
    z: multiplier,
    upperProbability: normalCdf(multiplier),
    round,
    skipInvalid: (invalid satisfies InvalidPolicy | undefined) === 'skip',
    minSample: minSample ?? DEFAULT_MIN_SAMPLE,
  }
}

/** Whether two resolved options give the same results (for merges). */
export function sameOutputOptions(a: ResolvedOptions, b: ResolvedOptions): boolean {
  return a.z === b.z && a.round === b.round && a.minSample === b.minSample
}
