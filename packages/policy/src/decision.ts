import type { EscalationRule } from './sections/escalation'
import type { SlaPolicy } from './sections/sla'

/** A section of the policy that takes part in a decision. */
export type DecisionSection = 'priority' | 'routing' | 'sla' | 'escalation'

/** One step of a decision's trace: a rule (or matrix cell, or default) that decided something. */
export interface TraceStep {
  /** The section it belongs to. */
  readonly section: DecisionSection
  /** The rule's id; `matrix` for a matrix cell; `default` when a section's default applied. */
  readonly rule: string
  /** Where it is in the policy document, as a JSON pointer. */
  readonly pointer: string
  /** What it decided: a priority, a team, an SLA policy id, an escalation rule id. */
  readonly outcome: string
}

/**
 * What a policy decides for one set of facts. The SLA policies and
 * escalation rules are the policy's own (frozen) objects, not copies.
 */
export interface Decision {
  /** The priority, one of the policy's levels. */
  readonly priority: string
  /** The team the case goes to. */
  readonly team: string
  /** The role it needs, when the policy names one. */
  readonly role: string | undefined
  /** The skills it needs (empty when none). */
  readonly skills: readonly string[]
  /** The SLA policies that apply, in policy order. */
  readonly slaPolicies: readonly SlaPolicy[]
  /** The escalation rules that fire, in policy order; carry out their `actions`. */
  readonly escalations: readonly EscalationRule[]
  /** Every rule that decided something, in evaluation order. */
  readonly trace: readonly TraceStep[]
}
