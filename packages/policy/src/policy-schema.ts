import { type CalendarDefinition, calendarDefinitionSchema } from '@servicekit/calendar'
import { z } from 'zod'
import { type FactDeclaration, factDeclarationSchema, factNameSchema } from './facts'
import { descriptionSchema, labelsSchema, policyKeySchema } from './internal/keys'
import { type EscalationSection, escalationSectionSchema } from './sections/escalation'
import { type PrioritySection, prioritySectionSchema } from './sections/priority'
import { type RoutingSection, routingSectionSchema } from './sections/routing'
import { type SlaSection, slaSectionSchema } from './sections/sla'
import { type PolicyTest, policyTestSchema } from './sections/tests'

/**
 * A validated policy document: what {@link parsePolicy} returns and every
 * other function of this package takes. Durations are normalized
 * (`{ kind: 'time', ms }` or `{ kind: 'businessDays', days }`), SLA metric
 * settings inherited from their SLA policy are filled in, and escalation
 * actions are tagged unions.
 */
export interface Policy {
  /** The JSON Schema the file points at (for editors). */
  $schema?: string
  /** The policy's id. */
  id: string
  /** The policy's version, e.g. `2026.1`. */
  version: string
  /** Its name in English and Chinese. */
  label?: { en: string; 'zh-CN': string }
  /** What it is for, for people. */
  description?: string
  /** The inputs the policy reads, by dotted name. */
  facts: Record<string, FactDeclaration>
  /** Named business calendars. */
  calendars: Record<string, CalendarDefinition>
  /** The teams routing and reassignment may name. */
  teams: string[]
  /** The roles routing, notification and escalation levels may name. */
  roles: string[]
  /** How the priority is decided. */
  priority: PrioritySection
  /** Where a case goes. */
  routing: RoutingSection
  /** Which SLA policies apply, and their metrics. */
  sla: SlaSection
  /** The escalation ladder and its rules. */
  escalation: EscalationSection
  /** Embedded test cases. */
  tests: PolicyTest[]
}

const keyList = (what: string) =>
  z
    .array(policyKeySchema)
    .min(1)
    .max(200)
    .superRefine((list, ctx) => {
      list.forEach((k, i) => {
        if (list.indexOf(k) !== i)
          ctx.addIssue({ code: 'custom', path: [i], message: `The ${what} "${k}" is listed twice` })
      })
    })

const defaultSla = {
  hitPolicy: 'all' as const,
  policies: [],
}

/** The structure of a policy document, without the checks that span sections. */
export const policyShapeSchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    id: policyKeySchema.meta({ description: 'The policy id, e.g. "standard-after-sales".' }),
    version: z.string().min(1).max(64).meta({ description: 'The policy version, e.g. "2026.1".' }),
    label: labelsSchema.optional(),
    description: descriptionSchema,
    facts: z
      .record(factNameSchema, factDeclarationSchema)
      .meta({ description: 'The inputs the policy reads, by dotted name ("case.category").' }),
    calendars: z.record(policyKeySchema, calendarDefinitionSchema).default({}).meta({
      description: 'Named business calendars (time zone, weekly hours, holidays, make-up days).',
    }),
    teams: keyList('team').meta({ description: 'The teams this policy routes to.' }),
    roles: keyList('role').meta({ description: 'The roles this policy names.' }),
    priority: prioritySectionSchema,
    routing: routingSectionSchema,
    sla: slaSectionSchema.prefault(defaultSla),
    escalation: escalationSectionSchema.prefault({ levels: [], rules: [] }),
    tests: z.array(policyTestSchema).max(10_000).default([]),
  })
  .meta({
    title: 'servicekit policy',
    description: 'A servicekit policy: priority, routing, SLA and escalation.',
  })

/** Policies that went through `parsePolicy` (so lint knows not to parse them again). */
export const parsedPolicies = new WeakSet<Policy>()

/** Expands SLA targets written once for every priority (`target`) into one per priority. */
export function finalizePolicy(p: Policy): Policy {
  parsedPolicies.add(p)
  for (const sla of p.sla.policies)
    for (const objective of Object.values(sla.metrics)) {
      const all = objective.targets['*']
      if (!all) continue
      const targets: typeof objective.targets = {}
      for (const level of p.priority.levels) targets[level] = objective.targets[level] ?? all
      objective.targets = targets
    }
  return p
}
