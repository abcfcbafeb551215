// Binary searches over the sorted typed arrays of a year table.

/** The largest `i < n` with `values[i] <= x`, or -1. */
export function lastAtOrBelow(values: Float64Array | Int32Array, n: number, x: number): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** The smallest `i` in `[from, n)` with `values[i] >= x`, or `n`. */
export function firstAtOrAbove(
  values: Float64Array | Int32Array,
  from: number,
  n: number,
  x: number,
): number {
  let lo = from
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid]! >= x) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * {@link firstAtOrAbove} for an answer likely near `from`: probes `from`,
 * `from + 1`, `from + 3`, `from + 7`, … until a value reaches `x`, then
 * searches the last gap, so a nearby answer costs a few probes.
 */
export function gallopAtOrAbove(
  values: Float64Array | Int32Array,
  from: number,
  n: number,
  x: number,
): number {
  let lo = from
  let step = 1
  while (lo < n && values[lo]! < x) {
    const next = lo + step
    if (next >= n || values[next]! >= x) return firstAtOrAbove(values, lo + 1, Math.min(next, n), x)
    lo = next + 1
    step *= 2
  }
  return lo
}
