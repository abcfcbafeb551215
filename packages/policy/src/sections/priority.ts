import { z } from 'zod'
import { type Condition, conditionSchema } from '../condition'
import type { FactValue } from '../facts'
import { descriptionSchema, policyKeySchema } from '../internal/keys'

const scalar = z.union([z.string(), z.number(), z.boolean()])

/** A priority rule: when its condition holds, it proposes a priority. */
export interface PriorityRule {
  /** Unique in the policy; shown in traces and explanations. */
  id: string
  /** What the rule is for, for people. */
  description?: string
  /** When the rule applies; omitted means always. */
  when?: Condition
  /** The priority it proposes, one of the section's `levels`. */
  then: string
}

/** One axis of a priority matrix: the fact it reads and the values of its rows or columns. */
export interface MatrixAxis {
  /** A declared fact, e.g. `case.impact`. */
  fact: string
  /** The fact's values, in the order of the matrix's rows or columns. */
  values: FactValue[]
}

/** An impact × urgency matrix: `cells[r][c]` is the priority for `rows.values[r]` and `columns.values[c]`. */
export interface PriorityMatrix {
  rows: MatrixAxis
  columns: MatrixAxis
  cells: string[][]
}

/** The priority section: rules and/or a matrix, a hit policy and a default. */
export interface PrioritySection {
  /** Every priority, most urgent first (`max` picks the earliest of the matches). */
  levels: string[]
  /** `first`: the first matching rule in order, then the matrix; `max`: the most urgent of all matches. */
  hitPolicy: 'first' | 'max'
  /** The rules, in order. */
  rules: PriorityRule[]
  /** The impact × urgency matrix, when there is one. */
  matrix?: PriorityMatrix
  /** The priority when nothing matches. */
  default: string
}

const axisSchema = z.strictObject({
  fact: z.string().min(1).max(200),
  values: z.array(scalar).min(1).max(50),
})

export const priorityRuleSchema = z.strictObject({
  id: policyKeySchema,
  description: descriptionSchema,
  when: conditionSchema.optional(),
  // biome-ignore lint/suspicious/noThenProperty: a rule's outcome, read as "when … then …"; data, never a function
  then: policyKeySchema.meta({ description: 'The priority this rule proposes.' }),
})

export const prioritySectionSchema = z
  .strictObject({
    levels: z
      .array(policyKeySchema)
      .min(1)
      .max(20)
      .meta({ description: 'Every priority, most urgent first.' }),
    hitPolicy: z.enum(['first', 'max']).meta({
      description:
        'first: the first matching rule in order, then the matrix, then the default. max: the most urgent of every matching rule and the matrix cell.',
    }),
    rules: z.array(priorityRuleSchema).max(500).default([]),
    matrix: z
      .strictObject({
        rows: axisSchema,
        columns: axisSchema,
        cells: z.array(z.array(policyKeySchema)),
      })
      .superRefine((m, ctx) => {
        if (m.cells.length !== m.rows.values.length)
          ctx.addIssue({
            code: 'custom',
            path: ['cells'],
            message: `The matrix has ${m.rows.values.length} row values but ${m.cells.length} rows of cells`,
          })
        m.cells.forEach((row, r) => {
          if (row.length !== m.columns.values.length)
            ctx.addIssue({
              code: 'custom',
              path: ['cells', r],
              message: `Row ${r} has ${row.length} cells; the matrix has ${m.columns.values.length} column values`,
            })
        })
      })
      .optional()
      .meta({ description: 'An impact × urgency (or any two facts) matrix.' }),
    default: policyKeySchema.meta({ description: 'The priority when nothing matches.' }),
  })
  .superRefine((s, ctx) => {
    const known = new Set(s.levels)
    s.levels.forEach((l, i) => {
      if (s.levels.indexOf(l) !== i)
        ctx.addIssue({ code: 'custom', path: ['levels', i], message: `"${l}" is listed twice` })
    })
    const check = (value: string, path: (string | number)[]) => {
      if (!known.has(value))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${value}" is not a priority; levels are ${s.levels.join(', ')}`,
        })
    }
    check(s.default, ['default'])
    for (const [i, r] of s.rules.entries()) check(r.then, ['rules', i, 'then'])
    for (const [r, row] of (s.matrix?.cells ?? []).entries())
      for (const [c, v] of row.entries()) check(v, ['matrix', 'cells', r, c])
  })
