import { accumulate } from './internal/accumulate'
import { mergeMismatch } from './internal/errors'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './internal/options'
import { meanResult, rateResult } from './internal/results'
import { resolveCutoff, resolveScale } from './internal/scale'
import { ScoreTally } from './internal/score-tally'
import type {
  Accumulator,
  Interval,
  MeanResult,
  MetricOptions,
  ScaleOption,
  ScoreInput,
} from './types'

/** Options of {@link csat} and {@link csatMean}. */
export interface CsatOptions extends MetricOptions {
  /**
   * The rating scale: a number of points from 1 (default `5`, the standard's
   * 1–5 satisfaction score) or `{ min, max }`.
   */
  scale?: ScaleOption
  /**
   * The lowest score that counts as satisfied. Default: the top two boxes
   * (`max − 1`, i.e. 4 and 5 on a 1–5 scale).
   */
  threshold?: number
  /**
   * Which field to read from a survey-response object: `'satisfaction'`
   * (default), `'resultSatisfaction'` or `'processSatisfaction'`.
   */
  field?: 'satisfaction' | 'resultSatisfaction' | 'processSatisfaction'
}

/** The result of {@link csat}. */
export interface CsatResult {
  /** Satisfied answers as a percentage of all valid answers (0–100); `null` when n is 0. */
  value: number | null
  /** How many answers were at or above the threshold. */
  satisfied: number
  /** How many valid answers counted. */
  n: number
  /** Wilson score interval of `value`, in percent. */
  ci: Interval | null
  /** Whether n is below `minSample`. */
  lowSample: boolean
  /** Values skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
  /** Survey-response objects that did not answer the question (not counted in n). */
  unanswered: number
}

/** The result of {@link csatMean}: the mean score with its Student-t interval. */
export interface CsatMeanResult extends MeanResult {
  /** Survey-response objects that did not answer the question (not counted in n). */
  unanswered: number
}

class CsatTally {
  readonly tally: ScoreTally
  readonly threshold: number
  readonly options: ResolvedOptions

  constructor(metric: string, options: CsatOptions) {
    this.options = resolveOptions(metric, options)
    const scale = resolveScale(metric, options.scale, { min: 1, max: 5 })
    this.threshold = resolveCutoff(metric, 'threshold', options.threshold, scale.max - 1, scale)
    this.tally = new ScoreTally(
      metric,
      scale.min,
      scale.max,
      options.field ?? 'satisfaction',
      this.options.skipInvalid,
    )
  }

  add(value: ScoreInput): void {
    this.tally.add(value)
  }

  mergeFrom(other: CsatTally): void {
    if (other.threshold !== this.threshold) throw mergeMismatch(this.tally.metric, 'thresholds')
    if (!sameOutputOptions(this.options, other.options))
      throw mergeMismatch(this.tally.metric, 'z, round or minSample options')
    this.tally.merge(other.tally)
  }

  reset(): void {
    this.tally.reset()
  }
}

class CsatAccumulator extends CsatTally implements Accumulator<ScoreInput, CsatResult> {
  constructor(options: CsatOptions) {
    super('csat', options)
  }

  merge(other: this): this {
    this.mergeFrom(other)
    return this
  }

  result(): CsatResult {
    const { tally } = this
    const satisfied = tally.between(this.threshold, tally.max)
    const { value, n, ci, lowSample, invalid } = rateResult(
      satisfied,
      tally.n(),
      tally.invalid,
      this.options,
    )
    return { value, satisfied, n, ci, lowSample, invalid, unanswered: tally.unanswered }
  }
}

class CsatMeanAccumulator extends CsatTally implements Accumulator<ScoreInput, CsatMeanResult> {
  constructor(options: CsatOptions) {
    super('csatMean', options)
  }

  merge(other: this): this {
    this.mergeFrom(other)
    return this
  }

  result(): CsatMeanResult {
    const { n, mean, m2 } = this.tally.moments()
    return {
      ...meanResult(n, mean, m2, this.tally.invalid, this.options),
      unanswered: this.tally.unanswered,
    }
  }
}

/**
 * A streaming {@link csat}: one answer at a time in constant memory (one
 * counter a scale point), mergeable, with the batch function's answer.
 *
 * @example
 * ```ts
 * const acc = createCsatAccumulator()
 * for (const score of [5, 4, 3]) acc.add(score)
 * acc.result().value // 66.66666666666667
 * ```
 */
export function createCsatAccumulator(
  options: CsatOptions = {},
): Accumulator<ScoreInput, CsatResult> {
  return new CsatAccumulator(options)
}

/**
 * A streaming {@link csatMean}, like {@link createCsatAccumulator}.
 *
 * @example
 * ```ts
 * const acc = createCsatMeanAccumulator()
 * for (const score of [5, 4, 3]) acc.add(score)
 * acc.result().mean // 4
 * ```
 */
export function createCsatMeanAccumulator(
  options: CsatOptions = {},
): Accumulator<ScoreInput, CsatMeanResult> {
  return new CsatMeanAccumulator(options)
}

/**
 * Customer satisfaction (CSAT) as the top-2-box share: the percentage of
 * answers at or above the threshold (4 and 5 on the standard's 1–5 scale),
 * with a Wilson score interval.
 *
 * `CSAT = 100 · (answers ≥ threshold) / (all valid answers)`
 *
 * Counting `score > 4` instead of `score ≥ 4` is the common bug this avoids.
 * Source: the satisfied-share definition used by survey vendors, e.g. Delighted,
 * "How is CSAT calculated?" (help.delighted.com/article/240), whose worked
 * example (42, 32, 10, 9, 14 answers of 5…1) gives 69.16; interval: Wilson (1927).
 *
 * Accepts numbers, or survey responses (core's `SurveyResponse`) read at
 * `options.field` (default `satisfaction`); a response without that field
 * counts as unanswered.
 *
 * @throws ServiceKitError `METRICS_INVALID_INPUT` for a score off the scale,
 * a non-integer, NaN or null (unless `{ invalid: 'skip' }`);
 * `METRICS_INVALID_OPTIONS` for a bad option.
 * @example
 * ```ts
 * csat([5, 5, 4, 3, 1]).value // 60
 * csat(responses, { field: 'processSatisfaction', round: 1 })
 * ```
 */
export function csat(responses: Iterable<ScoreInput>, options: CsatOptions = {}): CsatResult {
  return accumulate(new CsatAccumulator(options), responses)
}

/**
 * The mean-score variant of CSAT: the average answer on the scale, with its
 * sample standard deviation and a Student-t interval (n − 1 degrees of
 * freedom, at the confidence of `z`).
 *
 * `mean = Σ score / n`, `s = √(Σ (score − mean)² / (n − 1))`,
 * `CI = mean ± t(n − 1) · s / √n`.
 *
 * Source: the standard t interval for a mean (Student, "The Probable Error of
 * a Mean", Biometrika 6(1), 1908); Sauro & Lewis, *Quantifying the User
 * Experience* (2nd ed., 2016), ch. 3, recommend it for rating-scale means.
 *
 * @example
 * ```ts
 * csatMean([5, 4, 4, 3]).mean // 4
 * ```
 */
export function csatMean(
  responses: Iterable<ScoreInput>,
  options: CsatOptions = {},
): CsatMeanResult {
  return accumulate(new CsatMeanAccumulator(options), responses)
}
