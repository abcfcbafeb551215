import { invalidInput } from './internal/errors'
import { resolveOptions } from './internal/options'
import { rateResult } from './internal/results'
import type { MetricOptions, RateResult } from './types'

/** Customer counts over a period: at its start (S), acquired during it (N), at its end (E). */
export interface CustomerCounts {
  /** S: customers at the start of the period. */
  start: number
  /** N: new customers acquired during the period. */
  new: number
  /** E: customers at the end of the period. */
  end: number
}

/** The result of {@link retentionRate} and {@link churnRate}: `count` is retained (or lost) customers, `n` is S. */
export type RetentionResult = RateResult

function retained(metric: string, counts: CustomerCounts): { kept: number; start: number } {
  for (const key of ['start', 'new', 'end'] as const) {
    const v = counts?.[key]
    if (!(Number.isInteger(v) && v >= 0))
      throw invalidInput(metric, v, `a non-negative integer count (${key})`)
  }
  const kept = counts.end - counts.new
  if (kept < 0 || kept > counts.start) {
    throw invalidInput(
      metric,
      kept,
      `between 0 and start (${counts.start}) for end − new: more customers retained than existed, or new customers missing from end`,
    )
  }
  return { kept, start: counts.start }
}

/**
 * Customer retention rate over a period: the share of the customers at the
 * start who are still customers at the end, with a Wilson interval.
 *
 * `CRR = 100 · (E − N) / S` — new customers are taken out of the end count
 * before dividing, so growth is not mistaken for loyalty.
 *
 * Source: the customer-retention-rate formula of CRM practice, CRR =
 * ((E − N) / S) · 100, as published in many vendor guides (it has no single
 * primary source); worked example: S = 1000, N = 250, E = 1100 gives 85%.
 *
 * @throws ServiceKitError `METRICS_INVALID_INPUT` for negative or fractional
 * counts, or E − N outside [0, S].
 * @example
 * ```ts
 * retentionRate({ start: 1000, new: 250, end: 1100 }).value // 85
 * ```
 */
export function retentionRate(
  counts: CustomerCounts,
  options: MetricOptions = {},
): RetentionResult {
  const resolved = resolveOptions('retentionRate', options)
  const { kept, start } = retained('retentionRate', counts)
  return rateResult(kept, start, 0, resolved)
}

/**
 * Customer churn rate over a period: the share of the customers at the start
 * who left, `100 · (S − (E − N)) / S` = 100 − retention rate, with a Wilson
 * interval. Same counts and source as {@link retentionRate}.
 *
 * @example
 * ```ts
 * churnRate({ start: 1000, new: 250, end: 1100 }).value // 15
 * ```
 */
export function churnRate(counts: CustomerCounts, options: MetricOptions = {}): RetentionResult {
  const resolved = resolveOptions('churnRate', options)
  const { kept, start } = retained('churnRate', counts)
  return rateResult(start - kept, start, 0, resolved)
}
