/**
 * Lookups of a fact's value among its allowed values that give its code with
 * no data-dependent loop. Facts vary from call to call, so a scan of the
 * allowed values stops at a different place each time and the processor
 * mispredicts where; a table indexed by the value itself does not.
 */

/**
 * Allowed strings in a table indexed by a hash of the value's length and
 * first and last characters, chosen when the engine is made so that no two
 * allowed values share a bucket. A value is allowed exactly when the string in
 * its bucket is `===` to it; the bucket also holds its code.
 */
export interface StringTable {
  /** The allowed string in each bucket, or undefined. */
  readonly strings: readonly (string | undefined)[]
  /** `code + 1` of the string in each bucket (0 where there is none). */
  readonly codes: readonly number[]
  readonly a: number
  readonly b: number
  readonly mask: number
}

/** The bucket of `v` in a {@link StringTable} with these parameters. */
export function bucketOf(v: string, a: number, b: number, mask: number): number {
  const n = v.length
  return n === 0 ? 0 : (n * a + v.charCodeAt(0) + v.charCodeAt(n - 1) * b) & mask
}

// The largest table tried, and the most multipliers tried per size.
const maxBuckets = 256
const maxA = 64
const maxB = 32

/**
 * A perfect {@link StringTable} for the allowed strings (each with its code),
 * or undefined when none up to 256 buckets is found; the caller then uses a Map.
 */
export function createStringTable(codeOf: ReadonlyMap<string, number>): StringTable | undefined {
  const values = [...codeOf.keys()]
  let size = 1
  while (size < values.length * 2) size *= 2
  for (; size <= maxBuckets; size *= 2) {
    const mask = size - 1
    for (let b = 0; b < maxB; b++)
      for (let a = 0; a < maxA; a++) {
        const used = new Set<number>()
        for (const v of values) used.add(bucketOf(v, a, b, mask))
        if (used.size < values.length) continue
        const strings: (string | undefined)[] = Array.from({ length: size }, () => undefined)
        const codes = Array.from({ length: size }, () => 0)
        for (const v of values) {
          const h = bucketOf(v, a, b, mask)
          strings[h] = v
          codes[h] = codeOf.get(v)! + 1
        }
        return { strings, codes, a, b, mask }
      }
  }
  return undefined
}

// Integers from 0 to below this are coded through an array indexed by the value.
const maxInt = 256

/**
 * For allowed values that are all integers in 0..255: the array whose entry
 * `i` is `code + 1` of the value `i` (0 when `i` is not allowed); else undefined.
 */
export function createIntTable(codeOf: ReadonlyMap<unknown, number>): number[] | undefined {
  let top = 0
  for (const v of codeOf.keys()) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= maxInt) return undefined
    top = Math.max(top, v)
  }
  const table = Array.from({ length: top + 1 }, () => 0)
  for (const [v, code] of codeOf) table[v as number] = code + 1
  return table
}
