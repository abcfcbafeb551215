import { type TimeInput, toDate, tryToMillis } from '@servicekit/core'
import { invalidInput, invalidOption } from './internal/errors'
import type { InvalidPolicy } from './types'

/** One purchase. */
export interface RfmTransaction {
  customerId: string
  at: TimeInput
  /** The amount; refunds may be negative. */
  amount: number
}

/** A named segment: inclusive score ranges for R, F and M. */
export interface RfmSegmentRule {
  name: string
  recency: readonly [min: number, max: number]
  frequency: readonly [min: number, max: number]
  monetary: readonly [min: number, max: number]
}

/** Fixed breakpoints, ascending, one fewer than the number of scores. */
export interface RfmBreakpoints {
  /** Days since the last purchase: ≤ the first breakpoint scores highest. */
  recency: readonly number[]
  /** Purchase counts: ≥ the last breakpoint scores highest. */
  frequency: readonly number[]
  /** Amounts spent: ≥ the last breakpoint scores highest. */
  monetary: readonly number[]
}

/** Options of {@link rfm}. */
export interface RfmOptions {
  /** The analysis date recency is measured to. Default: the latest transaction. */
  asOf?: TimeInput
  /**
   * A number of quantile scores (default `5`, quintiles), or fixed
   * breakpoints for each of R, F and M.
   */
  bins?: number | RfmBreakpoints
  /**
   * Segment rules, first match wins; a customer matching none is `'Others'`.
   * Default {@link rfmSegments} (for 5 scores); `false` for none.
   */
  segments?: readonly RfmSegmentRule[] | false
  /** `'throw'` (default) or `'skip'` for a transaction without an id, a valid time or a finite amount, or after `asOf`. */
  invalid?: InvalidPolicy
}

/** One customer's RFM values and scores. */
export interface RfmCustomer {
  customerId: string
  /** Days from the last purchase to `asOf` (fractional). */
  recencyDays: number
  /** Number of purchases. */
  frequency: number
  /** Total amount. */
  monetary: number
  /** Recency score, 1 (long ago) … bins (recent). */
  r: number
  /** Frequency score, 1 … bins (most purchases). */
  f: number
  /** Monetary score, 1 … bins (most spent). */
  m: number
  /** The three scores as a string, e.g. `'545'`. */
  score: string
  /** The first matching segment's name, `'Others'`, or `null` without segment rules. */
  segment: string | null
}

/** The result of {@link rfm}. */
export interface RfmResult {
  /** One entry a customer, in order of first appearance. */
  customers: RfmCustomer[]
  /** How many customers fell in each segment (only segments with customers). */
  segments: Record<string, number>
  /** The analysis date used; `null` when there were no transactions. */
  asOf: Date | null
  /** Transactions skipped as invalid under `{ invalid: 'skip' }`. */
  invalid: number
}

/**
 * The ten named segments of the `rfm` R package (rsquaredacademy, CRAN;
 * `rfm_segment()` documentation example), for 1–5 scores, first match wins.
 */
export const rfmSegments: readonly RfmSegmentRule[] = [
  { name: 'Champions', recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
  { name: 'Potential Loyalist', recency: [3, 5], frequency: [3, 5], monetary: [2, 5] },
  { name: 'Loyal Customers', recency: [2, 4], frequency: [2, 4], monetary: [2, 4] },
  { name: 'Promising', recency: [3, 4], frequency: [1, 3], monetary: [3, 5] },
  { name: 'New Customers', recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
  { name: "Can't Lose Them", recency: [1, 2], frequency: [3, 4], monetary: [4, 5] },
  { name: 'At Risk', recency: [1, 2], frequency: [2, 5], monetary: [4, 5] },
  { name: 'Need Attention', recency: [1, 3], frequency: [3, 5], monetary: [3, 5] },
  { name: 'About To Sleep', recency: [2, 3], frequency: [1, 3], monetary: [1, 4] },
  { name: 'Lost', recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
]

const DAY_MS = 86_400_000

/** Quantile scores with ties sharing a score: 1 + ⌊bins · (values strictly worse) / n⌋. */
function quantileScores(
  values: readonly number[],
  bins: number,
  higherIsBetter: boolean,
): number[] {
  const sorted = Float64Array.from(values).sort()
  const n = values.length
  return values.map((v) => {
    // Count of values strictly worse than v, by binary search.
    let lo = 0
    let hi = n
    if (higherIsBetter) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (sorted[mid]! < v) lo = mid + 1
        else hi = mid
      }
      return 1 + Math.floor((bins * lo) / n)
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (sorted[mid]! <= v) lo = mid + 1
      else hi = mid
    }
    return 1 + Math.floor((bins * (n - lo)) / n)
  })
}

function breakpointScore(
  value: number,
  points: readonly number[],
  higherIsBetter: boolean,
): number {
  let passed = 0
  if (higherIsBetter) {
    for (const p of points) if (value >= p) passed++
    return 1 + passed
  }
  for (const p of points) if (value > p) passed++
  return points.length + 1 - passed
}

function checkBins(bins: RfmOptions['bins']): number {
  if (bins === undefined) return 5
  if (typeof bins === 'number') {
    if (!(Number.isInteger(bins) && bins >= 2 && bins <= 9)) {
      throw invalidOption('rfm', 'bins', `must be an integer from 2 to 9, got ${bins}`)
    }
    return bins
  }
  const lengths = new Set([bins.recency?.length, bins.frequency?.length, bins.monetary?.length])
  const ascending = (a: readonly number[]) =>
    a.every((x, i) => Number.isFinite(x) && (i === 0 || x > a[i - 1]!))
  if (
    lengths.size !== 1 ||
    !bins.recency.length ||
    ![bins.recency, bins.frequency, bins.monetary].every(ascending)
  ) {
    throw invalidOption(
      'rfm',
      'bins',
      'breakpoints must be three strictly ascending lists of finite numbers of the same length (≥ 1)',
    )
  }
  return bins.recency.length + 1
}

/**
 * RFM analysis: for each customer, recency (days since the last purchase),
 * frequency (number of purchases) and monetary value (total spent), each
 * scored 1…5 by quintile (or by fixed breakpoints), and a named segment.
 *
 * - quantile score: `1 + ⌊bins · (customers strictly worse) / customers⌋`,
 *   so equal values always share a score; recent, frequent and big spenders
 *   score highest.
 * - segments: the first rule whose R, F and M ranges all contain the scores.
 *
 * Sources: A. M. Hughes, *Strategic Database Marketing* (1994), quintile RFM
 * scoring; segment names and ranges from the `rfm` R package
 * (rsquaredacademy, `rfm_segment()`), see {@link rfmSegments}.
 *
 * @example
 * ```ts
 * const { customers, segments } = rfm(orders, { asOf: '2026-12-31T00:00:00+08:00' })
 * customers[0] // { customerId: 'c-1', recencyDays: 3, frequency: 12, monetary: 4810, r: 5, f: 5, m: 5, score: '555', segment: 'Champions' }
 * segments // { Champions: 120, 'At Risk': 40, … }
 * ```
 */
export function rfm(transactions: Iterable<RfmTransaction>, options: RfmOptions = {}): RfmResult {
  const bins = checkBins(options.bins)
  const rules =
    options.segments === undefined ? (bins === 5 ? rfmSegments : false) : options.segments
  const asOfInput = options.asOf === undefined ? undefined : toDate(options.asOf).getTime()
  const skip = options.invalid === 'skip'
  const byCustomer = new Map<string, { last: number; frequency: number; monetary: number }>()
  let invalid = 0
  let latest = Number.NEGATIVE_INFINITY
  let index = 0
  for (const t of transactions) {
    const at = t === null || typeof t !== 'object' ? undefined : tryToMillis(t.at)
    const ok =
      at !== undefined &&
      typeof t.customerId === 'string' &&
      t.customerId !== '' &&
      typeof t.amount === 'number' &&
      Number.isFinite(t.amount) &&
      (asOfInput === undefined || at <= asOfInput)
    if (!ok) {
      if (skip) invalid++
      else
        throw invalidInput(
          'rfm',
          t,
          '{ customerId, at, amount } with a valid time (not after asOf) and a finite amount',
          index,
        )
    } else {
      const c = byCustomer.get(t.customerId)
      if (c) {
        c.last = Math.max(c.last, at)
        c.frequency++
        c.monetary += t.amount
      } else byCustomer.set(t.customerId, { last: at, frequency: 1, monetary: t.amount })
      if (at > latest) latest = at
    }
    index++
  }
  if (byCustomer.size === 0)
    return {
      customers: [],
      segments: {},
      asOf: asOfInput === undefined ? null : new Date(asOfInput),
      invalid,
    }
  const asOf = asOfInput ?? latest
  const ids = [...byCustomer.keys()]
  const rows = [...byCustomer.values()]
  const recency = rows.map((c) => (asOf - c.last) / DAY_MS)
  const frequency = rows.map((c) => c.frequency)
  const monetary = rows.map((c) => c.monetary)
  const points = typeof options.bins === 'object' ? options.bins : undefined
  const rScores = points
    ? recency.map((v) => breakpointScore(v, points.recency, false))
    : quantileScores(recency, bins, false)
  const fScores = points
    ? frequency.map((v) => breakpointScore(v, points.frequency, true))
    : quantileScores(frequency, bins, true)
  const mScores = points
    ? monetary.map((v) => breakpointScore(v, points.monetary, true))
    : quantileScores(monetary, bins, true)
  const segments: Record<string, number> = {}
  const customers = ids.map((customerId, i): RfmCustomer => {
    const r = rScores[i]!
    const f = fScores[i]!
    const m = mScores[i]!
    const inRange = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi
    const segment = rules
      ? (rules.find(
          (s) => inRange(r, s.recency) && inRange(f, s.frequency) && inRange(m, s.monetary),
        )?.name ?? 'Others')
      : null
    if (segment !== null) segments[segment] = (segments[segment] ?? 0) + 1
    return {
      customerId,
      recencyDays: recency[i]!,
      frequency: frequency[i]!,
      monetary: monetary[i]!,
      r,
      f,
      m,
      score: `${r}${f}${m}`,
      segment,
    }
  })
  return { customers, segments, asOf: new Date(asOf), invalid }
}
