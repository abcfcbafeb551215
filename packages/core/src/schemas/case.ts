import { z } from 'zod'
import { createParser } from '../validation'
import { customerSchema } from './customer'
import { idSchema, keySchema, levelSchema, timeSchema } from './primitives'

/** The product a case is about: what the customer bought, and when. */
export const productSchema = z.object({
  model: z.string().min(1).max(200),
  serial: z.string().min(1).max(200).optional(),
  purchasedAt: timeSchema.optional(),
})

/** A company's own case fields; restrict them with a {@link Vocabulary}. */
export const customFieldsSchema = z.record(z.string(), z.unknown())

/**
 * The fields of a case that intake records (SERVICE-STANDARD stage 1–3).
 * Priority, impact and urgency are optional because the policy usually sets
 * them at triage.
 */
export const caseFieldsSchema = z.object({
  customer: customerSchema,
  channel: keySchema,
  category: keySchema,
  subcategory: keySchema.optional(),
  priority: keySchema.optional(),
  impact: levelSchema.optional(),
  urgency: levelSchema.optional(),
  product: productSchema.optional(),
  subject: z.string().min(1).max(500),
  description: z.string().max(100_000).optional(),
  tags: z.array(keySchema).default([]),
  custom: customFieldsSchema.default({}),
})

/** A service case as opened: its id, the intake fields, and when it was opened. */
export const caseSchema = caseFieldsSchema.extend({
  id: idSchema,
  openedAt: timeSchema,
})

/** The product a case is about. */
export type Product = z.output<typeof productSchema>
/** A parsed case. */
export type Case = z.output<typeof caseSchema>
/** A case as accepted by {@link parseCase}: times may be strings or numbers, defaults omitted. */
export type CaseInput = z.input<typeof caseSchema>

const caseParser = createParser(caseSchema, 'CASE_INVALID', 'case')

/**
 * Validates a case record.
 *
 * @throws ServiceKitError `CASE_INVALID` with every issue's path.
 * @example
 * ```ts
 * const c = parseCase({
 *   id: 'case-1',
 *   customer: { id: 'c-1', name: 'Li Lei', tier: 'key' },
 *   channel: 'phone', category: 'afterSales', subcategory: 'quality',
 *   subject: 'Washing machine leaks', openedAt: '2026-09-30T18:40:00+08:00',
 * })
 * c.openedAt instanceof Date // true
 * ```
 */
export const parseCase = (input: unknown): Case => caseParser.parse(input)

/** {@link parseCase} without throwing. */
export const safeParseCase = caseParser.safeParse
