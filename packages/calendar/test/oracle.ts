// An independent, deliberately naive model of a business calendar for the
// property tests: it reads the wall clock of every minute with Intl, looks the
// date up in the definition, and counts open minutes one by one. It shares no
// code with src/ (not even the definition's helpers).

const MINUTE = 60_000
const DAY = 86_400_000
const BLOCK = 30 * MINUTE

type Hours = [string, string][]
/** The plain JSON the property tests generate (a valid calendar definition). */
export interface OracleDefinition {
  timeZone: string
  week: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Hours>>
  holidays: ({ date: string; hours?: Hours } | { from: string; to: string })[]
  workdays: (
    | { date: string; hours: Hours }
    | { date: string; as: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' }
  )[]
}

const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
const offsets = new Map<string, Map<number, number>>()

// The zone's offset during the half hour starting at block*30min, from the
// formatted wall clock. Every transition of the zones and years under test
// falls on a half hour in UTC, so one reading per block is exact.
function offsetIn(timeZone: string, block: number): number {
  let zone = offsets.get(timeZone)
  if (!zone) {
    zone = new Map()
    offsets.set(timeZone, zone)
  }
  let offset = zone.get(block)
  if (offset === undefined) {
    const at = block * BLOCK
    const text = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at) // "2026-03-29 03:00"
    const wall = Date.parse(`${text.replace(' ', 'T')}:00Z`)
    offset = wall - at
    zone.set(block, offset)
  }
  return offset
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))

export interface Oracle {
  wall(t: number): number
  isOpen(t: number): boolean
  between(a: number, b: number): number
  /** `undefined` when the answer is more than `limit` away. */
  add(t: number, ms: number): number | undefined
  subtract(t: number, ms: number): number | undefined
  nextOpen(t: number): number | undefined
  /** Searches `within` ms (default: the limit). */
  nextClose(t: number, within?: number): number | undefined
  previousClose(t: number): number | undefined
  addDays(t: number, n: number): number | undefined
  subtractDays(t: number, n: number): number | undefined
  readonly limit: number
}

/** A minute-stepping model of `def`; searches give up after `limitDays`. */
export function createOracle(def: OracleDefinition, limitDays = 40): Oracle {
  const limit = limitDays * DAY
  const memo = new Map<string, Hours>()

  function hoursOn(date: string): Hours {
    let hours = memo.get(date)
    if (hours) return hours
    hours = def.week[dayNames[new Date(`${date}T00:00:00Z`).getUTCDay()]!] ?? []
    for (const h of def.holidays) {
      if ('from' in h ? h.from <= date && date <= h.to : h.date === date)
        hours = ('hours' in h && h.hours) || []
    }
    for (const w of def.workdays) {
      if (w.date === date) hours = 'as' in w ? (def.week[w.as] ?? []) : w.hours
    }
    memo.set(date, hours)
    return hours
  }

  const wall = (t: number) => t + offsetIn(def.timeZone, Math.floor(t / BLOCK))

  // The day's hours as minute pairs, by day number (days since 1970-01-01 on the local time line).
  const byDay = new Map<number, number[]>()
  function minutesOn(day: number): number[] {
    let pairs = byDay.get(day)
    if (!pairs) {
      pairs = hoursOn(new Date(day * DAY).toISOString().slice(0, 10)).flatMap(([s, e]) => [
        toMinutes(s),
        toMinutes(e),
      ])
      byDay.set(day, pairs)
    }
    return pairs
  }

  function isOpen(t: number): boolean {
    const w = wall(t)
    const day = Math.floor(w / DAY)
    const minute = Math.floor((w - day * DAY) / MINUTE)
    const pairs = minutesOn(day)
    for (let i = 0; i < pairs.length; i += 2)
      if (pairs[i]! <= minute && minute < pairs[i + 1]!) return true
    return false
  }

  function nextOpen(t: number) {
    for (let m = t; m < t + limit; m += MINUTE) if (isOpen(m)) return m
    return undefined
  }
  function nextClose(t: number, within = limit) {
    for (let m = t; m < t + within; m += MINUTE) if (!isOpen(m)) return m
    return undefined
  }
  function previousClose(t: number) {
    for (let m = t - MINUTE; m > t - limit; m -= MINUTE) if (isOpen(m)) return m + MINUTE
    return undefined
  }

  // A local reading (ms on the local time line) to UTC: its first occurrence;
  // in a gap, read with the offset in force before the gap.
  function toUtc(local: number): number {
    let u = local - 16 * 3_600_000
    for (; u < local + 16 * 3_600_000; u += MINUTE) {
      const w = wall(u)
      if (w === local) return u
      if (w > local) break
    }
    return local - (wall(u - MINUTE) - (u - MINUTE))
  }

  function isWorkingDate(day: number) {
    return minutesOn(day).length > 0
  }

  return {
    limit,
    wall,
    isOpen,
    nextOpen,
    nextClose,
    previousClose,
    between(a, b) {
      if (b < a) return -this.between(b, a) || 0
      let open = 0
      for (let m = a; m < b; m += MINUTE) if (isOpen(m)) open++
      return open * MINUTE
    },
    add(t, ms) {
      if (ms === 0) return nextOpen(t)
      let left = ms / MINUTE
      for (let m = t; m < t + limit; m += MINUTE) if (isOpen(m) && --left === 0) return m + MINUTE
      return undefined
    },
    subtract(t, ms) {
      if (ms === 0) return isOpen(t) ? t : previousClose(t)
      let left = ms / MINUTE
      for (let m = t - MINUTE; m > t - limit; m -= MINUTE) if (isOpen(m) && --left === 0) return m
      return undefined
    },
    addDays(t, n) {
      const from = nextOpen(t)
      if (from === undefined || n === 0) return from
      const w = wall(from)
      let day = Math.floor(w / DAY)
      for (let k = 0; k < n; ) {
        if (isWorkingDate(++day)) k++
        if (day * DAY > from + limit) return undefined
      }
      return nextOpen(toUtc(day * DAY + (w - Math.floor(w / DAY) * DAY)))
    },
    subtractDays(t, n) {
      const from = isOpen(t) ? t : previousClose(t)
      if (from === undefined || n === 0) return from
      const w = wall(from)
      let day = Math.floor(w / DAY)
      for (let k = 0; k < n; ) {
        if (isWorkingDate(--day)) k++
        if (day * DAY < from - limit) return undefined
      }
      const u = toUtc(day * DAY + (w - Math.floor(w / DAY) * DAY))
      return isOpen(u) ? u : previousClose(u)
    },
  }
}
