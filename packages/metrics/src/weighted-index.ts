import { invalidInput, mergeMismatch } from './internal/errors'
import { resolveOptions } from './internal/options'
import { maybeRound } from './internal/round'
import { resolveScale } from './internal/scale'
import { normalizeWeights, weightedMean } from './internal/weighted-mean'
import type { Accumulator, InvalidPolicy, ScaleOption } from './types'

/**
 * The service standard's weights for the satisfaction index (SERVICE-STANDARD
 * §3, from the handbook 客户服务部门管理与服务流程标准化): response speed
 * 响应速度 20%, service quality 服务质量 30%, product satisfaction 产品满意度
 * 25%, support effectiveness 支持有效性 15%, willingness to recommend 推荐意愿 10%.
 */
export const standardIndexWeights = {
  responseSpeed: 0.2,
  serviceQuality: 0.3,
  productSatisfaction: 0.25,
  supportEffectiveness: 0.15,
  recommendation: 0.1,
} as const satisfies Record<string, number>

/** Options of {@link weightedIndex}. */
export interface WeightedIndexOptions {
  /** The scale of every dimension score: points from 1 (default `5`) or `{ min, max }`. */
  scale?: ScaleOption
  /** Decimal places to round to; default full precision. */
  round?: number
  /**
   * `'throw'` (default): a weighted dimension without a score, or a score off
   * the scale, throws `METRICS_INVALID_INPUT`. `'skip'`: it is listed in
   * `missing` and the other weights are scaled up to sum to 1.
   */
  invalid?: InvalidPolicy
}

/** The result of {@link weightedIndex}. */
export interface WeightedIndexResult {
  /** Σ weight · score, on the dimensions' scale (e.g. 1–5); `null` when no dimension has a score. */
  value: number | null
  /** The same on 0–100: 100 · (value − min) / (max − min). */
  percent: number | null
  /** Each dimension's weight · score; they sum to `value`. */
  contributions: Record<string, number>
  /** The weights used, normalised to sum to 1 over the dimensions present. */
  weights: Record<string, number>
  /** Weighted dimensions without a usable score (only under `{ invalid: 'skip' }`). */
  missing: string[]
  /** How many answers each dimension's score came from (1 for a single number). */
  n: Record<string, number>
  /** Answers skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
}

/** Scores of one dimension: a single score (e.g. a mean) or all the answers to average. */
export type DimensionScores = number | Iterable<number>

/**
 * A weighted satisfaction index: the weighted mean of dimension scores,
 * with the service standard's weights by default ({@link standardIndexWeights}).
 *
 * `index = Σᵢ wᵢ · scoreᵢ / Σᵢ wᵢ`, and `percent = 100 · (index − min) / (max − min)`.
 *
 * A dimension given as a list of answers contributes their mean. Weights may
 * be given in any unit (0.3 or 30); they are normalised to sum to 1.
 *
 * Source: the weighted-average satisfaction index of the standard's handbook
 * (SERVICE-STANDARD §3); the 0–100 rescaling as in customer-satisfaction
 * indices such as the ACSI (Fornell et al., "The American Customer
 * Satisfaction Index", Journal of Marketing 60(4), 1996).
 *
 * @throws ServiceKitError `METRICS_INVALID_INPUT` for a missing dimension or
 * a score off the scale (unless `{ invalid: 'skip' }`); `METRICS_INVALID_OPTIONS`
 * for negative or all-zero weights.
 * @example
 * ```ts
 * weightedIndex({
 *   responseSpeed: 4, serviceQuality: 5, productSatisfaction: 4,
 *   supportEffectiveness: 3, recommendation: 5,
 * }).value // 4.25
 * ```
 */
export function weightedIndex(
  dimensions: Readonly<Record<string, DimensionScores | undefined>>,
  weights: Readonly<Record<string, number>> = standardIndexWeights,
  options: WeightedIndexOptions = {},
): WeightedIndexResult {
  const normalized = normalizeWeights('weightedIndex', weights)
  const scale = resolveScale('weightedIndex', options.scale, { min: 1, max: 5 })
  const { round, skipInvalid } = resolveOptions('weightedIndex', {
    round: options.round,
    invalid: options.invalid,
  })
  const values = new Map<string, number | undefined>()
  const n: Record<string, number> = {}
  let invalid = 0
  for (const key of normalized.keys()) {
    const scores = dimensions[key]
    if (scores === undefined || typeof scores === 'number') {
      values.set(key, scores)
      if (scores !== undefined) n[key] = 1
      continue
    }
    // A list of answers: average the valid ones; an invalid one throws or is skipped.
    let sum = 0
    let count = 0
    for (const s of scores) {
      if (typeof s === 'number' && s >= scale.min && s <= scale.max) {
        sum += s
        count++
      } else if (skipInvalid) invalid++
      else
        throw invalidInput(
          'weightedIndex',
          s,
          `a score from ${scale.min} to ${scale.max} for "${key}"`,
        )
    }
    values.set(key, count === 0 ? undefined : sum / count)
    n[key] = count
  }
  return indexFrom(values, normalized, scale, n, invalid, round, skipInvalid)
}

function indexFrom(
  values: ReadonlyMap<string, number | undefined>,
  weights: ReadonlyMap<string, number>,
  scale: { min: number; max: number },
  n: Record<string, number>,
  invalid: number,
  round: number | undefined,
  skip: boolean,
): WeightedIndexResult {
  const inScale = (x: number) => x >= scale.min && x <= scale.max
  const m = weightedMean(
    'weightedIndex',
    values,
    weights,
    inScale,
    `a score from ${scale.min} to ${scale.max}`,
    skip,
  )
  const r = (x: number) => maybeRound(x, round)
  return {
    value: m.value === null ? null : r(m.value),
    percent: m.value === null ? null : r((100 * (m.value - scale.min)) / (scale.max - scale.min)),
    contributions: Object.fromEntries(Object.entries(m.contributions).map(([k, v]) => [k, r(v)])),
    weights: m.weights,
    missing: m.missing,
    n,
    invalid,
  }
}

/** Dimension scores of one survey answer, e.g. core's `SurveyResponse.dimensions`. */
export type DimensionAnswer =
  | Readonly<Record<string, number | undefined>>
  | { dimensions?: Readonly<Record<string, number>> }

class WeightedIndexAccumulator implements Accumulator<DimensionAnswer, WeightedIndexResult> {
  readonly weights: Map<string, number>
  readonly keys: string[]
  readonly sums: Float64Array
  readonly counts: Float64Array
  readonly scale: { min: number; max: number }
  readonly round: number | undefined
  readonly skip: boolean
  invalid = 0

  constructor(weights: Readonly<Record<string, number>>, options: WeightedIndexOptions) {
    this.weights = normalizeWeights('weightedIndex', weights)
    this.keys = [...this.weights.keys()]
    this.sums = new Float64Array(this.keys.length)
    this.counts = new Float64Array(this.keys.length)
    this.scale = resolveScale('weightedIndex', options.scale, { min: 1, max: 5 })
    const resolved = resolveOptions('weightedIndex', {
      round: options.round,
      invalid: options.invalid,
    })
    this.round = resolved.round
    this.skip = resolved.skipInvalid
  }

  add(answer: DimensionAnswer): void {
    const record =
      (answer as { dimensions?: Record<string, number> }).dimensions ??
      (answer as Record<string, number | undefined>)
    const { min, max } = this.scale
    for (let i = 0; i < this.keys.length; i++) {
      const s = record[this.keys[i]!]
      if (s === undefined) continue // this answer skipped the question
      if (typeof s === 'number' && s >= min && s <= max) {
        this.sums[i]! += s
        this.counts[i]!++
      } else if (this.skip) this.invalid++
      else
        throw invalidInput(
          'weightedIndex',
          s,
          `a score from ${min} to ${max} for "${this.keys[i]}"`,
        )
    }
  }

  merge(other: this): this {
    if (
      other.keys.join('\u0000') !== this.keys.join('\u0000') ||
      [...other.weights.values()].some((w, i) => w !== this.weights.get(this.keys[i]!))
    ) {
      throw mergeMismatch('weightedIndex', 'weights')
    }
    if (other.scale.min !== this.scale.min || other.scale.max !== this.scale.max)
      throw mergeMismatch('weightedIndex', 'scales')
    for (let i = 0; i < this.keys.length; i++) {
      this.sums[i]! += other.sums[i]!
      this.counts[i]! += other.counts[i]!
    }
    this.invalid += other.invalid
    return this
  }

  reset(): void {
    this.sums.fill(0)
    this.counts.fill(0)
    this.invalid = 0
  }

  result(): WeightedIndexResult {
    const values = new Map<string, number | undefined>()
    const n: Record<string, number> = {}
    this.keys.forEach((key, i) => {
      const c = this.counts[i]!
      n[key] = c
      values.set(key, c === 0 ? undefined : this.sums[i]! / c)
    })
    return indexFrom(values, this.weights, this.scale, n, this.invalid, this.round, this.skip)
  }
}

/**
 * A streaming {@link weightedIndex} over survey answers (each a record of
 * dimension scores, or a `SurveyResponse` with `dimensions`): one sum and
 * count a weighted dimension, mergeable.
 *
 * @example
 * ```ts
 * const acc = createWeightedIndexAccumulator()
 * for (const response of responses) acc.add(response) // reads response.dimensions
 * acc.result().percent
 * ```
 */
export function createWeightedIndexAccumulator(
  weights: Readonly<Record<string, number>> = standardIndexWeights,
  options: WeightedIndexOptions = {},
): Accumulator<DimensionAnswer, WeightedIndexResult> {
  return new WeightedIndexAccumulator(weights, options)
}
