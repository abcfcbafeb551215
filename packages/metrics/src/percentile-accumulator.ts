import { invalidInput, invalidOption, mergeMismatch } from './internal/errors'
import { maybeRound } from './internal/round'
import {
  checkPercentileArgs,
  nearestRank,
  type PercentileMethod,
  type PercentileResult,
} from './percentile'
import type { Accumulator, InvalidPolicy } from './types'

/** Options of {@link createPercentileAccumulator}. */
export interface PercentileAccumulatorOptions {
  /**
   * The guaranteed relative error α of every percentile, from 0.0001 to 0.1.
   * Default 0.01 (1%). Memory is fixed at creation and grows like 1/α:
   * about 44 KB at 1%, 440 KB at 0.1%.
   */
  relativeAccuracy?: number
  /** Decimal places to round values to; default full precision. */
  round?: number
  /** `'throw'` (default) or `'skip'` for NaN, ±Infinity, non-numbers and magnitudes above 1e15. */
  invalid?: InvalidPolicy
}

/** A summary of the stream: exact count, min and max, and approximate percentiles. */
export interface PercentileSummary {
  /** Valid values added. */
  n: number
  /** The exact minimum; `null` when empty. */
  min: number | null
  /** The exact maximum; `null` when empty. */
  max: number | null
  /** Nearest-rank percentiles within `relativeAccuracy`; `null` when empty. */
  p50: number | null
  p90: number | null
  p95: number | null
  p99: number | null
  /** The relative error bound α. */
  relativeAccuracy: number
  /** Values skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
}

/** The streaming percentile accumulator; `percentile(p)` answers any p. */
export interface PercentileAccumulator extends Accumulator<number, PercentileSummary> {
  /** The p-th percentile (0–100) of everything added, within `relativeAccuracy` of the exact one. */
  percentile(p: number, options?: { method?: PercentileMethod }): PercentileResult
}

// Magnitudes below this count as zero (absolute error under 1e-9); above the
// max they are rejected. 1e15 ms is 31,000 years: any real duration fits.
const MIN_MAGNITUDE = 1e-9
const MAX_MAGNITUDE = 1e15

class PercentileSketch implements PercentileAccumulator {
  readonly alpha: number
  readonly round: number | undefined
  readonly skipInvalid: boolean
  private readonly gamma: number
  private readonly logGamma: number
  private readonly invLogGamma: number
  private readonly keyOffset: number
  private readonly positive: Float64Array
  private readonly negative: Float64Array
  private zeros = 0
  private count = 0
  private lowest = Number.POSITIVE_INFINITY
  private highest = Number.NEGATIVE_INFINITY
  invalid = 0

  constructor(options: PercentileAccumulatorOptions) {
    const alpha = options.relativeAccuracy ?? 0.01
    if (!(alpha >= 0.0001 && alpha <= 0.1)) {
      throw invalidOption(
        'createPercentileAccumulator',
        'relativeAccuracy',
        `must be from 0.0001 to 0.1, got ${alpha}`,
      )
    }
    const { round } = options
    if (round !== undefined && !(Number.isInteger(round) && round >= 0 && round <= 15)) {
      throw invalidOption(
        'createPercentileAccumulator',
        'round',
        `must be an integer from 0 to 15, got ${round}`,
      )
    }
    this.alpha = alpha
    this.round = round
    this.skipInvalid = options.invalid === 'skip'
    this.gamma = (1 + alpha) / (1 - alpha)
    this.logGamma = Math.log(this.gamma)
    this.invLogGamma = 1 / this.logGamma
    this.keyOffset = Math.ceil(Math.log(MIN_MAGNITUDE) * this.invLogGamma)
    const size = Math.ceil(Math.log(MAX_MAGNITUDE) * this.invLogGamma) - this.keyOffset + 2
    this.positive = new Float64Array(size)
    this.negative = new Float64Array(size)
  }

  add(value: number): void {
    const abs = value < 0 ? -value : value
    if (!(abs <= MAX_MAGNITUDE)) {
      // NaN, ±Infinity, non-numbers and magnitudes past the indexable range.
      if (this.skipInvalid) this.invalid++
      else
        throw invalidInput(
          'percentileAccumulator',
          value,
          `a finite number of magnitude ≤ ${MAX_MAGNITUDE}`,
          this.count + this.invalid,
        )
      return
    }
    if (typeof value !== 'number') {
      if (this.skipInvalid) this.invalid++
      else throw invalidInput('percentileAccumulator', value, 'a number', this.count + this.invalid)
      return
    }
    this.count++
    if (value < this.lowest) this.lowest = value
    if (value > this.highest) this.highest = value
    if (abs < MIN_MAGNITUDE) {
      this.zeros++
      return
    }
    // Bucket i holds (γ^(i−1), γ^i]; any value in it is within α of 2γ^i/(γ+1).
    const key = Math.ceil(Math.log(abs) * this.invLogGamma) - this.keyOffset
    if (value > 0) this.positive[key]!++
    else this.negative[key]!++
  }

  private representative(key: number): number {
    return (2 * Math.exp((key + this.keyOffset) * this.logGamma)) / (this.gamma + 1)
  }

  /** The approximate k-th smallest value (1-based), exact for the ends. */
  private valueAtRank(k: number): number {
    if (k <= 1) return this.lowest
    if (k >= this.count) return this.highest
    let seen = 0
    const { negative, positive } = this
    for (let i = negative.length - 1; i >= 0; i--) {
      seen += negative[i]!
      if (seen >= k) return this.clamp(-this.representative(i))
    }
    seen += this.zeros
    if (seen >= k) return this.clamp(0)
    for (let i = 0; i < positive.length; i++) {
      seen += positive[i]!
      if (seen >= k) return this.clamp(this.representative(i))
    }
    return this.highest
  }

  private clamp(x: number): number {
    return Math.min(this.highest, Math.max(this.lowest, x))
  }

  percentile(p: number, options: { method?: PercentileMethod } = {}): PercentileResult {
    const method = checkPercentileArgs('percentileAccumulator', p, options.method)
    const n = this.count
    const base = { p, method, n, invalid: this.invalid }
    if (n === 0) return { ...base, value: null }
    let value: number
    if (method === 'nearestRank') {
      value = this.valueAtRank(nearestRank(p, n))
    } else {
      const h = ((n - 1) * p) / 100
      const lo = Math.floor(h)
      const a = this.valueAtRank(lo + 1)
      const b = lo + 1 < n ? this.valueAtRank(lo + 2) : a
      value = Math.min(b, a + (h - lo) * (b - a))
    }
    return { ...base, value: maybeRound(value, this.round) }
  }

  result(): PercentileSummary {
    const at = (p: number) => this.percentile(p).value
    const empty = this.count === 0
    return {
      n: this.count,
      min: empty ? null : maybeRound(this.lowest, this.round),
      max: empty ? null : maybeRound(this.highest, this.round),
      p50: at(50),
      p90: at(90),
      p95: at(95),
      p99: at(99),
      relativeAccuracy: this.alpha,
      invalid: this.invalid,
    }
  }

  merge(other: this): this {
    if (other.alpha !== this.alpha)
      throw mergeMismatch('percentileAccumulator', 'relative accuracies')
    if (other.round !== this.round) throw mergeMismatch('percentileAccumulator', 'round options')
    for (let i = 0; i < this.positive.length; i++) {
      this.positive[i]! += other.positive[i]!
      this.negative[i]! += other.negative[i]!
    }
    this.zeros += other.zeros
    this.count += other.count
    this.invalid += other.invalid
    this.lowest = Math.min(this.lowest, other.lowest)
    this.highest = Math.max(this.highest, other.highest)
    return this
  }

  reset(): void {
    this.positive.fill(0)
    this.negative.fill(0)
    this.zeros = 0
    this.count = 0
    this.invalid = 0
    this.lowest = Number.POSITIVE_INFINITY
    this.highest = Number.NEGATIVE_INFINITY
  }
}

/**
 * A streaming percentile in fixed memory: approximate, with a guaranteed
 * relative error. Every nearest-rank percentile it returns is within
 * `relativeAccuracy` (default 1%) of the exact one that {@link percentile}
 * computes on the same data: `|estimate − exact| ≤ α·|exact|` (values of
 * magnitude below 1e-9 are counted as 0). `min`, `max`, `n`, p = 0 and
 * p = 100 are exact. Merging is exact: two merged accumulators hold the
 * same buckets as one that saw all the values, whatever the split.
 *
 * It is DDSketch's logarithmic mapping with a dense, preallocated store:
 * bucket i holds (γ^(i−1), γ^i] with γ = (1 + α)/(1 − α), and reports
 * 2γ^i/(γ + 1). Source: C. Masson, J. E. Rim & H. K. Lee, "DDSketch: A Fast
 * and Fully-Mergeable Quantile Sketch with Relative-Error Guarantees",
 * PVLDB 12(12), 2019.
 *
 * @example
 * ```ts
 * const acc = createPercentileAccumulator()
 * for (const ms of handleTimes) acc.add(ms)
 * acc.percentile(95).value // within 1% of percentile(handleTimes, 95).value
 * acc.result() // { n, min, max, p50, p90, p95, p99, … }
 * ```
 */
export function createPercentileAccumulator(
  options: PercentileAccumulatorOptions = {},
): PercentileAccumulator {
  return new PercentileSketch(options)
}
