import { z } from 'zod'
import { type Condition, conditionSchema } from '../condition'
import { descriptionSchema, policyKeySchema } from '../internal/keys'

/** Where a case goes: a team, and the role or skills it needs. */
export interface RoutingTarget {
  /** One of the policy's `teams`. */
  team?: string
  /** One of the policy's `roles`. */
  role?: string
  /** Skills the assignee needs (free keys). */
  skills?: string[]
}

/** A routing rule: when its condition holds, the case goes to its target. */
export interface RoutingRule {
  /** Unique in the policy. */
  id: string
  /** What the rule is for, for people. */
  description?: string
  /** When the rule applies; omitted means always. */
  when?: Condition
  /** The team, role and skills it sets; unset fields come from the default. */
  then: RoutingTarget
}

/** The routing section: the first matching rule wins; the default fills what it leaves unset. */
export interface RoutingSection {
  /** The rules, in order (first match wins). */
  rules: RoutingRule[]
  /** The target when no rule matches, and the fields a matching rule leaves unset. */
  default: RoutingTarget & { team: string }
}

const targetSchema = z.strictObject({
  team: policyKeySchema.optional(),
  role: policyKeySchema.optional(),
  skills: z.array(policyKeySchema).max(50).optional(),
})

export const routingSectionSchema = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        id: policyKeySchema,
        description: descriptionSchema,
        when: conditionSchema.optional(),
        // biome-ignore lint/suspicious/noThenProperty: a rule's outcome, read as "when … then …"; data, never a function
        then: targetSchema.refine(
          (t) => t.team !== undefined || t.role !== undefined || t.skills !== undefined,
          { message: 'A routing rule sets a team, a role or skills' },
        ),
      }),
    )
    .max(500)
    .default([])
    .meta({ description: 'Routing rules in order; the first that matches wins.' }),
  default: targetSchema.extend({ team: policyKeySchema }),
})
