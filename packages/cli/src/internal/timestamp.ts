import { TZDate } from '@date-fns/tz'

/** Reads one timestamp cell into epoch milliseconds; `undefined` when it does not parse. */
export type TimestampReader = (text: string) => number | undefined

// Unicode date-field symbols (as date-fns and Java use them), longest first.
const tokens = ['yyyy', 'SSS', 'MM', 'dd', 'HH', 'mm', 'ss', 'M', 'd', 'H', 'm', 's'] as const
type Token = (typeof tokens)[number]
const tokenPattern: Record<Token, string> = {
  yyyy: '(\\d{4})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  dd: '(\\d{2})',
  d: '(\\d{1,2})',
  HH: '(\\d{2})',
  H: '(\\d{1,2})',
  mm: '(\\d{2})',
  m: '(\\d{1,2})',
  ss: '(\\d{2})',
  s: '(\\d{1,2})',
  SSS: '(\\d{3})',
}
const fieldOf: Record<Token, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'ms'> = {
  yyyy: 'year',
  MM: 'month',
  M: 'month',
  dd: 'day',
  d: 'day',
  HH: 'hour',
  H: 'hour',
  mm: 'minute',
  m: 'minute',
  ss: 'second',
  s: 'second',
  SSS: 'ms',
}

/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/**
 * Checks a pattern such as `d/M/yyyy H:mm` and returns what is wrong with it,
 * or `undefined` when it is usable (it needs at least a year, month and day).
 */
export function checkTimestampPattern(format: string): string | undefined {
  const fields = new Set(compile(format).fields)
  const missing = (['year', 'month', 'day'] as const).filter((f) => !fields.has(f))
  return missing.length > 0 ? `The format names no ${missing.join(', ')}` : undefined
}

function compile(format: string): { regex: RegExp; fields: (keyof typeof fieldOf)[] | string[] } {
  let source = '^\\s*'
  const fields: string[] = []
  for (let i = 0; i < format.length; ) {
    const token = tokens.find((t) => format.startsWith(t, i))
    if (token) {
      source += tokenPattern[token]
      fields.push(fieldOf[token])
      i += token.length
    } else {
      source += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      i++
    }
  }
  return { regex: new RegExp(`${source}\\s*$`), fields }
}

/**
 * A reader for timestamps written as `format` in `timeZone`: `iso` (ISO-8601;
 * without an offset it is read in `timeZone`), `epochMs`, `epochSeconds`, or a
 * pattern of `yyyy`, `M`/`MM`, `d`/`dd`, `H`/`HH`, `m`/`mm`, `s`/`ss`, `SSS`
 * and literal characters. Wall-clock readings become instants through the
 * time zone's rules (`TZDate`); the offsets are remembered per local hour,
 * since a log repeats the same hours thousands of times.
 */
export function createTimestampReader(format: string, timeZone: string): TimestampReader {
  const toUtc = createWallClock(timeZone)
  if (format === 'epochMs' || format === 'epochSeconds') {
    const scale = format === 'epochMs' ? 1 : 1000
    return (text) => {
      const n = Number(text)
      return text.trim() !== '' && Number.isFinite(n) ? n * scale : undefined
    }
  }
  if (format === 'iso') {
    const iso =
      /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/
    return (text) => {
      const m = iso.exec(text)
      if (!m) return undefined
      const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
      const parts = [+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms] as const
      if (!validParts(...parts)) return undefined
      if (!m[8]) return toUtc(...parts)
      const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], ms)
      if (m[8] === 'Z') return utc
      const sign = m[8][0] === '-' ? -1 : 1
      const digits = m[8].replace(':', '')
      return utc - sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000
    }
  }
  const { regex, fields } = compile(format)
  return (text) => {
    const m = regex.exec(text)
    if (!m) return undefined
    const v = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 }
    for (let i = 0; i < fields.length; i++) v[fields[i] as keyof typeof v] = Number(m[i + 1])
    if (!validParts(v.year, v.month, v.day, v.hour, v.minute, v.second, v.ms)) return undefined
    return toUtc(v.year, v.month, v.day, v.hour, v.minute, v.second, v.ms)
  }
}

function validParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || ms > 999)
    return false
  // The day must exist in its month (31/4 and 29/2/2017 are not dates).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

type WallClock = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
) => number

/** Local wall-clock time in `timeZone` → epoch ms, with the offset remembered per local hour. */
function createWallClock(timeZone: string): WallClock {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return (y, mo, d, h, mi, s, ms) => Date.UTC(y, mo - 1, d, h, mi, s, ms)
  }
  const hourStart = new Map<number, number>()
  return (y, mo, d, h, mi, s, ms) => {
    const key = Date.UTC(y, mo - 1, d, h)
    let start = hourStart.get(key)
    if (start === undefined) {
      // The instant the local hour begins; DST gaps resolve as TZDate (and Date) do.
      start = new TZDate(y, mo - 1, d, h, 0, 0, 0, timeZone).getTime()
      if (hourStart.size > 200_000) hourStart.clear()
      hourStart.set(key, start)
    }
    return start + mi * 60_000 + s * 1000 + ms
  }
}
