import { ServiceKitError } from '@servicekit/core'

/** Describes a value for an error message without dumping large objects. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value)
  return Object.prototype.toString.call(value)
}

/** A `METRICS_INVALID_INPUT` error for one value. */
export function invalidInput(
  metric: string,
  value: unknown,
  expected: string,
  index?: number,
): ServiceKitError {
  const at = index === undefined ? '' : ` at index ${index}`
  return new ServiceKitError(
    'METRICS_INVALID_INPUT',
    `${metric}: ${describeValue(value)}${at} is not ${expected}. Pass { invalid: 'skip' } to leave such values out and count them.`,
    {
      details: {
        metric,
        value: describeValue(value),
        expected,
        ...(index === undefined ? {} : { index }),
      },
    },
  )
}

/** A `METRICS_INVALID_OPTIONS` error. */
export function invalidOption(metric: string, option: string, message: string): ServiceKitError {
  return new ServiceKitError('METRICS_INVALID_OPTIONS', `${metric}: option ${option} ${message}`, {
    details: { metric, option },
  })
}

/** A `METRICS_MERGE_MISMATCH` error. */
export function mergeMismatch(metric: string, what: string): ServiceKitError {
  return new ServiceKitError(
    'METRICS_MERGE_MISMATCH',
    `${metric}: cannot merge accumulators with different ${what}.`,
    { details: { metric, setting: what } },
  )
}
