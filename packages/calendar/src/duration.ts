import { ServiceKitError, type ValidationErrorDetails } from '@servicekit/core'
import { z } from 'zod'

/**
 * A span of business time as servicekit accepts it:
 * - an ISO-8601 time duration: `"PT8H"`, `"PT90M"`, `"PT1H30M"`, `"PT30S"`;
 * - `{ hours, minutes, seconds }` (any subset);
 * - `{ businessDays: n }`: the same local time n working days later, its own
 *   unit and never 24-hour blocks.
 *
 * Day, week, month and year designators (`P1D`) are rejected: "a day" of
 * business time is ambiguous, so say `{ businessDays: 1 }` or `PT24H`.
 */
export type BusinessDuration =
  | string
  | { hours?: number; minutes?: number; seconds?: number }
  | { businessDays: number }

/** A business duration reduced to one of its two units. */
export type NormalizedDuration =
  | { kind: 'time'; ms: number }
  | { kind: 'businessDays'; days: number }

const isoTime = /^PT(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/
const isoAny = /^P(?:\d+(?:\.\d+)?[YMWD])+(?:T.*)?$/

const amount = z.number().finite().nonnegative()

/** The zod schema of a {@link BusinessDuration}; parses to a {@link NormalizedDuration}. */
export const businessDurationSchema = z.union([
  z.string().transform((s, ctx): NormalizedDuration => {
    const m = isoTime.exec(s)
    if (m && s !== 'PT') {
      const [h = 0, min = 0, sec = 0] = m.slice(1).map((v) => Number(v ?? 0))
      return { kind: 'time', ms: Math.round(h * 3_600_000 + min * 60_000 + sec * 1000) }
    }
    ctx.addIssue({
      code: 'custom',
      message: isoAny.test(s)
        ? `"${s}" uses days, weeks, months or years, which are ambiguous in business time; write { "businessDays": n } for working days, or hours such as "PT24H"`
        : `"${s}" is not an ISO-8601 time duration such as "PT8H", "PT90M" or "PT1H30M"`,
    })
    return z.NEVER
  }),
  z
    .strictObject({ businessDays: z.number().int().nonnegative() })
    .transform((d): NormalizedDuration => ({ kind: 'businessDays', days: d.businessDays })),
  z
    .strictObject({
      hours: amount.optional(),
      minutes: amount.optional(),
      seconds: amount.optional(),
    })
    .refine((d) => d.hours !== undefined || d.minutes !== undefined || d.seconds !== undefined, {
      message: 'Give at least one of hours, minutes, seconds (or businessDays)',
    })
    .transform(
      (d): NormalizedDuration => ({
        kind: 'time',
        ms: Math.round(
          (d.hours ?? 0) * 3_600_000 + (d.minutes ?? 0) * 60_000 + (d.seconds ?? 0) * 1000,
        ),
      }),
    ),
])

/**
 * Validates a business duration and reduces it to milliseconds or business days.
 *
 * @throws ServiceKitError `CALENDAR_DURATION_INVALID`
 * @example
 * ```ts
 * parseBusinessDuration('PT1H30M') // { kind: 'time', ms: 5400000 }
 * parseBusinessDuration({ businessDays: 3 }) // { kind: 'businessDays', days: 3 }
 * ```
 */
export function parseBusinessDuration(duration: BusinessDuration): NormalizedDuration {
  const result = businessDurationSchema.safeParse(duration)
  if (result.success) return result.data
  // A union reports one issue per branch; the branch matching the input's shape says what is wrong.
  const shaped = pickBranchIssue(duration, result.error) ?? result.error.issues[0]
  const message = shaped?.message ?? 'Invalid duration'
  throw new ServiceKitError<'CALENDAR_DURATION_INVALID', ValidationErrorDetails>(
    'CALENDAR_DURATION_INVALID',
    `Invalid business duration ${JSON.stringify(duration)}: ${message}`,
    {
      details: {
        issues: [{ path: [], pointer: '', code: shaped?.code ?? 'custom', message }],
      },
    },
  )
}

function pickBranchIssue(input: unknown, error: z.ZodError): z.core.$ZodIssue | undefined {
  const union = error.issues.find((i) => i.code === 'invalid_union')
  if (union?.code !== 'invalid_union') return undefined
  const branch =
    typeof input === 'string'
      ? 0
      : input && typeof input === 'object' && 'businessDays' in input
        ? 1
        : 2
  return union.errors[branch]?.[0]
}
