/**
 * Rearranges `a` so that `a[k]` is the k-th smallest value (0-based), smaller
 * or equal values before it and larger or equal after: quickselect with a
 * median-of-three pivot and Hoare partitioning (C. A. R. Hoare, "Algorithm 65:
 * Find", CACM 4(7), 1961). Linear on average; after too many uneven rounds it
 * sorts the remaining range instead, so the worst case stays O(n log n).
 */
export function select(a: Float64Array, k: number): void {
  let left = 0
  let right = a.length - 1
  let budget = 2 * Math.ceil(Math.log2(a.length + 1)) + 8
  while (right > left) {
    if (budget-- === 0) {
      a.subarray(left, right + 1).sort()
      return
    }
    const mid = (left + right) >>> 1
    // Median of three as the pivot value.
    const x = a[left]!
    const y = a[mid]!
    const z = a[right]!
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z))
    let i = left
    let j = right
    while (i <= j) {
      while (a[i]! < pivot) i++
      while (a[j]! > pivot) j--
      if (i <= j) {
        const t = a[i]!
        a[i] = a[j]!
        a[j] = t
        i++
        j--
      }
    }
    // Now a[left..j] ≤ pivot ≤ a[i..right], and a[j+1..i-1] = pivot.
    if (k <= j) right = j
    else if (k >= i) left = i
    else return
  }
}

/** The smallest value of a[from..]. */
export function minFrom(a: Float64Array, from: number): number {
  let m = a[from]!
  for (let i = from + 1; i < a.length; i++) if (a[i]! < m) m = a[i]!
  return m
}
