import { z } from 'zod'

/** The types a declared fact can have. `array` holds a list of `items` (tags, flags). */
export const factTypes = ['string', 'number', 'integer', 'boolean', 'array'] as const

/** A declared fact's type. */
export type FactType = (typeof factTypes)[number]

/** A JSON scalar a fact or a condition value can hold. */
export type FactValue = string | number | boolean

/**
 * Path segments a fact name may never contain: reading them would walk into
 * JavaScript's object machinery instead of the caller's data.
 */
export const forbiddenPathSegments: readonly string[] = ['__proto__', 'constructor', 'prototype']

const segment = /^[A-Za-z_$][A-Za-z0-9_$-]*$/

/** Why a dotted fact name is unusable, or undefined when it is fine. */
export function checkFactName(name: string): string | undefined {
  if (name.length === 0 || name.length > 200) return 'A fact name has 1 to 200 characters'
  for (const part of name.split('.')) {
    if (forbiddenPathSegments.includes(part))
      return `"${part}" is not allowed in a fact path (it would reach JavaScript's object internals)`
    if (!segment.test(part))
      return `"${name}" is not a fact path: use names such as "case.category", letters, digits and _ separated by dots`
  }
  return undefined
}

/** The name of a fact: a dotted path into the facts object, e.g. `case.category`. */
export const factNameSchema = z
  .string()
  .superRefine((name, ctx) => {
    const problem = checkFactName(name)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
    else if (name === 'decision' || name.startsWith('decision.'))
      ctx.addIssue({
        code: 'custom',
        message:
          '"decision.*" facts are provided by the engine (decision.priority, decision.team, decision.role); do not declare them',
      })
  })
  .meta({ description: 'A dotted path into the facts object, e.g. "case.category".' })

const scalar = z.union([z.string(), z.number(), z.boolean()])

/** The declaration of one input the policy reads. */
export const factDeclarationSchema = z
  .strictObject({
    type: z.enum(factTypes).meta({
      description:
        'string, number, integer, boolean, or array (a list of items, read with contains / doesNotContain).',
    }),
    items: z
      .enum(['string', 'number', 'integer', 'boolean'])
      .optional()
      .meta({ description: 'For an array fact: the type of its items (default string).' }),
    values: z
      .array(scalar)
      .min(1)
      .optional()
      .meta({ description: 'The allowed values (for an array fact: the allowed items).' }),
    required: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether every decision must be given this fact (default false).' }),
    description: z.string().max(2000).optional(),
  })
  .superRefine((decl, ctx) => {
    if (decl.items !== undefined && decl.type !== 'array')
      ctx.addIssue({ code: 'custom', path: ['items'], message: '"items" is only for array facts' })
    const itemType = decl.type === 'array' ? (decl.items ?? 'string') : decl.type
    decl.values?.forEach((v, i) => {
      if (!isOfType(v, itemType))
        ctx.addIssue({
          code: 'custom',
          path: ['values', i],
          message: `${JSON.stringify(v)} is not a${itemType === 'integer' ? 'n' : ''} ${itemType}`,
        })
    })
  })

/** A validated fact declaration. */
export interface FactDeclaration {
  /** The fact's type. */
  type: FactType
  /** For an array fact: the type of its items. */
  items?: Exclude<FactType, 'array'>
  /** The allowed values (for an array fact: the allowed items). */
  values?: FactValue[]
  /** Whether every decision must be given this fact. */
  required: boolean
  /** What the fact means, for people. */
  description?: string
}

/** Whether `value` has the scalar type `type`. */
export function isOfType(value: unknown, type: Exclude<FactType, 'array'>): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return Number.isInteger(value)
  }
}
