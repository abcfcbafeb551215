import { invalidInput, invalidOption } from './errors'

/** Validated, normalised weights (summing to 1) over named parts. */
export function normalizeWeights(
  metric: string,
  weights: Readonly<Record<string, number>>,
): Map<string, number> {
  const entries = Object.entries(weights)
  if (entries.length === 0) throw invalidOption(metric, 'weights', 'must name at least one part')
  let total = 0
  for (const [key, w] of entries) {
    if (!(Number.isFinite(w) && w >= 0)) {
      throw invalidOption(metric, 'weights', `must be finite and ≥ 0; ${key} is ${w}`)
    }
    total += w
  }
  if (!(total > 0)) throw invalidOption(metric, 'weights', 'must not all be 0')
  return new Map(entries.map(([key, w]) => [key, w / total]))
}

/** A weighted mean over named parts, with missing parts dropped (and weights renormalised) when skipping. */
export interface WeightedMean {
  value: number | null
  contributions: Record<string, number>
  weights: Record<string, number>
  missing: string[]
}

/**
 * Σ wᵢ·xᵢ over the parts that have a value. A missing or invalid part throws
 * `METRICS_INVALID_INPUT` unless `skip`, when it is listed in `missing` and the
 * other weights are scaled up to sum to 1.
 */
export function weightedMean(
  metric: string,
  values: ReadonlyMap<string, number | undefined>,
  weights: ReadonlyMap<string, number>,
  isValid: (x: number) => boolean,
  expected: string,
  skip: boolean,
): WeightedMean {
  const missing: string[] = []
  let present = 0
  for (const [key, w] of weights) {
    const x = values.get(key)
    if (x !== undefined && typeof x === 'number' && isValid(x)) present += w
    else if (skip || w === 0) missing.push(key)
    else throw invalidInput(metric, x, `${expected} for "${key}"`)
  }
  const contributions: Record<string, number> = {}
  const used: Record<string, number> = {}
  if (present === 0) return { value: null, contributions, weights: used, missing }
  let value = 0
  for (const [key, w] of weights) {
    if (missing.includes(key)) continue
    const share = w / present
    used[key] = share
    contributions[key] = share * values.get(key)!
    value += contributions[key]!
  }
  return { value, contributions, weights: used, missing }
}
