import type { ScoreInput, SurveyScores } from '../types'
import { invalidInput, mergeMismatch } from './errors'

/** The survey field a score metric reads from a response object. */
export type ScoreField = keyof SurveyScores

/**
 * Counts of each integer score on a fixed scale: the one state every survey
 * score metric (CSAT, NPS, CES) needs. Constant memory (one slot a scale
 * point), no allocation per value, and exact merges: counts are integers.
 */
export class ScoreTally {
  readonly counts: Float64Array
  invalid = 0
  unanswered = 0

  constructor(
    readonly metric: string,
    readonly min: number,
    readonly max: number,
    readonly field: ScoreField,
    readonly skipInvalid: boolean,
  ) {
    this.counts = new Float64Array(max - min + 1)
  }

  add(value: ScoreInput): void {
    let score: unknown = value
    if (typeof score !== 'number' && score !== null && typeof score === 'object') {
      score = (score as SurveyScores)[this.field]
      if (score === undefined) {
        // The response did not answer this question: not an error, not a sample.
        this.unanswered++
        return
      }
    }
    if (Number.isInteger(score) && (score as number) >= this.min && (score as number) <= this.max) {
      this.counts[(score as number) - this.min]!++
      return
    }
    this.reject(value, score)
  }

  private reject(value: ScoreInput, score: unknown): void {
    if (this.skipInvalid) {
      this.invalid++
      return
    }
    const read = typeof value === 'object' && value !== null ? ` (.${this.field})` : ''
    throw invalidInput(
      this.metric,
      score,
      `an integer score from ${this.min} to ${this.max}${read}`,
      this.seen(),
    )
  }

  /** How many values were offered so far, valid or not. */
  seen(): number {
    return this.n() + this.invalid + this.unanswered
  }

  /** How many valid scores were counted. */
  n(): number {
    let n = 0
    for (const c of this.counts) n += c
    return n
  }

  /** How many valid scores lie in [from, to]. */
  between(from: number, to: number): number {
    let n = 0
    for (let s = Math.max(from, this.min); s <= Math.min(to, this.max); s++) {
      n += this.counts[s - this.min]!
    }
    return n
  }

  /** Mean and sum of squared deviations, from the counts (so merges are exact). */
  moments(): { n: number; mean: number; m2: number } {
    const n = this.n()
    if (n === 0) return { n, mean: Number.NaN, m2: 0 }
    let sum = 0
    for (let i = 0; i < this.counts.length; i++) sum += (this.min + i) * this.counts[i]!
    const mean = sum / n
    let m2 = 0
    for (let i = 0; i < this.counts.length; i++) m2 += this.counts[i]! * (this.min + i - mean) ** 2
    return { n, mean, m2 }
  }

  merge(other: ScoreTally): void {
    if (other.min !== this.min || other.max !== this.max) throw mergeMismatch(this.metric, 'scales')
    if (other.field !== this.field) throw mergeMismatch(this.metric, 'survey fields')
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!
    this.invalid += other.invalid
    this.unanswered += other.unanswered
  }

  reset(): void {
    this.counts.fill(0)
    this.invalid = 0
    this.unanswered = 0
  }
}
