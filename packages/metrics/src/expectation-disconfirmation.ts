import { accumulate } from './internal/accumulate'
import { invalidInput, invalidOption, mergeMismatch } from './internal/errors'
import { Moments } from './internal/moments'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './internal/options'
import { meanResult } from './internal/results'
import { maybeRound } from './internal/round'
import type { Accumulator, MeanResult, MetricOptions } from './types'

/** One customer's expectation and perceived experience, on the same scale. */
export interface ExpectationPair {
  expected: number
  perceived: number
}

/** Options of {@link expectationDisconfirmation}. */
export interface DisconfirmationOptions extends MetricOptions {
  /**
   * The tolerance band in scale points: a gap |perceived − expected| ≤ tolerance
   * counts as confirmed (met). Default 0.
   */
  tolerance?: number
}

/** The result of {@link expectationDisconfirmation}. */
export interface DisconfirmationResult {
  /** The mean gap, perceived − expected, with its Student-t interval (in `gap.mean`, `gap.ci`). */
  gap: MeanResult
  /** Experiences above the band: expectations exceeded. */
  positive: number
  /** Experiences within the band: expectations met. */
  confirmed: number
  /** Experiences below the band: expectations not met. */
  negative: number
  /** 100 · (positive − negative) / n, −100…100; `null` when n is 0. */
  net: number | null
  /** Valid pairs. */
  n: number
  /** The tolerance band used. */
  tolerance: number
  /** Pairs skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
}

class DisconfirmationAccumulator implements Accumulator<ExpectationPair, DisconfirmationResult> {
  readonly options: ResolvedOptions
  readonly tolerance: number
  readonly gaps = new Moments()
  positive = 0
  negative = 0
  invalid = 0

  constructor(options: DisconfirmationOptions) {
    this.options = resolveOptions('expectationDisconfirmation', options)
    const tolerance = options.tolerance ?? 0
    if (!(Number.isFinite(tolerance) && tolerance >= 0)) {
      throw invalidOption(
        'expectationDisconfirmation',
        'tolerance',
        `must be a finite number ≥ 0, got ${tolerance}`,
      )
    }
    this.tolerance = tolerance
  }

  add(pair: ExpectationPair): void {
    const ok =
      typeof pair === 'object' &&
      pair !== null &&
      Number.isFinite(pair.expected) &&
      Number.isFinite(pair.perceived)
    if (!ok) {
      if (this.options.skipInvalid) this.invalid++
      else
        throw invalidInput(
          'expectationDisconfirmation',
          pair,
          '{ expected, perceived } finite numbers',
          this.gaps.n + this.invalid,
        )
      return
    }
    const gap = pair.perceived - pair.expected
    this.gaps.add(gap)
    if (gap > this.tolerance) this.positive++
    else if (gap < -this.tolerance) this.negative++
  }

  merge(other: this): this {
    if (other.tolerance !== this.tolerance)
      throw mergeMismatch('expectationDisconfirmation', 'tolerances')
    if (!sameOutputOptions(this.options, other.options))
      throw mergeMismatch('expectationDisconfirmation', 'z, round or minSample options')
    this.gaps.merge(other.gaps)
    this.positive += other.positive
    this.negative += other.negative
    this.invalid += other.invalid
    return this
  }

  reset(): void {
    this.gaps.reset()
    this.positive = 0
    this.negative = 0
    this.invalid = 0
  }

  result(): DisconfirmationResult {
    const { n, m2 } = this.gaps
    const gap = meanResult(n, n === 0 ? 0 : this.gaps.exactMean(), m2, this.invalid, this.options)
    return {
      gap,
      positive: this.positive,
      confirmed: n - this.positive - this.negative,
      negative: this.negative,
      net:
        n === 0
          ? null
          : maybeRound((100 * (this.positive - this.negative)) / n, this.options.round),
      n,
      tolerance: this.tolerance,
      invalid: this.invalid,
    }
  }
}

/**
 * A streaming {@link expectationDisconfirmation}: constant memory, mergeable.
 *
 * @example
 * ```ts
 * const acc = createDisconfirmationAccumulator({ tolerance: 0.5 })
 * acc.add({ expected: 4, perceived: 5 })
 * acc.result().positive // 1
 * ```
 */
export function createDisconfirmationAccumulator(
  options: DisconfirmationOptions = {},
): Accumulator<ExpectationPair, DisconfirmationResult> {
  return new DisconfirmationAccumulator(options)
}

/**
 * Satisfaction as expectation against experience: each customer's gap,
 * perceived − expected, is positive disconfirmation (exceeded) above the
 * tolerance band, confirmation (met) within it, and negative disconfirmation
 * below it.
 *
 * - `gap = perceived − expected`; `mean gap ± t · s/√n`
 * - positive if `gap > tolerance`, negative if `gap < −tolerance`, else confirmed
 * - `net = 100 · (positive − negative) / n`
 *
 * Sources: R. L. Oliver, "A Cognitive Model of the Antecedents and
 * Consequences of Satisfaction Decisions", Journal of Marketing Research
 * 17(4), 1980 (expectation-disconfirmation); V. Zeithaml, L. Berry &
 * A. Parasuraman, "The Nature and Determinants of Customer Expectations of
 * Service", Journal of the Academy of Marketing Science 21(1), 1993 (the zone
 * of tolerance).
 *
 * @example
 * ```ts
 * const r = expectationDisconfirmation(
 *   [{ expected: 4, perceived: 5 }, { expected: 4, perceived: 4 }, { expected: 5, perceived: 3 }],
 *   { tolerance: 0.5 },
 * )
 * r.positive // 1
 * r.net // 0
 * ```
 */
export function expectationDisconfirmation(
  pairs: Iterable<ExpectationPair>,
  options: DisconfirmationOptions = {},
): DisconfirmationResult {
  return accumulate(new DisconfirmationAccumulator(options), pairs)
}
