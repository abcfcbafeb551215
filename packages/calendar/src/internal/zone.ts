import { ServiceKitError } from '@servicekit/core'
import { DAY, daysFromCivil, utcYearStart, yearOfDay } from './civil'

/** The first and last UTC years a calendar computes. */
export const MIN_YEAR = 1000
export const MAX_YEAR = 9999
/** The first instant of MIN_YEAR and of the year after MAX_YEAR. */
export const MIN_MS = utcYearStart(MIN_YEAR)
export const MAX_MS = utcYearStart(MAX_YEAR + 1)

/** Stretches of UTC time `[starts[k], ends[k])` with a constant offset (local − UTC, ms). */
export interface Segments {
  starts: number[]
  ends: number[]
  offsets: number[]
}

// The offsets of one UTC year: offsets[k] is in force from starts[k] to the next start.
interface ZoneYear {
  from: number
  to: number
  starts: number[]
  offsets: number[]
}

/** The UTC year of an instant. */
export function utcYearOf(t: number): number {
  return yearOfDay(Math.floor(t / DAY))
}

/** Throws `CALENDAR_OUT_OF_RANGE` for a year the calendar does not compute. */
export function checkYear(year: number): void {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new ServiceKitError(
      'CALENDAR_OUT_OF_RANGE',
      `This needs the year ${year}, but calendars compute the years ${MIN_YEAR} to ${MAX_YEAR} only.`,
      { details: { year } },
    )
  }
}

/**
 * Throws unless `t` is an epoch-millisecond number within the computed years:
 * `TIME_INVALID` for a non-number or a non-finite one, `CALENDAR_OUT_OF_RANGE`
 * for a finite one outside them.
 */
export function checkInstant(t: number): void {
  if (t >= MIN_MS && t < MAX_MS) return
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new ServiceKitError(
      'TIME_INVALID',
      `Not a valid time: ${String(t)}. The fast paths take finite epoch milliseconds.`,
      { details: { input: String(t) } },
    )
  }
  checkYear(utcYearOf(t))
}

/**
 * A time zone's UTC offsets, read from `Intl.DateTimeFormat` once per UTC
 * year and kept, so that every later conversion is arithmetic. Shared by every
 * calendar in the same zone.
 */
export class Zone {
  private readonly format: Intl.DateTimeFormat
  private readonly years = new Map<number, ZoneYear>()
  private last: ZoneYear = { from: 0, to: 0, starts: [], offsets: [] }

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  }

  /** The offset (local − UTC, ms) in force at the instant `t`. */
  offsetAt(t: number): number {
    let year = this.last
    if (!(t >= year.from && t < year.to)) {
      year = this.year(utcYearOf(t))
      this.last = year
    }
    let k = year.starts.length - 1
    while (k > 0 && year.starts[k]! > t) k--
    return year.offsets[k]!
  }

  /** The constant-offset stretches covering `[from, to)`, clipped to it. */
  segments(from: number, to: number): Segments {
    const out: Segments = { starts: [], ends: [], offsets: [] }
    for (let y = utcYearOf(from), last = utcYearOf(to - 1); y <= last; y++) {
      const year = this.year(y)
      const yearEnd = utcYearStart(y + 1)
      for (let k = 0; k < year.starts.length; k++) {
        const start = Math.max(year.starts[k]!, from)
        const end = Math.min(year.starts[k + 1] ?? yearEnd, to)
        if (start >= end) continue
        const offset = year.offsets[k]!
        const n = out.starts.length
        // Year boundaries split nothing real: join stretches with the same offset.
        if (n > 0 && out.offsets[n - 1] === offset && out.ends[n - 1] === start)
          out.ends[n - 1] = end
        else {
          out.starts.push(start)
          out.ends.push(end)
          out.offsets.push(offset)
        }
      }
    }
    return out
  }

  /**
   * The instant a local wall-clock reading (as milliseconds on the local
   * time line) denotes. A reading that occurs twice (clocks set back) is its
   * first occurrence; a reading in a gap (clocks set forward) is read with the
   * offset before the gap, so it lands as far after the gap's end as it was
   * after its start. This is Temporal's `disambiguation: 'compatible'`, the
   * behaviour of RFC 5545 (iCalendar) and of `Date`.
   */
  toUtc(local: number): number {
    // The offsets a day before and after bracket at most one change (tzdb has no two within a day).
    const before = this.offsetAt(local - DAY)
    const after = this.offsetAt(local + DAY)
    const early = local - before
    if (this.offsetAt(early) === before) return early
    const late = local - after
    if (this.offsetAt(late) === after) return late
    return early // in the gap: read with the offset before it
  }

  private year(y: number): ZoneYear {
    let year = this.years.get(y)
    if (!year) {
      checkYear(y)
      year = this.scan(y)
      this.years.set(y, year)
    }
    return year
  }

  // Samples the offset once a day and bisects every change to the second.
  // Offsets that change and change back within one day would be missed; the
  // time-zone database has no such pair in the years calendars are used for.
  private scan(y: number): ZoneYear {
    const from = utcYearStart(y)
    const to = utcYearStart(y + 1)
    const starts = [from]
    const offsets = [this.read(from)]
    let current = offsets[0]!
    for (
      let previous = from, t = from + DAY;
      previous < to;
      previous = t, t = Math.min(t + DAY, to)
    ) {
      const offset = this.read(t)
      let a = previous
      while (offset !== current) {
        // The offset is `current` at `a` and something else at `t`: find the first such second.
        let b = t
        while (b - a > 1000) {
          const mid = a + Math.floor((b - a) / 2000) * 1000
          if (this.read(mid) === current) a = mid
          else b = mid
        }
        if (b >= to) break // the change belongs to the next year
        current = this.read(b)
        starts.push(b)
        offsets.push(current)
        a = b
      }
    }
    return { from, to, starts, offsets }
  }

  // The offset at `t` from Intl: the wall clock's reading minus the instant, to the second.
  private read(t: number): number {
    const second = t - (((t % 1000) + 1000) % 1000)
    let year = 0
    let month = 0
    let day = 0
    let hour = 0
    let minute = 0
    let sec = 0
    for (const part of this.format.formatToParts(second)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value)
          break
        case 'month':
          month = Number(part.value)
          break
        case 'day':
          day = Number(part.value)
          break
        case 'hour':
          hour = Number(part.value)
          break
        case 'minute':
          minute = Number(part.value)
          break
        case 'second':
          sec = Number(part.value)
          break
      }
    }
    const wall =
      daysFromCivil(year, month, day) * DAY + hour * 3_600_000 + minute * 60_000 + sec * 1000
    return wall - second
  }
}

const zones = new Map<string, Zone>()

/** The shared {@link Zone} of an IANA time-zone name (already validated). */
export function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone)
  if (!zone) {
    zone = new Zone(timeZone)
    zones.set(timeZone, zone)
  }
  return zone
}
