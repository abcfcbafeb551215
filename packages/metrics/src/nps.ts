import { accumulate } from './internal/accumulate'
import { mergeMismatch } from './internal/errors'
import {
  adjustedNetScore,
  type NetScoreEstimate,
  netScore,
  roundEstimate,
} from './internal/net-score'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './internal/options'
import { ScoreTally } from './internal/score-tally'
import type { Accumulator, Interval, MetricOptions, ScoreInput } from './types'

/** Options of {@link nps}. */
export type NpsOptions = MetricOptions

/** The adjusted-Wald estimate of an NPS (Rocks 2016). */
export interface NpsAdjusted {
  /** 100 · (P − D) / (n + 3): the score the adjusted interval is centred on. */
  score: number
  /** Standard error in points, from p' = (P + ¾)/(n + 3) and d' = (D + ¾)/(n + 3). */
  standardError: number
  /** z · standardError. */
  marginOfError: number
  /** score ± marginOfError, clamped to [−100, 100]. */
  ci: Interval
}

/** The result of {@link nps}. */
export interface NpsResult {
  /** % promoters − % detractors, −100…100; `null` when n is 0. */
  score: number | null
  /** Answers of 9 or 10. */
  promoters: number
  /** Answers of 7 or 8. */
  passives: number
  /** Answers of 0 to 6. */
  detractors: number
  /** Valid answers. */
  n: number
  /**
   * Per-answer variance on the −1/0/+1 scale, p + d − (p − d)²
   * (p, d: promoter and detractor shares); `null` when n is 0.
   */
  variance: number | null
  /** Standard error of the score in points, 100 · √(variance / n). */
  standardError: number | null
  /** z · standardError. */
  marginOfError: number | null
  /** Wald interval, score ± marginOfError, clamped to [−100, 100]. */
  ci: Interval | null
  /**
   * The adjusted-Wald interval, which keeps its coverage for small samples
   * and extreme scores; prefer it below a few hundred answers.
   */
  adjusted: NpsAdjusted | null
  /** Whether n is below `minSample`. */
  lowSample: boolean
  /** Values skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
  /** Survey-response objects without a `recommend` answer (not counted in n). */
  unanswered: number
}

class NpsAccumulator implements Accumulator<ScoreInput, NpsResult> {
  readonly options: ResolvedOptions
  readonly tally: ScoreTally

  constructor(options: NpsOptions) {
    this.options = resolveOptions('nps', options)
    this.tally = new ScoreTally('nps', 0, 10, 'recommend', this.options.skipInvalid)
  }

  add(value: ScoreInput): void {
    this.tally.add(value)
  }

  merge(other: this): this {
    if (!sameOutputOptions(this.options, other.options))
      throw mergeMismatch('nps', 'z, round or minSample options')
    this.tally.merge(other.tally)
    return this
  }

  reset(): void {
    this.tally.reset()
  }

  result(): NpsResult {
    const { tally, options } = this
    const promoters = tally.between(9, 10)
    const passives = tally.between(7, 8)
    const detractors = tally.between(0, 6)
    return npsFromCounts(promoters, passives, detractors, tally.invalid, tally.unanswered, options)
  }
}

/** Builds an {@link NpsResult} from the three counts. */
function npsFromCounts(
  promoters: number,
  passives: number,
  detractors: number,
  invalid: number,
  unanswered: number,
  options: ResolvedOptions,
): NpsResult {
  const n = promoters + passives + detractors
  const counts = { promoters, passives, detractors, n }
  const flags = { lowSample: n < options.minSample, invalid, unanswered }
  if (n === 0) {
    const none = {
      variance: null,
      standardError: null,
      marginOfError: null,
      ci: null,
      adjusted: null,
    }
    return { score: null, ...counts, ...none, ...flags }
  }
  const wald: NetScoreEstimate = roundEstimate(
    netScore(promoters, detractors, n, options.z),
    options,
  )
  const adjusted = roundEstimate(adjustedNetScore(promoters, detractors, n, options.z), options)
  return {
    score: wald.score,
    ...counts,
    variance: wald.variance,
    standardError: wald.standardError,
    marginOfError: wald.marginOfError,
    ci: wald.ci,
    adjusted: {
      score: adjusted.score,
      standardError: adjusted.standardError,
      marginOfError: adjusted.marginOfError,
      ci: adjusted.ci,
    },
    ...flags,
  }
}

/**
 * A streaming {@link nps}: one answer at a time in constant memory (eleven
 * counters), mergeable, with the batch function's answer.
 *
 * @example
 * ```ts
 * const acc = createNpsAccumulator()
 * for (const score of [10, 9, 6]) acc.add(score)
 * acc.result().score // 33.333333333333336
 * ```
 */
export function createNpsAccumulator(options: NpsOptions = {}): Accumulator<ScoreInput, NpsResult> {
  return new NpsAccumulator(options)
}

/**
 * Net Promoter Score: the percentage of promoters (9–10) minus the percentage
 * of detractors (0–6) on the 0–10 likelihood-to-recommend question, −100…100,
 * with its standard error and two intervals.
 *
 * - `NPS = 100 · (P − D) / n` (not `P − D / n`: mind the precedence)
 * - per-answer variance `v = p + d − (p − d)²`, `SE = 100 · √(v / n)`
 * - Wald: `NPS ± z · SE`
 * - adjusted Wald: add 3 to n and ¾ to P and to D, then the same formulas.
 *
 * Scores must be integers 0–10: a 6.5 is rejected, never counted in n and in
 * no bucket. Survey responses are read at `recommend`.
 *
 * Sources: F. Reichheld, "The One Number You Need to Grow", Harvard Business
 * Review, Dec 2003; B. Rocks, "Interval Estimation for the 'Net Promoter
 * Score'", The American Statistician 70(4), 2016 (arXiv:1601.07235);
 * J. Sauro & J. Lewis, "Confidence Intervals for Net Promoter Scores" and
 * "Evaluating NPS Confidence Intervals with Real-World Data" (MeasuringU, 2021).
 *
 * @throws ServiceKitError `METRICS_INVALID_INPUT` for a score that is not an
 * integer 0–10 (unless `{ invalid: 'skip' }`).
 * @example
 * ```ts
 * const r = nps([10, 9, 10, 8, 7, 5, 6, 9, 10], { round: 1 })
 * r.score // 33.3
 * r.adjusted?.ci // the interval to quote for a sample this small
 * ```
 */
export function nps(scores: Iterable<ScoreInput>, options: NpsOptions = {}): NpsResult {
  return accumulate(new NpsAccumulator(options), scores)
}
