import type { Interval } from '../types'
import type { ResolvedOptions } from './options'
import { maybeRound, maybeRoundInterval } from './round'

/** A net score (share positive − share negative, in points −100…100) with its uncertainty. */
export interface NetScoreEstimate {
  /** The net score in points, −100…100. */
  score: number
  /** Per-answer variance on the −1/0/+1 scale: p + d − (p − d)². */
  variance: number
  /** Standard error in points: 100 · √(variance / n). */
  standardError: number
  /** z · standardError. */
  marginOfError: number
  /** score ± marginOfError, clamped to [−100, 100]. */
  ci: Interval
}

/**
 * The net score of a trinomial (positive / neutral / negative) sample with a
 * Wald interval. Counts may be fractional (the adjusted interval adds ¾).
 */
export function netScore(
  positive: number,
  negative: number,
  n: number,
  z: number,
): NetScoreEstimate {
  const diff = positive - negative
  // ((P + D)·n − (P − D)²) / n² is exact in integers for n < 9.4e7, so the
  // published 5/9 example comes out as 5/9 to the last bit.
  const variance = ((positive + negative) * n - diff * diff) / (n * n)
  const score = (100 * diff) / n
  const standardError = 100 * Math.sqrt(Math.max(0, variance) / n)
  const marginOfError = z * standardError
  const ci: Interval = [Math.max(-100, score - marginOfError), Math.min(100, score + marginOfError)]
  return { score, variance, standardError, marginOfError, ci }
}

/**
 * The adjusted-Wald estimate: add 3 to n and ¾ to the positive and the
 * negative counts, then compute as {@link netScore} (Rocks 2016; MeasuringU).
 */
export function adjustedNetScore(
  positive: number,
  negative: number,
  n: number,
  z: number,
): NetScoreEstimate {
  return netScore(positive + 0.75, negative + 0.75, n + 3, z)
}

/** Rounds every number of an estimate when `round` is set. */
export function roundEstimate(e: NetScoreEstimate, options: ResolvedOptions): NetScoreEstimate {
  const { round } = options
  if (round === undefined) return e
  return {
    score: maybeRound(e.score, round),
    variance: maybeRound(e.variance, round),
    standardError: maybeRound(e.standardError, round),
    marginOfError: maybeRound(e.marginOfError, round),
    ci: maybeRoundInterval(e.ci, round)!,
  }
}
