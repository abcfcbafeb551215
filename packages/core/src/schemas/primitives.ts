import { z } from 'zod'
import { tryToMillis } from '../time'

/** An identifier: a non-empty string of at most 256 characters. */
export const idSchema = z.string().min(1).max(256)

/**
 * A vocabulary key (a channel, category, team, role or priority). Keys are
 * open, so a company's own keys and keys from imported logs are accepted; use
 * a {@link Vocabulary} to restrict them to a known set.
 */
export const keySchema = z
  .string()
  .min(1)
  .max(128)
  .refine((s) => s.trim() === s, { message: 'Must not start or end with white space' })

/**
 * A moment in time: a `Date`, epoch milliseconds, or ISO-8601 with an offset.
 * Always parses to a `Date`.
 */
export const timeSchema = z.union([z.date(), z.number(), z.string()]).transform((value, ctx) => {
  const ms = tryToMillis(value)
  if (ms === undefined) {
    ctx.addIssue({
      code: 'custom',
      message:
        'Expected a valid Date, epoch milliseconds, or ISO-8601 with an offset (e.g. 2026-10-01T09:00:00+08:00)',
    })
    return z.NEVER
  }
  return new Date(ms)
})

/** A 1–3 level, as ITIL uses for impact and urgency (1 is the highest). */
export const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)])

/** Who did something: a person or a system, and the role they acted in. */
export const actorSchema = z.object({
  id: idSchema,
  role: keySchema,
})

/** Who did something. */
export type Actor = z.output<typeof actorSchema>
/** A 1–3 impact or urgency level. */
export type Level = z.output<typeof levelSchema>
