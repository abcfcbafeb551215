import { accumulate } from './internal/accumulate'
import { invalidOption, mergeMismatch } from './internal/errors'
import { adjustedNetScore, netScore, roundEstimate } from './internal/net-score'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './internal/options'
import { meanResult, rateResult } from './internal/results'
import { resolveCutoff, resolveScale } from './internal/scale'
import { ScoreTally } from './internal/score-tally'
import type {
  Accumulator,
  Interval,
  MeanResult,
  MetricOptions,
  RateResult,
  ScaleOption,
  ScoreInput,
} from './types'

/** How {@link ces} summarises the answers. */
export type CesVariant = 'mean' | 'agree' | 'net'

/** Options of {@link ces}. */
export interface CesOptions extends MetricOptions {
  /** `'mean'` (default), `'agree'` (share agreeing) or `'net'` (% agree − % disagree). */
  variant?: CesVariant
  /** The scale: a number of points from 1 (default `7`, CES 2.0) or `{ min, max }`. */
  scale?: ScaleOption
  /** The lowest score that counts as agreeing (easy). Default: above the midpoint (5 on 1–7). */
  agree?: number
  /** The highest score that counts as disagreeing (hard). Default: below the midpoint (3 on 1–7). */
  disagree?: number
}

/** The result of `ces(…, { variant: 'mean' })`. */
export interface CesMeanResult extends MeanResult {
  variant: 'mean'
  /** Survey-response objects without an `effort` answer. */
  unanswered: number
}

/** The result of `ces(…, { variant: 'agree' })`: the share of agreeing answers with a Wilson interval. */
export interface CesAgreeResult extends RateResult {
  variant: 'agree'
  /** Survey-response objects without an `effort` answer. */
  unanswered: number
}

/** The result of `ces(…, { variant: 'net' })`: % agree − % disagree, −100…100. */
export interface CesNetResult {
  variant: 'net'
  /** % agree − % disagree; `null` when n is 0. */
  value: number | null
  agree: number
  neutral: number
  disagree: number
  n: number
  /** Standard error in points (the trinomial variance NPS uses). */
  standardError: number | null
  /** Wald interval, clamped to [−100, 100]. */
  ci: Interval | null
  /** The adjusted-Wald interval (add 3 to n and ¾ to each end), as for NPS. */
  adjustedCi: Interval | null
  lowSample: boolean
  invalid: number
  unanswered: number
}

/** The result of {@link ces} for a variant. */
export type CesResult<V extends CesVariant = CesVariant> = V extends 'agree'
  ? CesAgreeResult
  : V extends 'net'
    ? CesNetResult
    : CesMeanResult

class CesAccumulator<V extends CesVariant> implements Accumulator<ScoreInput, CesResult<V>> {
  readonly options: ResolvedOptions
  readonly tally: ScoreTally
  readonly variant: CesVariant
  readonly agree: number
  readonly disagree: number

  constructor(options: CesOptions) {
    this.options = resolveOptions('ces', options)
    const variant = options.variant ?? 'mean'
    if (variant !== 'mean' && variant !== 'agree' && variant !== 'net') {
      throw invalidOption(
        'ces',
        'variant',
        `must be 'mean', 'agree' or 'net', got ${String(variant)}`,
      )
    }
    this.variant = variant
    const scale = resolveScale('ces', options.scale, { min: 1, max: 7 })
    const mid = (scale.min + scale.max) / 2
    this.agree = resolveCutoff('ces', 'agree', options.agree, Math.floor(mid) + 1, scale)
    this.disagree = resolveCutoff('ces', 'disagree', options.disagree, Math.ceil(mid) - 1, scale)
    if (this.disagree >= this.agree) {
      throw invalidOption(
        'ces',
        'disagree',
        `(${this.disagree}) must be below agree (${this.agree})`,
      )
    }
    this.tally = new ScoreTally('ces', scale.min, scale.max, 'effort', this.options.skipInvalid)
  }

  add(value: ScoreInput): void {
    this.tally.add(value)
  }

  merge(other: this): this {
    if (
      other.variant !== this.variant ||
      other.agree !== this.agree ||
      other.disagree !== this.disagree
    ) {
      throw mergeMismatch('ces', 'variants or cut-offs')
    }
    if (!sameOutputOptions(this.options, other.options))
      throw mergeMismatch('ces', 'z, round or minSample options')
    this.tally.merge(other.tally)
    return this
  }

  reset(): void {
    this.tally.reset()
  }

  result(): CesResult<V> {
    const { tally, options } = this
    const { invalid, unanswered } = tally
    if (this.variant === 'mean') {
      const { n, mean, m2 } = tally.moments()
      return {
        variant: 'mean',
        ...meanResult(n, mean, m2, invalid, options),
        unanswered,
      } as CesResult<V>
    }
    const agree = tally.between(this.agree, tally.max)
    const n = tally.n()
    if (this.variant === 'agree') {
      return {
        variant: 'agree',
        ...rateResult(agree, n, invalid, options),
        unanswered,
      } as CesResult<V>
    }
    const disagree = tally.between(tally.min, this.disagree)
    const base = {
      variant: 'net' as const,
      agree,
      neutral: n - agree - disagree,
      disagree,
      n,
      lowSample: n < options.minSample,
      invalid,
      unanswered,
    }
    if (n === 0)
      return {
        ...base,
        value: null,
        standardError: null,
        ci: null,
        adjustedCi: null,
      } as CesResult<V>
    const wald = roundEstimate(netScore(agree, disagree, n, options.z), options)
    const adjusted = roundEstimate(adjustedNetScore(agree, disagree, n, options.z), options)
    return {
      ...base,
      value: wald.score,
      standardError: wald.standardError,
      ci: wald.ci,
      adjustedCi: adjusted.ci,
    } as CesResult<V>
  }
}

/**
 * A streaming {@link ces}, like {@link createNpsAccumulator}.
 *
 * @example
 * ```ts
 * const acc = createCesAccumulator({ variant: 'agree' })
 * acc.add(6)
 * acc.add(2)
 * acc.result().value // 50
 * ```
 */
export function createCesAccumulator<V extends CesVariant = 'mean'>(
  options: CesOptions & { variant?: V } = {},
): Accumulator<ScoreInput, CesResult<V>> {
  return new CesAccumulator<V>(options)
}

/**
 * Customer Effort Score on the CES 2.0 agreement scale ("[The company] made it
 * easy for me to handle my issue", 1 = strongly disagree … 7 = strongly agree),
 * in three published variants:
 *
 * - `'mean'`: the average answer, with a Student-t interval;
 * - `'agree'`: `100 · (answers ≥ 5) / n`, the share at least somewhat agreeing, with a Wilson interval;
 * - `'net'`: `100 · (answers ≥ 5 − answers ≤ 3) / n`, −100…100, with the
 *   trinomial (NPS) standard error and Wald and adjusted-Wald intervals.
 *
 * Vendors differ on the net cut-offs (some count only 6–7 as easy), so
 * `agree` and `disagree` are options. Survey responses are read at `effort`.
 *
 * Sources: M. Dixon, K. Freeman & N. Toman, "Stop Trying to Delight Your
 * Customers", Harvard Business Review, Jul–Aug 2010; M. Dixon, N. Toman &
 * R. DeLisi, *The Effortless Experience* (2013), which introduced the 1–7
 * CES 2.0 scale; Gartner, "What's your customer effort score?".
 *
 * @example
 * ```ts
 * ces([7, 6, 5, 2]).mean // 5
 * ces([7, 6, 5, 2], { variant: 'agree' }).value // 75
 * ces([7, 6, 5, 2], { variant: 'net' }).value // 50
 * ```
 */
export function ces<V extends CesVariant = 'mean'>(
  responses: Iterable<ScoreInput>,
  options: CesOptions & { variant?: V } = {},
): CesResult<V> {
  return accumulate(new CesAccumulator<V>(options), responses)
}
