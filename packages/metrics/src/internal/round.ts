/**
 * Rounds to `decimals` places, half away from zero, after cutting the value to
 * 15 significant digits so that binary noise does not decide (1.005 is stored
 * as 1.00499999999999989…, and spreadsheets round it to 1.01, as this does).
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x
  const abs = Math.abs(x)
  const [mantissa, exponent = '0'] = abs.toPrecision(15).split('e')
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`)
  // Past 2^53 there is no fractional digit left to round.
  if (shifted >= 2 ** 53) return x
  const rounded = Math.round(shifted)
  if (rounded === 0) return 0
  const result = Number(`${rounded}e${-decimals}`)
  return x < 0 ? -result : result
}

/** Rounds when `decimals` is given; returns the value unchanged otherwise. */
export function maybeRound(x: number, decimals: number | undefined): number
export function maybeRound(x: number | null, decimals: number | undefined): number | null
export function maybeRound(x: number | null, decimals: number | undefined): number | null {
  return x === null || decimals === undefined ? x : roundTo(x, decimals)
}

/** Rounds both ends of an interval when `decimals` is given. */
export function maybeRoundInterval(
  interval: readonly [number, number] | null,
  decimals: number | undefined,
): readonly [number, number] | null {
  if (interval === null || decimals === undefined) return interval
  return [roundTo(interval[0], decimals), roundTo(interval[1], decimals)]
}
