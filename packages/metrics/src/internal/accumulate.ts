import type { Accumulator } from '../types'

/** Runs an accumulator over a whole input: every batch function is this. */
export function accumulate<TInput, TResult>(
  acc: Accumulator<TInput, TResult>,
  values: Iterable<TInput>,
): TResult {
  for (const v of values) acc.add(v)
  return acc.result()
}
