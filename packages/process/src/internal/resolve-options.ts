import {
  type BusinessDuration,
  type Calendar,
  type NormalizedDuration,
  parseBusinessDuration,
} from '@servicekit/calendar'
import {
  type CaseEventType,
  caseEventTypes,
  createParser,
  type Labels,
  solutionKinds,
  type ValidationErrorDetails,
} from '@servicekit/core'
import { z } from 'zod'
import { standardEventLabels, standardStateLabels } from '../labels'
import {
  type AuthorityLimit,
  type ProcessOptions,
  type ProcessStep,
  standardProcessOptions,
} from '../options'

/** The standard children of `inProgress`; added steps join them. */
export const inProgressSteps = ['diagnosing', 'awaitingDecision', 'executing'] as const
/** Every standard state id; added steps and levels may not reuse one. */
export const reservedStateIds: ReadonlySet<string> = new Set(Object.keys(standardStateLabels))

const idSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, {
  message: 'Use letters, digits, _ and -, starting with a letter',
})
const labelsSchema = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1).optional() })
const eventTypeSchema = z.enum(caseEventTypes as [CaseEventType, ...CaseEventType[]])
const authoritySchema = z.strictObject({
  kinds: z.array(z.enum(solutionKinds)).optional(),
  maxAmount: z.number().nonnegative().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'An ISO 4217 code such as CNY' })
    .optional(),
})
const fieldPathSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, {
  message: 'A field path such as product.model',
})
const triggerSchema = z.strictObject({
  type: eventTypeSchema,
  step: z.string().min(1).optional(),
  solutionKinds: z.array(z.enum(solutionKinds)).min(1).optional(),
})
const calendarSchema = z.custom<Calendar>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Calendar).addBusinessMs === 'function' &&
    typeof (v as Calendar).addBusinessDaysMs === 'function',
  { message: 'A Calendar made by createCalendar' },
)
// The calendar's own parser, for its messages ("P7D uses days, … write { businessDays: n }").
const durationSchema = z.unknown().transform((v, ctx): NormalizedDuration | null => {
  if (v === null) return null
  try {
    return parseBusinessDuration(v as BusinessDuration)
  } catch (e) {
    const issues = (e as { details?: ValidationErrorDetails }).details?.issues
    ctx.addIssue({ code: 'custom', message: issues?.[0]?.message ?? String(e) })
    return z.NEVER
  }
})

const optionsSchema = z
  .strictObject({
    id: idSchema.optional(),
    version: z.string().min(1).max(200).optional(),
    escalationLevels: z
      .array(
        z.strictObject({
          id: idSchema,
          role: z.string().min(1),
          labels: labelsSchema,
          authority: authoritySchema.optional(),
        }),
      )
      .optional(),
    authority: authoritySchema.optional(),
    requiredFields: z
      .strictObject({
        triage: z.array(fieldPathSchema).optional(),
        triageByCategory: z.record(z.string(), z.array(fieldPathSchema)).optional(),
        resolve: z.array(z.enum(['resolution', 'code'])).optional(),
      })
      .optional(),
    reopenWindow: durationSchema.optional(),
    autoConfirmAfter: durationSchema.optional(),
    calendar: calendarSchema.optional(),
    steps: z
      .array(
        z.strictObject({
          id: idSchema,
          labels: labelsSchema,
          from: z.string(),
          enterOn: triggerSchema,
          to: z.string(),
          exitOn: triggerSchema,
          records: z.array(eventTypeSchema).optional(),
        }),
      )
      .optional(),
    labels: z
      .strictObject({
        states: z.record(z.string(), labelsSchema.partial()).optional(),
        events: z.partialRecord(eventTypeSchema, labelsSchema.partial()).optional(),
      })
      .optional(),
  })
  .superRefine((o, ctx) => {
    // Level and step ids become state ids: each must be new.
    const taken = new Set(reservedStateIds)
    const claim = (list: 'escalationLevels' | 'steps', items: { id: string }[] = []) =>
      items.forEach(({ id }, i) => {
        if (taken.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: [list, i, 'id'],
            message: `State id "${id}" is already used`,
          })
        }
        taken.add(id)
      })
    claim('escalationLevels', o.escalationLevels)
    claim('steps', o.steps)
    const stepIds = new Set<string>([...inProgressSteps, ...(o.steps ?? []).map((s) => s.id)])
    o.steps?.forEach((step, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!stepIds.has(step[end]) || step[end] === step.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, end],
            message: `"${step[end]}" is not another inProgress step; known: ${[...stepIds].filter((s) => s !== step.id).join(', ')}`,
          })
        }
      }
    })
  })

const parser = createParser(optionsSchema, 'PROCESS_OPTIONS_INVALID', 'process options')

/** A level of the ladder with level 0 (the agent) included. */
export interface ResolvedLevel {
  id: string
  role: string
  labels: Labels
  authority: AuthorityLimit | undefined
}

/** Options checked and completed with the standard values. */
export interface ResolvedOptions {
  id: string
  version: string | undefined
  /** Index = level number; index 0 is the agent. */
  levels: ResolvedLevel[]
  triageFields: string[]
  triageByCategory: Record<string, string[]>
  resolveFields: ('resolution' | 'code')[]
  /** Every field path some requirement names: the ones the context tracks. */
  trackedFields: string[]
  reopenWindow: NormalizedDuration | null
  autoConfirmAfter: NormalizedDuration | null
  calendar: Calendar | undefined
  steps: ProcessStep[]
  stateLabels: Record<string, Labels>
  eventLabels: Record<CaseEventType, Labels>
}

/** Validates options and fills in the standard values. */
export function resolveOptions(input: ProcessOptions = {}): ResolvedOptions {
  const o = parser.parse(input)
  const std = standardProcessOptions
  const levels: ResolvedLevel[] = [
    {
      id: 'level0',
      role: 'agent',
      labels: standardStateLabels.level0,
      authority: o.authority ?? std.authority,
    },
    ...(o.escalationLevels ?? std.escalationLevels).map((l) => ({
      id: l.id,
      role: l.role,
      labels: l.labels,
      authority: l.authority,
    })),
  ]
  const triageFields = [...(o.requiredFields?.triage ?? std.requiredFields.triage)]
  const triageByCategory: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(
    o.requiredFields?.triageByCategory ?? std.requiredFields.triageByCategory,
  )) {
    triageByCategory[k] = [...v]
  }
  const stateLabels: Record<string, Labels> = { ...standardStateLabels }
  for (const level of levels) stateLabels[level.id] = level.labels
  const steps = (o.steps ?? []) as ProcessStep[]
  for (const step of steps) stateLabels[step.id] = step.labels
  for (const [id, l] of Object.entries(o.labels?.states ?? {})) {
    stateLabels[id] = mergeLabels(stateLabels[id] ?? { en: id }, l)
  }
  const eventLabels = { ...standardEventLabels } as Record<CaseEventType, Labels>
  for (const [type, l] of Object.entries(o.labels?.events ?? {})) {
    eventLabels[type as CaseEventType] = mergeLabels(eventLabels[type as CaseEventType], l)
  }
  const normalize = (d: BusinessDuration | null): NormalizedDuration | null =>
    d === null ? null : parseBusinessDuration(d)
  return {
    id: o.id ?? std.id,
    version: o.version,
    levels,
    triageFields,
    triageByCategory,
    resolveFields: [...(o.requiredFields?.resolve ?? std.requiredFields.resolve)],
    trackedFields: [...new Set([...triageFields, ...Object.values(triageByCategory).flat()])],
    reopenWindow:
      o.reopenWindow === undefined ? normalize(std.reopenWindow) : (o.reopenWindow ?? null),
    autoConfirmAfter:
      o.autoConfirmAfter === undefined
        ? normalize(std.autoConfirmAfter)
        : (o.autoConfirmAfter ?? null),
    calendar: o.calendar,
    steps,
    stateLabels,
    eventLabels,
  }
}

function mergeLabels(base: Labels, override: Partial<Labels>): Labels {
  const merged: Labels = { ...base }
  if (override.en !== undefined) merged.en = override.en
  if (override['zh-CN'] !== undefined) merged['zh-CN'] = override['zh-CN']
  return merged
}
