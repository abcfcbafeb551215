/**
 * A two-sided interval `[lower, upper]`, in the unit of the estimate it
 * surrounds (percentage points for CSAT, NPS and rates; a proportion for
 * {@link wilsonInterval}).
 */
export type Interval = readonly [lower: number, upper: number]

/**
 * What to do with a value a metric cannot use (outside the scale, a
 * non-integer where integers are required, `NaN`, `null`):
 * `'throw'` raises `METRICS_INVALID_INPUT` (the default), `'skip'` leaves it
 * out and counts it in the result's `invalid`.
 */
export type InvalidPolicy = 'throw' | 'skip'

/**
 * A rating scale: a number of points starting at 1 (`5` is 1–5), or its
 * integer ends (`{ min: 0, max: 10 }`).
 */
export type ScaleOption = number | { min: number; max: number }

/** Options every metric with an interval or a sample size accepts. */
export interface MetricOptions {
  /**
   * The normal multiplier of every interval. Default `1.96` (95% two-sided),
   * the value published examples use. Give `z` or `confidence`, not both.
   */
  z?: number
  /** The two-sided confidence level in (0, 1), e.g. `0.9`; converted to `z`. */
  confidence?: number
  /**
   * Decimal places (0–15) to round every number of the result to, half away
   * from zero after removing binary noise (as spreadsheets do). Default: full
   * precision, because published tools disagree on rounding.
   */
  round?: number
  /** What to do with unusable values. Default `'throw'`. */
  invalid?: InvalidPolicy
  /**
   * Results from fewer valid answers than this have `lowSample: true`.
   * Default 30, the usual rule of thumb for a normal approximation; the
   * interval is still computed, but read it with care.
   */
  minSample?: number
}

/**
 * The scores of a survey answer that the satisfaction metrics can read:
 * core's `SurveyResponse` fits, and so does any object with these fields.
 */
export interface SurveyScores {
  satisfaction?: number
  resultSatisfaction?: number
  processSatisfaction?: number
  recommend?: number
  effort?: number
}

/** One answer to a score question: a number, or a survey response to read it from. */
export type ScoreInput = number | SurveyScores | null | undefined

/** A share with its Wilson interval, as rates such as FCR and reopen rate report it. */
export interface RateResult {
  /** The share in percent (0–100); `null` when `n` is 0. */
  value: number | null
  /** How many items counted as a success (the numerator). */
  count: number
  /** How many items counted (the denominator). */
  n: number
  /** Wilson score interval of `value`, in percent; `null` when `n` is 0. */
  ci: Interval | null
  /** Whether `n` is below `minSample`. */
  lowSample: boolean
  /** How many values were skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
}

/** A mean with its Student-t interval. */
export interface MeanResult {
  /** The arithmetic mean; `null` when `n` is 0. */
  mean: number | null
  /** How many values counted. */
  n: number
  /** Sample standard deviation (n − 1); `null` below 2 values. */
  standardDeviation: number | null
  /** Standard error of the mean, s / √n; `null` below 2 values. */
  standardError: number | null
  /** Student-t interval of the mean (n − 1 degrees of freedom); `null` below 2 values. */
  ci: Interval | null
  /** Whether `n` is below `minSample`. */
  lowSample: boolean
  /** How many values were skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
}

/**
 * A streaming form of a metric: takes one value at a time in constant memory
 * and without allocating, merges with another accumulator of the same
 * settings (for parallel or distributed sums), and gives the batch function's
 * answer at any time.
 */
export interface Accumulator<TInput, TResult> {
  /** Adds one value. Invalid values throw or are counted, as the options say. */
  add(value: TInput): void
  /**
   * Adds everything `other` has seen to this accumulator and returns this one.
   * @throws ServiceKitError `METRICS_MERGE_MISMATCH` when the settings differ.
   */
  merge(other: this): this
  /** The metric over everything added so far. */
  result(): TResult
  /** Forgets everything added, keeping the settings. */
  reset(): void
}
