import type { ServiceKitError } from './errors'

/**
 * The outcome of a `safe*` function: the value, or the error the throwing twin
 * would have thrown. Shaped like zod's `safeParse` result.
 */
export type Result<T, E = ServiceKitError> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: E }

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(data: T): Result<T, never> {
  return { success: true, data }
}

/** Wraps an error as a failed {@link Result}. */
export function fail<E>(error: E): Result<never, E> {
  return { success: false, error }
}
