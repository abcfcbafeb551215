import { z } from 'zod'
import { policyKeySchema } from '../internal/keys'

/** An SLA event a decision is made for (escalation rules with `on` react to it). */
export interface SlaEventContext {
  /** `sla.warning` or `sla.breached`. */
  type: 'sla.warning' | 'sla.breached'
  /** The metric whose clock warned or breached. */
  metric: string
  /** For a warning: its threshold (a percentage, or an offset such as `PT1H`). */
  threshold?: number | string
  /** The SLA policy the clock belongs to, when known. */
  policy?: string
}

/** What an embedded test expects; only the fields given are compared. */
export interface PolicyTestExpectation {
  priority?: string
  team?: string
  role?: string
  skills?: string[]
  /** The ids of the SLA policies that apply, in order. */
  slaPolicies?: string[]
  /** The ids of the escalation rules that fire, in order. */
  escalations?: string[]
}

/** A test case embedded in the policy: facts in, the expected decision out. */
export interface PolicyTest {
  /** What the case is, in words. */
  name: string
  /** The facts, as `decide` takes them. */
  facts: Record<string, unknown>
  /** An SLA event to decide for (to test escalation on warnings and breaches). */
  event?: SlaEventContext
  /** The expected decision. */
  expect: PolicyTestExpectation
}

export const slaEventContextSchema = z.strictObject({
  type: z.enum(['sla.warning', 'sla.breached']),
  metric: policyKeySchema,
  threshold: z.union([z.number(), z.string()]).optional(),
  policy: policyKeySchema.optional(),
})

export const policyTestSchema = z.strictObject({
  name: z.string().min(1).max(500),
  facts: z.record(z.string(), z.unknown()),
  event: slaEventContextSchema.optional(),
  expect: z
    .strictObject({
      priority: policyKeySchema.optional(),
      team: policyKeySchema.optional(),
      role: policyKeySchema.optional(),
      skills: z.array(policyKeySchema).optional(),
      slaPolicies: z.array(policyKeySchema).optional(),
      escalations: z.array(policyKeySchema).optional(),
    })
    .refine((e) => Object.keys(e).length > 0, { message: 'A test expects at least one field' }),
})
