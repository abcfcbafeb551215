import { createParser, type Result } from '@servicekit/core'
import { z } from 'zod'

/** The days of the week, as the keys of the `week` of a {@link CalendarDefinition}. */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/** A day of the week. */
export type Weekday = (typeof weekdays)[number]

const hhmm = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Minutes since local midnight of an `HH:MM` string (`24:00` is 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

const timeOfDay = z
  .string()
  .regex(hhmm, { message: 'A time of day is "HH:MM" from 00:00 to 24:00' })

/**
 * One local opening interval `[start, end)`, e.g. `["09:00", "12:00"]`. The
 * end is exclusive (12:00 itself is closed) and may be `"24:00"`.
 */
export const intervalSchema = z
  .tuple([timeOfDay, timeOfDay])
  .refine(([start, end]) => minutesOf(start) < minutesOf(end), {
    message: 'An interval ends after it starts (use "24:00" for midnight at the end of the day)',
    path: [1],
  })

// Sorted, non-overlapping intervals; touching ones (12:00–13:00, 13:00–14:00) are allowed.
const dayHoursSchema = z.array(intervalSchema).superRefine((intervals, ctx) => {
  const order = intervals
    .map((iv, i) => ({ iv, i }))
    .sort((a, b) => minutesOf(a.iv[0]) - minutesOf(b.iv[0]))
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!
    const cur = order[k]!
    if (minutesOf(cur.iv[0]) < minutesOf(prev.iv[1])) {
      ctx.addIssue({
        code: 'custom',
        path: [cur.i],
        message: `Overlaps ${prev.iv[0]}–${prev.iv[1]}; intervals of one day must not overlap`,
      })
    }
  }
})

/** A calendar date `YYYY-MM-DD` in the calendar's zone. */
export const localDateSchema = z.string().refine(
  (s) => {
    const m = isoDate.exec(s)
    if (!m) return false
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
  },
  { message: 'A date is "YYYY-MM-DD" and must exist' },
)

const name = z.string().min(1).max(200).optional()

/** A day off, a range of days off (inclusive), or a day with shortened hours. */
export const holidaySchema = z.union([
  z.strictObject({ date: localDateSchema, hours: dayHoursSchema, name }),
  z.strictObject({ date: localDateSchema, name }),
  z
    .strictObject({ from: localDateSchema, to: localDateSchema, name })
    .refine((h) => h.from <= h.to, {
      message: 'A holiday range ends on or after its first day',
      path: ['to'],
    }),
])

/** A make-up working day (调休): a date that is open although its weekday is not, with its hours or the hours of a weekday. */
export const workdaySchema = z.union([
  z.strictObject({ date: localDateSchema, hours: dayHoursSchema.min(1), name }),
  z.strictObject({ date: localDateSchema, as: z.enum(weekdays), name }),
])

const timeZoneSchema = z.string().refine(isKnownTimeZone, {
  message: 'Not an IANA time zone known to this runtime (e.g. "Asia/Shanghai", "America/New_York")',
})

/**
 * A business calendar as plain JSON (it lives inside policy files): an IANA
 * time zone, the weekly opening hours, holidays and make-up working days.
 */
export const calendarDefinitionSchema = z
  .strictObject({
    timeZone: timeZoneSchema,
    week: z.strictObject(
      Object.fromEntries(weekdays.map((d) => [d, dayHoursSchema.optional()])) as {
        [K in Weekday]: z.ZodOptional<typeof dayHoursSchema>
      },
    ),
    holidays: z.array(holidaySchema).default([]),
    workdays: z.array(workdaySchema).default([]),
  })
  .superRefine((def, ctx) => {
    const weekOpen = weekdays.some((d) => (def.week[d]?.length ?? 0) > 0)
    if (!weekOpen && def.workdays.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['week'],
        message: 'The calendar is never open: give some weekly hours',
      })
    }
    // Each date may be named once: as a holiday (whole or partial) or as a make-up working day.
    const seen = new Map<string, string>()
    const claim = (date: string, path: (string | number)[], what: string) => {
      const previous = seen.get(date)
      if (previous)
        ctx.addIssue({ code: 'custom', path, message: `${date} is ${what} and also ${previous}` })
      else seen.set(date, what)
    }
    def.holidays.forEach((h, i) => {
      if ('from' in h)
        for (const date of datesBetween(h.from, h.to))
          claim(date, ['holidays', i, 'from'], 'a holiday')
      else claim(h.date, ['holidays', i, 'date'], 'a holiday')
    })
    def.workdays.forEach((w, i) => {
      claim(w.date, ['workdays', i, 'date'], 'a make-up working day')
    })
    def.workdays.forEach((w, i) => {
      if ('as' in w && (def.week[w.as]?.length ?? 0) === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i, 'as'],
          message: `"${w.as}" has no weekly hours to copy`,
        })
      }
    })
  })

/** A validated calendar definition. */
export type CalendarDefinition = z.output<typeof calendarDefinitionSchema>
/** A calendar definition as written in JSON (holidays and workdays may be omitted). */
export type CalendarDefinitionInput = z.input<typeof calendarDefinitionSchema>
/** One local opening interval `[start, end)` as `["HH:MM", "HH:MM"]`. */
export type Interval = z.output<typeof intervalSchema>
/** A holiday: a date, a range, or a date with shortened hours. */
export type Holiday = z.output<typeof holidaySchema>
/** A make-up working day. */
export type Workday = z.output<typeof workdaySchema>

const parser = createParser(calendarDefinitionSchema, 'CALENDAR_INVALID', 'calendar')

/**
 * Validates a calendar definition.
 *
 * @throws ServiceKitError `CALENDAR_INVALID` with every issue's JSON pointer.
 * @example
 * ```ts
 * parseCalendarDefinition({
 *   timeZone: 'Asia/Shanghai',
 *   week: { mon: [['09:00', '12:00'], ['13:30', '18:00']] },
 * })
 * ```
 */
export function parseCalendarDefinition(input: unknown): CalendarDefinition {
  return parser.parse(input)
}

/** {@link parseCalendarDefinition} without throwing. */
export function safeParseCalendarDefinition(input: unknown): Result<CalendarDefinition> {
  return parser.safeParse(input)
}

const zoneCache = new Map<string, boolean>()
function isKnownTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone)
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone })
      known = true
    } catch {
      known = false
    }
    zoneCache.set(zone, known)
  }
  return known
}

// Every date from `from` to `to` inclusive; ranges are bounded by validation, but cap at ~10 years.
function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  const day = new Date(`${from}T00:00:00Z`)
  const end = new Date(`${to}T00:00:00Z`).getTime()
  while (day.getTime() <= end && out.length < 3700) {
    out.push(day.toISOString().slice(0, 10))
    day.setUTCDate(day.getUTCDate() + 1)
  }
  return out
}
