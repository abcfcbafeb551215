import { businessDurationSchema, type NormalizedDuration } from '@servicekit/calendar'
import { type CaseEventType, caseEventTypes, type Labels } from '@servicekit/core'
import { z } from 'zod'
import { type Condition, conditionSchema } from '../condition'
import type { FactValue } from '../facts'
import { descriptionSchema, labelsSchema, policyKeySchema } from '../internal/keys'
import { type ProcessState, processStates } from '../process-states'

/**
 * The SLA metrics `@servicekit/sla` defines; an SLA policy names them without
 * defining them. Their semantics are documented by the sla package.
 */
export const slaPresetNames = [
  'firstResponse',
  'nextResponse',
  'periodicUpdate',
  'pausableUpdate',
  'resolution',
  'requesterWaitTime',
  'agentWorkTime',
  'onsiteArrival',
  'followUp',
] as const

/** The name of a preset SLA metric. */
export type SlaPresetName = (typeof slaPresetNames)[number]

/** A case event, optionally with field values it must carry (`where`, dotted paths into the event). */
export interface SlaEventTrigger {
  /** A core case event type, e.g. `agent.replied`. */
  event: CaseEventType
  /** Fields the event must have: a value, or a list of accepted values, e.g. `{ "actor.role": "afterSalesEngineer" }`. */
  where?: Record<string, FactValue | FactValue[]>
  /** Fires only once an event of this type has happened in the case (e.g. a customer reply starts next response only `after` the first `agent.replied`). */
  after?: CaseEventType
}

/**
 * A process state. In `start`, `stop`, `cancel` and `reset` it fires when the
 * case enters the state (or one of its sub-states); in `pause` the clock is
 * paused for as long as the case is in it.
 */
export interface SlaStateTrigger {
  state: ProcessState
}

/** What starts, stops, pauses, resumes, cancels or resets a metric's clock. */
export type SlaTrigger = SlaEventTrigger | SlaStateTrigger

/** How many clocks a metric runs per case. */
export type SlaInstances = 'once' | 'repeat'

/**
 * What a metric does when the case is reopened: when it goes back to work from
 * `resolved`, `followUp` or `closed` (`resolution.rejected`, `case.reopened`).
 */
export type SlaReopenRule = 'continue' | 'newCycle' | 'none'

/** Where a metric's due time is read from: a time field of a case event. */
export interface SlaDueAt {
  /** The event type, e.g. `execution.started`. */
  event: CaseEventType
  /** The dotted path of a time field in it, e.g. `plannedAt`. */
  field: string
}

/**
 * A metric defined as data: the triggers of its clock. With `extends`, the
 * preset's triggers apply and the ones given here replace them.
 */
export interface SlaMetricDefinition {
  /** A preset this metric refines. */
  extends?: SlaPresetName
  /** Its name in English and Chinese. */
  label?: Labels
  /** What it measures, for people. */
  description?: string
  /** Any of these starts a clock. */
  start?: SlaTrigger[]
  /** Any of these stops the clock: the target is achieved (or breached, if late). */
  stop?: SlaTrigger[]
  /** Any of these pauses the clock (a state pauses it while the case is in that state). */
  pause?: SlaTrigger[]
  /** Any of these resumes a clock paused by an event. */
  resume?: SlaTrigger[]
  /** Any of these cancels the clock: it counts neither as achieved nor as breached. */
  cancel?: SlaTrigger[]
  /** Any of these cancels the running clock and starts a new one at once. */
  reset?: SlaTrigger[]
  /** `once`: one clock per case (first response); `repeat`: a new clock at each start while none runs (next response: one per customer message). */
  instances?: SlaInstances
  /** On reopening (`resolution.rejected`, `case.reopened`): `continue` the stopped clock, start a `newCycle` (a new clock at once), or do nothing (`none`). */
  onReopen?: SlaReopenRule
  /**
   * The due time comes from event fields (the visit time the customer chose,
   * then any rescheduled time) instead of a target: the latest such event
   * sets it. One source or a list; parsing always gives a list.
   */
  dueAt?: SlaDueAt[]
}

/** A warning before the breach: at a percentage of the target, or a business-time offset before it. */
export type SlaWarning =
  | {
      /** Percentage of the target elapsed (e.g. 75). */
      percent: number
      /** The `threshold` an `sla.warning` event carries for this warning: the percentage. */
      threshold: number
    }
  | {
      /** Business time before the target. */
      before: NormalizedDuration & { kind: 'time' }
      /** The `threshold` an `sla.warning` event carries: the offset as ISO-8601, e.g. `PT1H`. */
      threshold: string
    }

/** What a running clock does when the priority or category changes. */
export type SlaChangeRule =
  | {
      /** Keep the elapsed time; measure it against the new target. */
      mode: 'recalculate'
    }
  | {
      /** Cancel the clock and attach a new one. */
      mode: 'restart'
      /** Count the new clock from the `change` or from the `originalStart`. */
      from: 'change' | 'originalStart'
    }

/** What clocks do when the case changes mid-way. */
export interface SlaChanges {
  /** On `priority.changed`. */
  priority: SlaChangeRule
  /** On `category.changed`. */
  category: SlaChangeRule
  /** When the calendar changes: each calendar for its own span (`perSegment`), or the `last` one for the whole span. */
  calendar: 'perSegment' | 'last'
}

/** One metric as an SLA policy applies it: targets by priority, a calendar, pause states and warnings. */
export interface SlaObjective {
  /** A preset name or a metric of `sla.metrics`. */
  metric: string
  /** Target by priority (the `target` for all priorities, overridden by `targets`). A priority absent here gets no clock. */
  targets: Record<string, NormalizedDuration>
  /** The calendar (a key of `calendars`) business time is counted on. */
  calendar: string
  /** Process states in which the clock is paused. */
  pauseStates: ProcessState[]
  /** Warnings before the breach, in the order written. */
  warnings: SlaWarning[]
  /** Overrides the metric's reopen rule. */
  onReopen?: SlaReopenRule
  /** The attainment goal in percent (e.g. 90 for "90% within 2 minutes"), for reports. */
  goal?: number
}

/** An SLA policy: when it applies, and the metrics it attaches. */
export interface SlaPolicy {
  /** Unique in the policy; `decide` returns the applicable ones. */
  id: string
  /** Its name in English and Chinese. */
  label?: Labels
  /** What it is for, for people. */
  description?: string
  /** When it applies; omitted means always. */
  when?: Condition
  /** The metrics it attaches, by metric name. */
  metrics: Record<string, SlaObjective>
  /** Mid-case change rules (the section's, unless this policy overrides them). */
  changes: SlaChanges
}

/** The SLA section, as `@servicekit/sla` reads it. */
export interface SlaSection {
  /** `first`: only the first matching SLA policy applies (Zendesk, Jira Service Management); `all`: every matching one (ServiceNow). */
  hitPolicy: 'first' | 'all'
  /** Metrics defined as data, by name. */
  metrics: Record<string, SlaMetricDefinition>
  /** The SLA policies, in order. */
  policies: SlaPolicy[]
  /** The default mid-case change rules. */
  changes: SlaChanges
}

const scalar = z.union([z.string(), z.number(), z.boolean()])

const eventTypeSchema = z.enum(caseEventTypes as [CaseEventType, ...CaseEventType[]])
const eventTriggerSchema = z.strictObject({
  event: eventTypeSchema,
  where: z.record(z.string().min(1).max(200), z.union([scalar, z.array(scalar).min(1)])).optional(),
  after: eventTypeSchema.optional().meta({
    description: 'Fire only once an event of this type has happened in the case.',
  }),
})
const stateTriggerSchema = z.strictObject({ state: z.enum(processStates) })
const triggerSchema = z.union([eventTriggerSchema, stateTriggerSchema])
const triggers = z.array(triggerSchema).max(50).optional()

const dueAtSchema = z.strictObject({
  event: eventTypeSchema,
  field: z.string().min(1).max(200),
})

const metricDefinitionSchema = z
  .strictObject({
    extends: z.enum(slaPresetNames).optional(),
    label: labelsSchema.optional(),
    description: descriptionSchema,
    start: triggers,
    stop: triggers,
    pause: triggers,
    resume: triggers,
    cancel: triggers,
    reset: triggers,
    instances: z.enum(['once', 'repeat']).optional(),
    onReopen: z.enum(['continue', 'newCycle', 'none']).optional(),
    dueAt: z
      .union([dueAtSchema, z.array(dueAtSchema).min(1).max(10)])
      .transform((d) => (Array.isArray(d) ? d : [d]))
      .optional()
      .meta({
        description:
          'Due at the time in this event field (or the latest of these), e.g. { "event": "execution.started", "field": "plannedAt" }.',
      }),
  })
  .superRefine((m, ctx) => {
    if (m.extends) return
    for (const k of ['start', 'stop'] as const)
      if (!m[k]?.length)
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `A metric that does not extend a preset needs "${k}" triggers`,
        })
  })

const percentWarning = z.strictObject({
  percent: z
    .number()
    .gt(0)
    .lt(100)
    .meta({ description: 'Warn when this % of the target has elapsed.' }),
})
const beforeWarning = z.strictObject({
  before: businessDurationSchema.meta({
    description: 'Warn this much business time before the target ("PT1H").',
  }),
})
const warningSchema = z.union([percentWarning, beforeWarning]).transform((w, ctx): SlaWarning => {
  if ('percent' in w) return { percent: w.percent, threshold: w.percent }
  if (w.before.kind !== 'time') {
    ctx.addIssue({
      code: 'custom',
      path: ['before'],
      message: 'A warning offset is business time ("PT2H"), not business days',
    })
    return z.NEVER
  }
  return { before: { kind: 'time', ms: w.before.ms }, threshold: toIsoDuration(w.before.ms) }
})

const changeRuleSchema = z.union([
  z.strictObject({ mode: z.literal('recalculate') }),
  z.strictObject({
    mode: z.literal('restart'),
    from: z.enum(['change', 'originalStart']).default('change'),
  }),
])
const changesSchema = z.strictObject({
  priority: changeRuleSchema.optional(),
  category: changeRuleSchema.optional(),
  calendar: z.enum(['perSegment', 'last']).optional(),
})

const objectiveSchema = z.strictObject({
  target: businessDurationSchema
    .optional()
    .meta({ description: 'The target for every priority ("PT24H", { "businessDays": 5 }).' }),
  targets: z
    .record(policyKeySchema, businessDurationSchema)
    .optional()
    .meta({ description: 'Targets by priority; they override "target".' }),
  calendar: policyKeySchema.optional().meta({ description: 'A key of "calendars".' }),
  pauseStates: z.array(z.enum(processStates)).max(20).optional(),
  warnings: z.array(warningSchema).max(10).optional(),
  onReopen: z.enum(['continue', 'newCycle', 'none']).optional(),
  goal: z.number().gt(0).max(100).optional(),
})

const slaPolicySchema = z.strictObject({
  id: policyKeySchema,
  label: labelsSchema.optional(),
  description: descriptionSchema,
  when: conditionSchema.optional(),
  calendar: policyKeySchema
    .optional()
    .meta({ description: 'The default calendar of its metrics.' }),
  pauseStates: z.array(z.enum(processStates)).max(20).optional(),
  warnings: z.array(warningSchema).max(10).optional(),
  changes: changesSchema.optional(),
  metrics: z.record(policyKeySchema, objectiveSchema).refine((m) => Object.keys(m).length > 0, {
    message: 'An SLA policy applies at least one metric',
  }),
})

/** Where an objective's calendar was written (for error pointers); internal, not exported from the package. */
export const calendarSource = new WeakMap<SlaObjective, 'policy'>()

const defaultChanges: SlaChanges = {
  priority: { mode: 'recalculate' },
  category: { mode: 'recalculate' },
  calendar: 'perSegment',
}

export const slaSectionSchema = z
  .strictObject({
    hitPolicy: z.enum(['first', 'all']).meta({
      description:
        'first: only the first matching SLA policy applies (Zendesk, Jira Service Management). all: every matching one (ServiceNow).',
    }),
    metrics: z.record(policyKeySchema, metricDefinitionSchema).default({}),
    changes: changesSchema.optional(),
    policies: z.array(slaPolicySchema).max(200),
  })
  .transform((s): SlaSection => {
    const changes = { ...defaultChanges, ...s.changes } as SlaChanges
    return {
      hitPolicy: s.hitPolicy,
      metrics: s.metrics as Record<string, SlaMetricDefinition>,
      changes,
      policies: s.policies.map((p) => {
        const metrics: Record<string, SlaObjective> = {}
        for (const [metric, o] of Object.entries(p.metrics)) {
          const targets: Record<string, NormalizedDuration> = {}
          // The per-priority targets are filled in for every level once the levels are known.
          if (o.target) targets['*'] = o.target
          Object.assign(targets, o.targets)
          const objective: SlaObjective = {
            metric,
            targets,
            calendar: o.calendar ?? p.calendar ?? '',
            pauseStates: o.pauseStates ?? p.pauseStates ?? [],
            warnings: o.warnings ?? p.warnings ?? [],
          }
          if (o.calendar === undefined && p.calendar !== undefined)
            calendarSource.set(objective, 'policy')
          if (o.onReopen) objective.onReopen = o.onReopen
          if (o.goal !== undefined) objective.goal = o.goal
          metrics[metric] = objective
        }
        const policy: SlaPolicy = {
          id: p.id,
          metrics,
          changes: { ...changes, ...p.changes } as SlaChanges,
        }
        if (p.label) policy.label = p.label
        if (p.description) policy.description = p.description
        if (p.when) policy.when = p.when
        return policy
      }),
    }
  })

/** Formats milliseconds as an ISO-8601 time duration (`PT1H30M`, `PT0S`). */
export function toIsoDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = (ms % 60_000) / 1000
  const out = `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`
  return out === 'PT' ? 'PT0S' : out
}
