import type { ScaleOption } from '../types'
import { invalidOption } from './errors'

/** Validates a scale option and returns its integer ends. */
export function resolveScale(
  metric: string,
  scale: ScaleOption | undefined,
  fallback: { min: number; max: number },
): { min: number; max: number } {
  if (scale === undefined) return fallback
  const { min, max } = typeof scale === 'number' ? { min: 1, max: scale } : scale
  if (!(Number.isInteger(min) && Number.isInteger(max) && max > min && max - min <= 1000)) {
    throw invalidOption(
      metric,
      'scale',
      `must be a number of points (≥ 2) or { min, max } integers with min < max, got ${JSON.stringify(scale)}`,
    )
  }
  return { min, max }
}

/** Validates a cut-off score that must lie on the scale. */
export function resolveCutoff(
  metric: string,
  option: string,
  value: number | undefined,
  fallback: number,
  scale: { min: number; max: number },
): number {
  if (value === undefined) return fallback
  if (!(Number.isInteger(value) && value >= scale.min && value <= scale.max)) {
    throw invalidOption(
      metric,
      option,
      `must be an integer score from ${scale.min} to ${scale.max}, got ${value}`,
    )
  }
  return value
}
