import type { Decision } from './decision'
import { createCompiledDecide } from './internal/compiled-engine'
import { createPlan } from './internal/plan'
import { createReferenceDecide } from './internal/reference-engine'
import type { Policy } from './policy-schema'
import type { SlaEventContext } from './sections/tests'

/** How an engine evaluates: `compiled` closures (the default) or `reference` json-rules-engine. */
export type PolicyEngineMode = 'compiled' | 'reference'

/** Options of {@link createPolicyEngine}. */
export interface PolicyEngineOptions<TMode extends PolicyEngineMode = PolicyEngineMode> {
  /** `compiled` (default): synchronous closures. `reference`: json-rules-engine, asynchronous. */
  mode?: TMode
}

/** What `decide` is given besides the facts. */
export interface DecideOptions {
  /** Decide for an SLA warning or breach: escalation rules with a matching `on` fire (and standing ones do not). */
  event?: SlaEventContext
}

/** A policy engine in compiled mode: `decide` is synchronous. */
export interface PolicyEngine {
  /** The mode it evaluates in. */
  readonly mode: 'compiled'
  /** The (frozen) policy it decides with. */
  readonly policy: Policy
  /**
   * Decides priority, routing, SLA policies and escalations for one set of facts.
   *
   * @throws ServiceKitError `POLICY_FACTS_INVALID` when the facts break their declarations.
   */
  decide(facts: unknown, options?: DecideOptions): Decision
}

/** A policy engine in reference mode: `decide` evaluates with json-rules-engine and returns a promise. */
export interface ReferencePolicyEngine {
  /** The mode it evaluates in. */
  readonly mode: 'reference'
  /** The (frozen) policy it decides with. */
  readonly policy: Policy
  /**
   * Decides exactly as the compiled engine does, with json-rules-engine; safe under concurrent calls.
   *
   * @throws ServiceKitError `POLICY_FACTS_INVALID` (as a rejected promise).
   */
  decide(facts: unknown, options?: DecideOptions): Promise<Decision>
}

/**
 * Makes an engine that decides with a parsed policy. Both modes give the same
 * decision, trace included, for every input; `compiled` is the fast one.
 *
 * @example
 * ```ts
 * const engine = createPolicyEngine(parsePolicy(json))
 * const d = engine.decide({
 *   case: { category: 'afterSales', subcategory: 'quality', channel: 'phone', impact: 1, urgency: 1 },
 *   customer: { tier: 'key' },
 * })
 * d.priority // 'urgent'
 * d.slaPolicies.map((p) => p.id) // ['sla-phone', 'sla-after-sales', 'sla-repair', 'sla-follow-up']
 * ```
 */
export function createPolicyEngine(
  policy: Policy,
  options?: PolicyEngineOptions<'compiled'>,
): PolicyEngine
export function createPolicyEngine(
  policy: Policy,
  options: PolicyEngineOptions<'reference'>,
): ReferencePolicyEngine
export function createPolicyEngine(
  policy: Policy,
  options?: PolicyEngineOptions,
): PolicyEngine | ReferencePolicyEngine
export function createPolicyEngine(
  policy: Policy,
  options: PolicyEngineOptions = {},
): PolicyEngine | ReferencePolicyEngine {
  const plan = createPlan(policy)
  if (options.mode === 'reference') {
    const decide = createReferenceDecide(plan)
    return {
      mode: 'reference',
      policy: plan.policy,
      decide: (facts, o) => decide(facts, o?.event),
    }
  }
  const decide = createCompiledDecide(plan)
  return {
    mode: 'compiled',
    policy: plan.policy,
    decide: (facts, o) => decide(facts, o?.event),
  }
}
