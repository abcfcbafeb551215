import { normalCdf } from './internal/distributions'
import { invalidInput } from './internal/errors'
import { adjustedNetScore } from './internal/net-score'
import { resolveOptions } from './internal/options'
import { maybeRound, maybeRoundInterval } from './internal/round'
import type { Interval, MetricOptions } from './types'

/** The three NPS counts of a sample; an {@link NpsResult} fits. */
export interface NpsCounts {
  promoters: number
  passives: number
  detractors: number
}

/** Options of {@link npsDifference}: `z` or `confidence` sets the test's level (default 1.96, 95%). */
export type NpsDifferenceOptions = Pick<MetricOptions, 'z' | 'confidence' | 'round'>

/** The result of {@link npsDifference}. */
export interface NpsDifferenceResult {
  /** a.score − b.score in points, from the unadjusted scores; `null` when a sample is empty. */
  difference: number | null
  /** The difference of the adjusted-Wald scores, which the test and interval use. */
  adjustedDifference: number | null
  /** Standard error of the adjusted difference, √(SE_a² + SE_b²), in points. */
  standardError: number | null
  /** The test statistic, adjustedDifference / standardError. */
  statistic: number | null
  /** Two-sided p-value of the statistic under the normal distribution. */
  pValue: number | null
  /** adjustedDifference ± z · standardError. */
  ci: Interval | null
  /** Whether |statistic| > z, i.e. the difference is significant at the chosen level. */
  significant: boolean
}

function checkCounts(name: string, c: NpsCounts): number {
  for (const key of ['promoters', 'passives', 'detractors'] as const) {
    const v = c[key]
    if (!(Number.isInteger(v) && v >= 0)) {
      throw invalidInput('npsDifference', v, `a non-negative integer count (${name}.${key})`)
    }
  }
  return c.promoters + c.passives + c.detractors
}

/**
 * Whether two Net Promoter Scores differ by more than sampling error: the
 * adjusted-Wald test for two independent samples.
 *
 * For each sample, n' = n + 3, p' = (P + ¾)/n', d' = (D + ¾)/n',
 * NPS' = p' − d', v' = p' + d' − (p' − d')²; then
 * `SE = √(v'_a/n'_a + v'_b/n'_b)`, `Z = (NPS'_a − NPS'_b) / SE`, two-sided
 * `p = 2 · (1 − Φ(|Z|))`. Scores are reported in points (× 100).
 *
 * Sources: J. Lewis & J. Sauro, "How to Statistically Compare Two Net Promoter
 * Scores" and "Evaluating NPS Significance Tests with Real-World Data"
 * (MeasuringU, 2021); B. Rocks, The American Statistician 70(4), 2016.
 *
 * @param a - counts of the first sample (an {@link NpsResult} works)
 * @param b - counts of the second sample
 * @throws ServiceKitError `METRICS_INVALID_INPUT` for a count that is not a
 * non-negative integer.
 * @example
 * ```ts
 * const lastQuarter = nps(scoresQ2)
 * const thisQuarter = nps(scoresQ3)
 * const d = npsDifference(thisQuarter, lastQuarter)
 * if (d.significant) console.log(`NPS moved by ${d.difference} points (p = ${d.pValue})`)
 * ```
 */
export function npsDifference(
  a: NpsCounts,
  b: NpsCounts,
  options: NpsDifferenceOptions = {},
): NpsDifferenceResult {
  const resolved = resolveOptions('npsDifference', options)
  const na = checkCounts('a', a)
  const nb = checkCounts('b', b)
  if (na === 0 || nb === 0) {
    return {
      difference: null,
      adjustedDifference: null,
      standardError: null,
      statistic: null,
      pValue: null,
      ci: null,
      significant: false,
    }
  }
  const { z, round } = resolved
  const ea = adjustedNetScore(a.promoters, a.detractors, na, z)
  const eb = adjustedNetScore(b.promoters, b.detractors, nb, z)
  const difference =
    (100 * (a.promoters - a.detractors)) / na - (100 * (b.promoters - b.detractors)) / nb
  const adjustedDifference = ea.score - eb.score
  const standardError = Math.sqrt(ea.standardError ** 2 + eb.standardError ** 2)
  const statistic = adjustedDifference / standardError
  const pValue = 2 * normalCdf(-Math.abs(statistic))
  const margin = z * standardError
  return {
    difference: maybeRound(difference, round),
    adjustedDifference: maybeRound(adjustedDifference, round),
    standardError: maybeRound(standardError, round),
    statistic: maybeRound(statistic, round),
    pValue: maybeRound(pValue, round),
    ci: maybeRoundInterval([adjustedDifference - margin, adjustedDifference + margin], round),
    significant: Math.abs(statistic) > z,
  }
}
