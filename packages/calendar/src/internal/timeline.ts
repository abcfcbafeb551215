import { ServiceKitError } from '@servicekit/core'
import { DAY, daysFromCivil, yearOfDay } from './civil'
import type { DayHours } from './day-hours'
import { gallopAtOrAbove, lastAtOrBelow } from './search'
import { buildYearTable, intervalAt, type YearTable } from './year-table'
import {
  checkInstant,
  checkYear,
  MAX_MS,
  MAX_YEAR,
  MIN_MS,
  MIN_YEAR,
  utcYearOf,
  type Zone,
} from './zone'

/**
 * How many consecutive years without open time a search walks through before
 * it gives up with `CALENDAR_NEVER_OPEN` (or, open throughout, with
 * `CALENDAR_NEVER_CLOSES`).
 */
export const HORIZON_YEARS = 10

/**
 * The working dates (dates with opening hours) of one local year, as day
 * numbers, and `rank[k]`, how many of them fall on the year's first `k` days.
 */
interface WorkingYear {
  readonly year: number
  readonly first: number
  readonly list: Int32Array
  readonly rank: Int32Array
}

/**
 * The arithmetic of one calendar on epoch milliseconds. Year tables are built
 * on first use and kept; every query looks up its instant's day in one or a
 * few of them and searches that day's intervals (adding then gallops over the
 * prefix sums), plus a walk over whole years for spans longer than a year.
 */
export class Timeline {
  private readonly tables = new Map<number, YearTable>()
  private readonly working = new Map<number, WorkingYear>()
  private last: YearTable
  private lastWorking: WorkingYear = {
    year: 0,
    first: 0,
    list: new Int32Array(0),
    rank: new Int32Array(1),
  }

  constructor(
    private readonly zone: Zone,
    private readonly hoursOn: (day: number) => DayHours,
  ) {
    // An empty placeholder, so the hot path's cache check needs no null test.
    this.last = {
      year: 0,
      from: 0,
      to: 0,
      n: 0,
      starts: new Float64Array(0),
      ends: new Float64Array(0),
      cum: new Float64Array(1),
      total: 0,
      byDay: new Int32Array(1),
    }
  }

  isOpen(t: number): boolean {
    const tab = this.tableAt(t)
    const i = intervalAt(tab, t)
    return i >= 0 && t < tab.ends[i]!
  }

  nextOpen(t: number): number {
    let tab = this.tableAt(t)
    const i = intervalAt(tab, t)
    if (i >= 0 && t < tab.ends[i]!) return t
    if (i + 1 < tab.n) return tab.starts[i + 1]!
    for (let k = 0; k < HORIZON_YEARS; k++) {
      tab = this.table(tab.year + 1)
      if (tab.n > 0) return tab.starts[0]!
    }
    throw neverOpen(t, 'after')
  }

  nextClose(t: number): number {
    let tab = this.tableAt(t)
    const i = intervalAt(tab, t)
    if (i < 0 || t >= tab.ends[i]!) return t
    let end = tab.ends[i]!
    // Intervals are joined within a year; one reaching the year's end may go on in the next.
    for (let k = 0; end === tab.to; k++) {
      if (k === HORIZON_YEARS) {
        throw new ServiceKitError(
          'CALENDAR_NEVER_CLOSES',
          `The calendar is open from ${iso(t)} for more than ${HORIZON_YEARS} years, so it has no next closing moment.`,
          { details: { from: iso(t), horizonYears: HORIZON_YEARS } },
        )
      }
      tab = this.table(tab.year + 1)
      if (tab.n === 0 || tab.starts[0] !== end) break
      end = tab.ends[0]!
    }
    return end
  }

  /** The end of the last open interval at or before a closed moment `t`. */
  previousClose(t: number): number {
    let tab = this.tableAt(t)
    const i = intervalAt(tab, t)
    if (i >= 0) return tab.ends[i]!
    for (let k = 0; k < HORIZON_YEARS; k++) {
      tab = this.table(tab.year - 1)
      if (tab.n > 0) return tab.ends[tab.n - 1]!
    }
    throw neverOpen(t, 'before')
  }

  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a) || 0 // never -0
    let tab = this.tableAt(a)
    if (b < tab.to) return position(tab, b) - position(tab, a)
    let sum = tab.total - position(tab, a)
    for (;;) {
      tab = this.table(tab.year + 1)
      if (b < tab.to) return sum + position(tab, b)
      sum += tab.total
    }
  }

  add(t: number, ms: number): number {
    if (ms === 0) return this.nextOpen(t)
    // Business time never outruns real time: refuse at once what would walk past year 9999.
    if (ms > MAX_MS - t) checkYear(MAX_YEAR + 1)
    let tab = this.tableAt(t)
    const i = intervalAt(tab, t)
    let target = positionIn(tab, i, t) + ms
    // Intervals up to `i` end before the target: search after them, nearest first.
    let from = i + 1
    for (let empty = 0; target > tab.total; from = 0) {
      target -= tab.total
      tab = this.table(tab.year + 1)
      empty = tab.n === 0 ? empty + 1 : 0
      if (empty > HORIZON_YEARS) throw neverOpen(t, 'after')
    }
    // The first interval whose running total reaches the target: the result may be its end.
    const j = gallopAtOrAbove(tab.cum, Math.max(from, 1), tab.n, target) - 1
    return tab.starts[j]! + (target - tab.cum[j]!)
  }

  subtract(t: number, ms: number): number {
    if (ms === 0) return this.isOpen(t) ? t : this.previousClose(t)
    if (ms > t - MIN_MS) checkYear(MIN_YEAR - 1)
    let tab = this.tableAt(t)
    let target = position(tab, t) - ms
    for (let empty = 0; target < 0; ) {
      tab = this.table(tab.year - 1)
      target += tab.total
      empty = tab.n === 0 ? empty + 1 : 0
      if (empty > HORIZON_YEARS) throw neverOpen(t, 'before')
    }
    // The last interval starting at or before the target: the result is always open.
    const j = lastAtOrBelow(tab.cum, tab.n, target)
    return tab.starts[j]! + (target - tab.cum[j]!)
  }

  addDays(t: number, days: number): number {
    const from = this.nextOpen(t)
    if (days === 0) return from
    const { day, time } = this.localOf(from)
    const target = this.workingDayAfter(day, days)
    return this.nextOpen(this.zone.toUtc(target * DAY + time))
  }

  subtractDays(t: number, days: number): number {
    const from = this.isOpen(t) ? t : this.previousClose(t)
    if (days === 0) return from
    const { day, time } = this.localOf(from)
    const target = this.workingDayBefore(day, days)
    const u = this.zone.toUtc(target * DAY + time)
    return this.isOpen(u) ? u : this.previousClose(u)
  }

  /** The open intervals within `[from, to)`, clipped, touching ones joined, as flat pairs. */
  intervals(from: number, to: number): number[] {
    const out: number[] = []
    if (!(from < to)) return out
    this.tableAt(to - 1) // range check of the far end before any work
    for (let tab = this.tableAt(from); ; tab = this.table(tab.year + 1)) {
      const i = lastAtOrBelow(tab.starts, tab.n, from)
      for (let j = i >= 0 && from < tab.ends[i]! ? i : i + 1; j < tab.n; j++) {
        const start = Math.max(tab.starts[j]!, from)
        if (start >= to) break
        const end = Math.min(tab.ends[j]!, to)
        if (out.length > 0 && out[out.length - 1] === start) out[out.length - 1] = end
        else out.push(start, end)
      }
      if (tab.to >= to) return out
    }
  }

  private localOf(t: number): { day: number; time: number } {
    const local = t + this.zone.offsetAt(t)
    const day = Math.floor(local / DAY)
    return { day, time: local - day * DAY }
  }

  // The `n`-th working date (a date with opening hours) after `day`.
  private workingDayAfter(day: number, n: number): number {
    let w = this.workingYearOf(day)
    let year = w.year
    if (n > 366 * (MAX_YEAR - year + 1)) checkYear(MAX_YEAR + 1)
    let list = w.list
    let i = w.rank[day - w.first + 1]!
    for (let empty = 0; i + n - 1 >= list.length; i = 0) {
      n -= list.length - i
      w = this.workingYear(++year)
      list = w.list
      empty = list.length === 0 ? empty + 1 : 0
      if (empty > HORIZON_YEARS) throw neverOpen(day * DAY, 'after')
    }
    return list[i + n - 1]!
  }

  // The `n`-th working date before `day`.
  private workingDayBefore(day: number, n: number): number {
    let w = this.workingYearOf(day)
    let year = w.year
    if (n > 366 * (year - MIN_YEAR + 1)) checkYear(MIN_YEAR - 1)
    let list = w.list
    let i = w.rank[day - w.first]! - 1
    for (let empty = 0; i - n + 1 < 0; ) {
      n -= i + 1
      w = this.workingYear(--year)
      list = w.list
      i = list.length - 1
      empty = list.length === 0 ? empty + 1 : 0
      if (empty > HORIZON_YEARS) throw neverOpen(day * DAY, 'before')
    }
    return list[i - n + 1]!
  }

  // The working dates of the local year of `day`.
  private workingYearOf(day: number): WorkingYear {
    const w = this.lastWorking
    if (day >= w.first && day < w.first + w.rank.length - 1) return w
    const year = this.workingYear(yearOfDay(day))
    this.lastWorking = year
    return year
  }

  private workingYear(year: number): WorkingYear {
    let w = this.working.get(year)
    if (!w) {
      checkYear(year)
      const first = daysFromCivil(year, 1, 1)
      const end = daysFromCivil(year + 1, 1, 1)
      const days: number[] = []
      const rank = new Int32Array(end - first + 1)
      for (let d = first; d < end; d++) {
        if (this.hoursOn(d).length > 0) days.push(d)
        rank[d - first + 1] = days.length
      }
      w = { year, first, list: Int32Array.from(days), rank }
      this.working.set(year, w)
    }
    return w
  }

  private tableAt(t: number): YearTable {
    const last = this.last
    if (t >= last.from && t < last.to) return last
    checkInstant(t)
    const tab = this.table(utcYearOf(t))
    this.last = tab
    return tab
  }

  private table(year: number): YearTable {
    let tab = this.tables.get(year)
    if (!tab) {
      checkYear(year)
      tab = buildYearTable(year, this.zone, this.hoursOn)
      this.tables.set(year, tab)
    }
    return tab
  }
}

// Open milliseconds in `tab` before `t` (t within the table's year).
function position(tab: YearTable, t: number): number {
  return positionIn(tab, intervalAt(tab, t), t)
}

// The same, knowing `i`, the last interval starting at or before `t`.
function positionIn(tab: YearTable, i: number, t: number): number {
  if (i < 0) return 0
  const end = tab.ends[i]!
  return t < end ? tab.cum[i]! + (t - tab.starts[i]!) : tab.cum[i + 1]!
}

function iso(t: number): string {
  return new Date(t).toISOString()
}

function neverOpen(t: number, direction: 'after' | 'before'): ServiceKitError {
  return new ServiceKitError(
    'CALENDAR_NEVER_OPEN',
    `The calendar has no open time in the ${HORIZON_YEARS} years ${direction} ${iso(t)}, so no answer exists.`,
    { details: { [direction === 'after' ? 'from' : 'to']: iso(t), horizonYears: HORIZON_YEARS } },
  )
}
