import { z } from 'zod'
import { createParser } from '../validation'
import { idSchema } from './primitives'

// Digits with the separators people write: spaces, dashes, dots, parentheses,
// and a leading + (e.g. "+86 138 0013 8000", "(212) 555-0100").
const phoneValue = z.string().refine(
  (s) => {
    if (!/^\+?[\d\s().-]+$/.test(s)) return false
    const digits = s.replace(/\D/g, '').length
    return digits >= 5 && digits <= 20
  },
  { message: 'A phone number has 5 to 20 digits, with only spaces, + - . ( ) between them' },
)

/** One way to reach a customer. */
export const contactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phone'), value: phoneValue, preferred: z.boolean().optional() }),
  z.object({ kind: z.literal('email'), value: z.email(), preferred: z.boolean().optional() }),
  z.object({
    kind: z.literal('address'),
    value: z.string().min(1).max(500),
    preferred: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('wechat'),
    value: z.string().min(1).max(100),
    preferred: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('other'),
    value: z.string().min(1).max(500),
    preferred: z.boolean().optional(),
  }),
])

/** The customer value tiers of the standard (客户分类): key, potential, ordinary. */
export const customerTiers = ['key', 'potential', 'ordinary'] as const

/** A customer value tier. */
export const customerTierSchema = z.enum(customerTiers)

/**
 * A customer: who they are, how to reach them, their value tier, and whether
 * they are a member (members get a priority lane, 优先通道).
 */
export const customerSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  contacts: z.array(contactSchema).default([]),
  tier: customerTierSchema.default('ordinary'),
  member: z.boolean().default(false),
})

/** One way to reach a customer. */
export type Contact = z.output<typeof contactSchema>
/** A customer value tier: `key`, `potential` or `ordinary`. */
export type CustomerTier = z.output<typeof customerTierSchema>
/** A parsed customer. */
export type Customer = z.output<typeof customerSchema>
/** A customer as accepted by {@link parseCustomer} (defaults may be omitted). */
export type CustomerInput = z.input<typeof customerSchema>

const customerParser = createParser(customerSchema, 'CUSTOMER_INVALID', 'customer')

/**
 * Validates a customer record.
 *
 * @throws ServiceKitError `CUSTOMER_INVALID` with every issue's path.
 * @example
 * ```ts
 * const customer = parseCustomer({
 *   id: 'c-1', name: '王芳', tier: 'key',
 *   contacts: [{ kind: 'phone', value: '+86 138 0013 8000' }],
 * })
 * customer.member // false
 * ```
 */
export const parseCustomer = (input: unknown): Customer => customerParser.parse(input)

/** {@link parseCustomer} without throwing. */
export const safeParseCustomer = customerParser.safeParse
