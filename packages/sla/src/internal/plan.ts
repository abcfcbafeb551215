import { createCalendar, type NormalizedDuration } from '@servicekit/calendar'
import { type CaseEventType, caseEventTypes } from '@servicekit/core'
import {
  createPolicyEngine,
  type FactValue,
  type Policy,
  type PolicyEngine,
  type ProcessState,
  type SlaChanges,
  type SlaMetricDefinition,
  type SlaPresetName,
  type SlaReopenRule,
  type SlaTrigger,
  type SlaWarning,
  slaPresetNames,
} from '@servicekit/policy'
import { slaPresets } from '../presets'
import { type BusinessTime, toBusinessTime } from './business-time'
import type { DecisionCache } from './decide'
import { maskOf } from './states'

/** A trigger with conditions: an event of one type whose fields must match, after another event. */
export interface CondTrigger {
  readonly bit: number
  readonly where: readonly { path: readonly string[]; values: readonly FactValue[] }[]
  /** The bit of the event type that must have happened before, or 0. */
  readonly after: number
}

/** One kind of trigger (start, stop, …) compiled to masks. */
export interface Triggers {
  /** Event types that fire without conditions. */
  readonly ev: number
  /** Triggers with `where` or `after`. */
  readonly cond: readonly CondTrigger[]
  /** Event types of those triggers: an event of no other type needs no look at them. */
  readonly condEv: number
  /** States: entered (start, stop, …) or occupied (pause). */
  readonly st: number
}

/** A metric definition, preset and refinements merged, compiled. */
export interface CompiledMetric {
  readonly name: string
  readonly index: number
  readonly start: Triggers
  readonly stop: Triggers
  readonly pause: Triggers
  readonly resume: Triggers
  readonly cancel: Triggers
  readonly reset: Triggers
  readonly repeat: boolean
  readonly onReopen: SlaReopenRule
  /** Due-time sources by event bit, or empty. */
  readonly due: readonly { bit: number; path: readonly string[] }[]
  readonly dueMask: number
  /** Every event bit any trigger or due source names. */
  readonly events: number
  /** Every state bit a trigger fires on entering. */
  readonly states: number
}

/** One metric as one SLA policy applies it. */
export interface Objective {
  readonly index: number
  readonly policyId: string
  readonly metric: CompiledMetric
  readonly targets: Readonly<Record<string, NormalizedDuration>>
  readonly calendar: number
  /** The metric's own pause states and the objective's. */
  readonly pauseMask: number
  readonly warnings: readonly SlaWarning[]
  /** The warnings compiled: a percentage of the target (or -1), else business ms before it, with the threshold to report. */
  readonly warns: readonly WarnSpec[]
  readonly onReopen: SlaReopenRule
  readonly changes: SlaChanges
  /** Due from an event field rather than a target. */
  readonly fixedDue: boolean
}

/** A declared fact split for reading: 0 `case`, 1 `customer`, 2 another root; its field; the path below it. */
export interface FactRead {
  readonly root: 0 | 1 | 2
  readonly key: string
  readonly rest: readonly string[]
}

/** A warning of an objective, in one shape: `percent` of the target (or -1), else `before` ms before it. */
export interface WarnSpec {
  readonly percent: number
  readonly before: number
  readonly threshold: number | string
}

/** Everything `advanceSla` and `toSlaClocks` need from a policy, compiled once. */
export interface SlaPlan {
  readonly policy: Policy
  readonly fingerprint: string
  readonly calendars: readonly BusinessTime[]
  readonly calendarNames: readonly string[]
  readonly metrics: readonly CompiledMetric[]
  readonly objectives: readonly Objective[]
  /** Objective indices of each SLA policy, by id. */
  readonly byPolicy: ReadonlyMap<string, readonly number[]>
  readonly levels: ReadonlySet<string>
  readonly engine: PolicyEngine
  /** An engine that decides with the priority fixed (a priority the log sets). */
  engineFor(priority: string): PolicyEngine
  /** Whether a declared fact reads this field of the case (`case.<key>…`), so a change to it needs a new decision. */
  reads(key: string): boolean
  /** The fields of the case the declared facts read, or null when a fact reads the whole case. */
  readonly caseKeys: readonly string[] | null
  /** The declared facts as the decision cache reads them: root, field, deeper path. */
  readonly factReads: readonly FactRead[]
  /** A zero for each metric, to copy as a state's instance counters. */
  readonly zeros: readonly number[]
  /** Decisions remembered by the values of the declared facts (see decide.ts). */
  readonly cache: { root: DecisionCache; size: number }
}

/** The bit of each case event type. */
export const typeBits: ReadonlyMap<string, number> = new Map(
  caseEventTypes.map((type, i) => [type, 1 << i]),
)
const bitOfType = (type: CaseEventType) => typeBits.get(type)!

/**
 * The bit of an event type, or 0 for a string that is not one: a `switch`,
 * which V8 compiles to comparisons of interned strings, faster per event than
 * a map lookup (`event-types.test.ts` checks it against {@link typeBits}).
 */
export function bitOf(type: string): number {
  switch (type) {
    case 'case.opened':
      return 1
    case 'case.updated':
      return 2
    case 'case.triaged':
      return 4
    case 'case.assigned':
      return 8
    case 'agent.replied':
      return 16
    case 'customer.replied':
      return 32
    case 'note.added':
      return 64
    case 'case.waiting':
      return 128
    case 'case.resumed':
      return 256
    case 'solution.proposed':
      return 512
    case 'solution.accepted':
      return 1024
    case 'solution.rejected':
      return 2048
    case 'execution.started':
      return 4096
    case 'execution.step':
      return 8192
    case 'execution.delayed':
      return 16384
    case 'execution.completed':
      return 32768
    case 'case.resolved':
      return 65536
    case 'resolution.confirmed':
      return 131072
    case 'resolution.rejected':
      return 262144
    case 'survey.sent':
      return 524288
    case 'survey.answered':
      return 1048576
    case 'case.closed':
      return 2097152
    case 'case.reopened':
      return 4194304
    case 'case.cancelled':
      return 8388608
    case 'case.escalated':
      return 16777216
    case 'case.deescalated':
      return 33554432
    case 'priority.changed':
      return 67108864
    case 'category.changed':
      return 134217728
    case 'sla.warning':
      return 268435456
    case 'sla.breached':
      return 536870912
    default:
      // A type core added since: the map knows it.
      return typeBits.get(type) ?? 0
  }
}

const plans = new WeakMap<Policy, SlaPlan>()

/** The compiled plan of a parsed policy, cached by the policy object. */
export function planFor(policy: Policy): SlaPlan {
  let plan = plans.get(policy)
  if (!plan) {
    plan = createPlan(policy)
    plans.set(policy, plan)
  }
  return plan
}

function createPlan(policy: Policy): SlaPlan {
  const calendarNames = Object.keys(policy.calendars)
  const calendars = calendarNames.map((name) =>
    toBusinessTime(createCalendar(policy.calendars[name]!)),
  )
  const metrics: CompiledMetric[] = []
  const metricIndex = new Map<string, number>()
  const metricOf = (name: string) => {
    let i = metricIndex.get(name)
    if (i === undefined) {
      i = metrics.length
      metrics.push(compileMetric(name, i, resolveDefinition(policy, name)))
      metricIndex.set(name, i)
    }
    return metrics[i]!
  }
  const objectives: Objective[] = []
  const byPolicy = new Map<string, number[]>()
  for (const sla of policy.sla.policies) {
    const list: number[] = []
    for (const [name, o] of Object.entries(sla.metrics)) {
      const metric = metricOf(name)
      list.push(objectives.length)
      objectives.push({
        index: objectives.length,
        policyId: sla.id,
        metric,
        targets: o.targets,
        calendar: calendarNames.indexOf(o.calendar),
        pauseMask: metric.pause.st | maskOf(o.pauseStates),
        warnings: o.warnings,
        warns: o.warnings.map(
          (w): WarnSpec =>
            'percent' in w
              ? { percent: w.percent, before: 0, threshold: w.threshold }
              : { percent: -1, before: w.before.ms, threshold: w.threshold },
        ),
        onReopen: o.onReopen ?? metric.onReopen,
        changes: sla.changes,
        fixedDue: metric.due.length > 0,
      })
    }
    byPolicy.set(sla.id, list)
  }
  const engine = createPolicyEngine(policy)
  const engines = new Map<string, PolicyEngine>()
  const caseKeys = new Set<string>()
  let wholeCase = false
  for (const name of Object.keys(policy.facts)) {
    const [root, key] = name.split('.')
    if (root !== 'case') continue
    if (key === undefined) wholeCase = true
    else caseKeys.add(key)
  }
  return {
    policy,
    fingerprint: `${policy.id}@${policy.version}`,
    calendars,
    calendarNames,
    metrics,
    objectives,
    byPolicy,
    levels: new Set(policy.priority.levels),
    engine,
    engineFor(priority) {
      let e = engines.get(priority)
      if (!e) {
        // The same policy with the priority section reduced to its default:
        // routing and SLA selection then see `decision.priority` as the log set it.
        const { matrix: _matrix, ...rest } = policy.priority
        e = createPolicyEngine({ ...policy, priority: { ...rest, rules: [], default: priority } })
        engines.set(priority, e)
      }
      return e
    },
    reads: (key) => wholeCase || caseKeys.has(key),
    caseKeys: wholeCase ? null : [...caseKeys],
    factReads: Object.keys(policy.facts).map((name): FactRead => {
      const [root, key = '', ...rest] = name.split('.')
      return { root: root === 'case' ? 0 : root === 'customer' ? 1 : 2, key, rest }
    }),
    zeros: metrics.map(() => 0),
    cache: { root: new Map(), size: 0 },
  }
}

/** A preset, a policy's own metric, or a policy's refinement of a preset (its triggers replace the preset's). */
function resolveDefinition(policy: Policy, name: string): SlaMetricDefinition {
  const own = policy.sla.metrics[name]
  const preset = (slaPresetNames as readonly string[]).includes(name)
    ? slaPresets[name as SlaPresetName]
    : own?.extends
      ? slaPresets[own.extends]
      : undefined
  return { ...preset, ...own }
}

function compileMetric(name: string, index: number, d: SlaMetricDefinition): CompiledMetric {
  const start = compileTriggers(d.start)
  const stop = compileTriggers(d.stop)
  const pause = compileTriggers(d.pause)
  const resume = compileTriggers(d.resume)
  const cancel = compileTriggers(d.cancel)
  const reset = compileTriggers(d.reset)
  const due = (d.dueAt ?? []).map((s) => ({ bit: bitOfType(s.event), path: s.field.split('.') }))
  const all = [start, stop, pause, resume, cancel, reset]
  let events = 0
  for (const t of all) {
    events |= t.ev
    for (const c of t.cond) events |= c.bit
  }
  for (const s of due) events |= s.bit
  return {
    name,
    index,
    start,
    stop,
    pause,
    resume,
    cancel,
    reset,
    repeat: d.instances === 'repeat',
    onReopen: d.onReopen ?? 'none',
    due,
    dueMask: due.reduce((m, s) => m | s.bit, 0),
    events,
    // Pause states are occupied, not entered, so they are not in this mask.
    states: start.st | stop.st | resume.st | cancel.st | reset.st,
  }
}

function compileTriggers(list: readonly SlaTrigger[] | undefined): Triggers {
  let ev = 0
  let st = 0
  const cond: CondTrigger[] = []
  for (const t of list ?? []) {
    if ('state' in t) {
      st |= maskOf([t.state as ProcessState])
      continue
    }
    const bit = bitOfType(t.event)
    if (!t.where && !t.after) {
      ev |= bit
      continue
    }
    cond.push({
      bit,
      after: t.after ? bitOfType(t.after) : 0,
      where: Object.entries(t.where ?? {}).map(([path, v]) => ({
        path: path.split('.'),
        values: Array.isArray(v) ? v : [v],
      })),
    })
  }
  return { ev, cond, condEv: cond.reduce((m, c) => m | c.bit, 0), st }
}
