import { z } from 'zod'
import type { FactValue } from './facts'

/**
 * The operators a condition may use: json-rules-engine's built-in operators,
 * with its semantics (`equal` is `===`; the numeric ones need a number; `contains`
 * needs an array fact). Anything else is a load error.
 */
export const operators = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const

/** A condition operator. */
export type Operator = (typeof operators)[number]

/** A leaf condition: compares one fact with a value, as json-rules-engine does. */
export interface FactCondition {
  /** A declared fact, e.g. `case.category`; or the root of one when `path` is given. */
  fact: string
  /** A json-rules-engine JSONPath into the fact, limited to `$.a.b` (so `case` + `$.category` is `case.category`). */
  path?: string
  /** One of {@link operators}. */
  operator: Operator
  /** The value to compare with: a scalar, or a list for `in` / `notIn`. */
  value: FactValue | FactValue[]
  /** A name for people (json-rules-engine's `name`); shown by `explain`. */
  name?: string
  /** json-rules-engine's evaluation-order hint; accepted and ignored (results do not depend on it). */
  priority?: number
}

/** All of the conditions hold. */
export interface AllCondition {
  all: Condition[]
  name?: string
  priority?: number
}
/** At least one of the conditions holds. */
export interface AnyCondition {
  any: Condition[]
  name?: string
  priority?: number
}
/** The condition does not hold. */
export interface NotCondition {
  not: Condition
  name?: string
  priority?: number
}

/** A condition in json-rules-engine's format: `all`, `any`, `not`, or a fact comparison. */
export type Condition = AllCondition | AnyCondition | NotCondition | FactCondition

const scalar = z.union([z.string(), z.number(), z.boolean()])

const forms = ['all', 'any', 'not', 'fact'] as const

/**
 * The zod schema of a {@link Condition}. Structure only: whether its facts are
 * declared and its operators known is checked against the whole policy.
 */
export const conditionSchema: z.ZodType<Condition> = z
  .strictObject({
    get all() {
      return z.array(conditionSchema).min(1).optional()
    },
    get any() {
      return z.array(conditionSchema).min(1).optional()
    },
    get not() {
      return conditionSchema.optional()
    },
    fact: z.string().min(1).max(200).optional(),
    path: z.string().max(200).optional(),
    operator: z
      .string()
      .optional()
      .meta({ enum: [...operators] }),
    value: z.union([scalar, z.array(scalar)]).optional(),
    name: z.string().max(200).optional(),
    priority: z.number().int().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    const present = forms.filter((k) => c[k] !== undefined)
    if (present.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          present.length === 0
            ? 'A condition has "all", "any", "not", or "fact" with "operator" and "value"'
            : `A condition has only one of ${present.map((k) => `"${k}"`).join(', ')}; nest them`,
      })
      return
    }
    if (c.fact !== undefined) {
      if (c.operator === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['operator'],
          message: 'A fact condition needs an "operator"',
        })
      if (c.value === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'A fact condition needs a "value"',
        })
    } else {
      for (const k of ['path', 'operator', 'value'] as const)
        if (c[k] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: `"${k}" belongs to a fact condition, not to "${present[0]}"`,
          })
    }
  })
  .meta({
    id: 'Condition',
    description:
      'A json-rules-engine condition: { "all": [...] }, { "any": [...] }, { "not": {...} }, or { "fact", "operator", "value" }.',
  }) as unknown as z.ZodType<Condition>

/** Whether a condition is a leaf comparison. */
export function isFactCondition(c: Condition): c is FactCondition {
  return (c as FactCondition).fact !== undefined
}
