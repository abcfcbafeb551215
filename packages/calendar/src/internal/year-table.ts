import { DAY, utcYearStart } from './civil'
import type { DayHours } from './day-hours'
import type { Zone } from './zone'

/**
 * A calendar's open time in one UTC year `[from, to)`: sorted, disjoint,
 * non-touching intervals `[starts[i], ends[i])` in epoch ms, and `cum[i]`, the
 * open milliseconds before interval `i` (`cum[n]` is the year's total).
 * `byDay[k]` is the number of intervals starting before the year's UTC day
 * `k` begins, so the interval at an instant is searched for among that day's
 * few intervals only ({@link intervalAt}).
 */
export interface YearTable {
  readonly year: number
  readonly from: number
  readonly to: number
  readonly n: number
  readonly starts: Float64Array
  readonly ends: Float64Array
  readonly cum: Float64Array
  readonly total: number
  readonly byDay: Int32Array
}

/** The last interval starting at or before `t` (within the table's year), or -1. */
export function intervalAt(tab: YearTable, t: number): number {
  const k = Math.floor((t - tab.from) / DAY)
  let lo = tab.byDay[k]!
  let hi = tab.byDay[k + 1]!
  const starts = tab.starts
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (starts[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/**
 * Computes a year's open intervals. The calendar is open at an instant when
 * the local wall clock then shows a time inside one of that local date's
 * intervals. Within each stretch of constant UTC offset the wall clock runs
 * evenly, so each local interval maps to UTC by subtracting the offset and is
 * clipped to the stretch: a skipped hour holds no open time, a repeated hour
 * is open twice, and no minute is stepped.
 */
export function buildYearTable(
  year: number,
  zone: Zone,
  hoursOn: (day: number) => DayHours,
): YearTable {
  const from = utcYearStart(year)
  const to = utcYearStart(year + 1)
  const seg = zone.segments(from, to)
  const starts: number[] = []
  const ends: number[] = []
  for (let k = 0; k < seg.starts.length; k++) {
    const offset = seg.offsets[k]!
    const localFrom = seg.starts[k]! + offset
    const localTo = seg.ends[k]! + offset
    for (
      let day = Math.floor(localFrom / DAY), last = Math.floor((localTo - 1) / DAY);
      day <= last;
      day++
    ) {
      const hours = hoursOn(day)
      const midnight = day * DAY
      for (let h = 0; h < hours.length; h += 2) {
        const start = Math.max(midnight + hours[h]! * 60_000, localFrom) - offset
        const end = Math.min(midnight + hours[h + 1]! * 60_000, localTo) - offset
        if (start >= end) continue
        const n = starts.length
        if (n > 0 && ends[n - 1]! >= start) ends[n - 1] = Math.max(ends[n - 1]!, end)
        else {
          starts.push(start)
          ends.push(end)
        }
      }
    }
  }
  const n = starts.length
  const cum = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i]! + ends[i]! - starts[i]!
  const days = Math.round((to - from) / DAY)
  const byDay = new Int32Array(days + 1)
  for (let k = 0, i = 0; k <= days; k++) {
    while (i < n && starts[i]! < from + k * DAY) i++
    byDay[k] = i
  }
  return {
    year,
    from,
    to,
    n,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cum,
    total: cum[n]!,
    byDay,
  }
}
