import { invalidOption } from './internal/errors'
import { resolveOptions } from './internal/options'
import { maybeRound } from './internal/round'
import { normalizeWeights, weightedMean } from './internal/weighted-mean'
import type { InvalidPolicy } from './types'

/** A health band: `'poor'` (red), `'average'` (yellow) or `'good'` (green). */
export type HealthBand = 'poor' | 'average' | 'good'

/** Options of {@link healthScore}. */
export interface HealthScoreOptions {
  /**
   * Upper bounds of the bands on 0–100: a score ≤ `poor` is poor, ≤ `average`
   * is average, above is good. Default `{ poor: 50, average: 75 }`.
   */
  bands?: { poor: number; average: number }
  /** Decimal places to round to; default full precision. */
  round?: number
  /**
   * `'throw'` (default) for a weighted component without a 0–100 score;
   * `'skip'` lists it in `missing` and scales the other weights up.
   */
  invalid?: InvalidPolicy
}

/** The result of {@link healthScore}. */
export interface HealthScoreResult {
  /** Σ weight · component score, 0–100; `null` when no component has a score. */
  value: number | null
  /** The band of `value`; `null` when `value` is. */
  band: HealthBand | null
  /** Each component's weight · score; they sum to `value`. */
  contributions: Record<string, number>
  /** The weights used, normalised to sum to 1 over the components present. */
  weights: Record<string, number>
  /** Weighted components without a usable score (only under `{ invalid: 'skip' }`). */
  missing: string[]
}

/**
 * A customer health score: the weighted mean of component scores on 0–100
 * (product usage, support experience, survey scores, payment history…), and
 * its band.
 *
 * `health = Σᵢ wᵢ · scoreᵢ / Σᵢ wᵢ`; poor ≤ 50 < average ≤ 75 < good by default.
 *
 * Map each component to 0–100 first: a CSAT percentage as is, an NPS as
 * (NPS + 100)/2, a 1–5 mean as 25·(mean − 1).
 *
 * Source: the measure-and-weight scorecard of customer-success platforms,
 * e.g. Gainsight, "Scorecards Overview" and "Scorecards 2.0 FAQs" (numeric
 * scheme 0–100; 0–50 red, 51–75 yellow, 76–100 green).
 *
 * @example
 * ```ts
 * healthScore({ usage: 80, support: 60, nps: 70 }, { usage: 0.5, support: 0.3, nps: 0.2 })
 * // { value: 72, band: 'average', … }
 * ```
 */
export function healthScore(
  components: Readonly<Record<string, number | undefined>>,
  weights: Readonly<Record<string, number>>,
  options: HealthScoreOptions = {},
): HealthScoreResult {
  const normalized = normalizeWeights('healthScore', weights)
  const { round, skipInvalid } = resolveOptions('healthScore', {
    round: options.round,
    invalid: options.invalid,
  })
  const bands = options.bands ?? { poor: 50, average: 75 }
  if (!(bands.poor >= 0 && bands.poor <= bands.average && bands.average <= 100)) {
    throw invalidOption(
      'healthScore',
      'bands',
      `must satisfy 0 ≤ poor ≤ average ≤ 100, got ${JSON.stringify(bands)}`,
    )
  }
  const values = new Map(Object.entries(components))
  const m = weightedMean(
    'healthScore',
    values,
    normalized,
    (x) => x >= 0 && x <= 100,
    'a score from 0 to 100',
    skipInvalid,
  )
  const value = m.value === null ? null : maybeRound(m.value, round)
  const band: HealthBand | null =
    value === null
      ? null
      : value <= bands.poor
        ? 'poor'
        : value <= bands.average
          ? 'average'
          : 'good'
  return {
    value,
    band,
    contributions: Object.fromEntries(
      Object.entries(m.contributions).map(([k, v]) => [k, maybeRound(v, round)]),
    ),
    weights: m.weights,
    missing: m.missing,
  }
}
