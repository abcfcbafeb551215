import { ServiceKitError, summarizeIssues, type ValidationErrorDetails } from '@servicekit/core'
import type { Condition } from '../condition'
import type { DecisionSection, TraceStep } from '../decision'
import type { Policy } from '../policy-schema'
import type { EscalationRule } from '../sections/escalation'
import { createFactReader, type FactReader } from './fact-reader'

/** The static part of an engine shared by both modes: slots, trace steps, frozen policy. */
export interface Plan {
  readonly policy: Policy
  readonly reader: FactReader
  /** Slot of each fact name, including `decision.priority`, `decision.team`, `decision.role`. */
  readonly slotOf: ReadonlyMap<string, number>
  readonly slotCount: number
  readonly steps: {
    readonly priority: readonly TraceStep[]
    readonly matrix: readonly (readonly TraceStep[])[]
    readonly priorityDefault: TraceStep
    readonly routing: readonly TraceStep[]
    readonly routingDefault: TraceStep
    readonly sla: readonly TraceStep[]
    readonly escalation: readonly TraceStep[]
  }
  /** Index of each priority in `levels` (lower is more urgent). */
  readonly rank: ReadonlyMap<string, number>
}

/** The facts the engine itself provides to later sections. */
export const decisionSlots = ['decision.priority', 'decision.team', 'decision.role'] as const

/** Builds the plan of a parsed policy; the policy is deep-copied and frozen first. */
export function createPlan(input: Policy): Plan {
  const policy = deepFreeze(structuredClone(input))
  const reader = createFactReader(policy.facts)
  const slotOf = new Map<string, number>()
  reader.names.forEach((name, i) => {
    slotOf.set(name, i)
  })
  decisionSlots.forEach((name, i) => {
    slotOf.set(name, reader.names.length + i)
  })
  const step = (
    section: DecisionSection,
    rule: string,
    pointer: string,
    outcome: string,
  ): TraceStep => Object.freeze({ section, rule, pointer, outcome })
  const p = policy
  return {
    policy,
    reader,
    slotOf,
    slotCount: slotOf.size,
    rank: new Map(p.priority.levels.map((l, i) => [l, i])),
    steps: {
      priority: p.priority.rules.map((r, i) =>
        step('priority', r.id, `/priority/rules/${i}`, r.then),
      ),
      matrix: (p.priority.matrix?.cells ?? []).map((row, r) =>
        row.map((v, c) => step('priority', 'matrix', `/priority/matrix/cells/${r}/${c}`, v)),
      ),
      priorityDefault: step('priority', 'default', '/priority/default', p.priority.default),
      routing: p.routing.rules.map((r, i) =>
        step('routing', r.id, `/routing/rules/${i}`, r.then.team ?? p.routing.default.team),
      ),
      routingDefault: step('routing', 'default', '/routing/default', p.routing.default.team),
      sla: p.sla.policies.map((s, i) => step('sla', s.id, `/sla/policies/${i}`, s.id)),
      escalation: p.escalation.rules.map((r, i) =>
        step('escalation', r.id, `/escalation/rules/${i}`, r.id),
      ),
    },
  }
}

/** Reads the facts into slots, or throws `POLICY_FACTS_INVALID` listing every problem. */
export function readFacts(plan: Plan, facts: unknown, slots: unknown[]): void {
  const issues = plan.reader.read(facts, slots)
  if (issues)
    throw new ServiceKitError<'POLICY_FACTS_INVALID', ValidationErrorDetails>(
      'POLICY_FACTS_INVALID',
      summarizeIssues('facts', issues),
      { details: { issues } },
    )
}

/** Whether an escalation rule's SLA trigger matches the event of a decision. */
export function triggerMatches(
  rule: EscalationRule,
  event: { type: string; metric: string; threshold?: number | string; policy?: string },
): boolean {
  const on = rule.on
  if (!on || on.event !== event.type) return false
  if (on.metric !== '*' && on.metric !== event.metric) return false
  if (on.threshold !== undefined && on.threshold !== event.threshold) return false
  return on.policy === undefined || on.policy === event.policy
}

/** Every condition in the policy whose rule has one. */
export type WithCondition = { when?: Condition }

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}
