import { type CaseEvent, ServiceKitError } from '@servicekit/core'
import type { Policy } from '@servicekit/policy'
import { applyEvent, cloneState, createState, createStep } from './internal/fold'
import { planFor, type SlaPlan } from './internal/plan'
import type { SlaState, StateRecord } from './sla-state'

/** Options of {@link advanceSla} and {@link computeSla}. */
export interface AdvanceSlaOptions {
  /**
   * Facts for the policy's decisions beyond the case's own, merged over them
   * one level deep, e.g. `{ customer: { emotion: 'angry' }, case: { flags: ['safetyRisk'] } }`.
   * The case gives `case.*` (its fields as changed by the log, and
   * `case.reopenCount`) and `customer.*`. Pass the same facts on every call
   * for one case.
   */
  facts?: Readonly<Record<string, unknown>>
}

/**
 * Takes the next events of a case into its SLA state: the incremental form
 * of {@link computeSla}, for a desk that handles one event at a time. Start
 * with `undefined` and the case's first events (beginning with
 * `case.opened`); pass the returned state back with later events. Computing
 * from a prefix of a history and then the rest gives the same state as the
 * whole history at once. Pure: the given state is not changed.
 *
 * @throws ServiceKitError `SLA_HISTORY_INVALID` (`details.index` in `events`,
 * `details.position` in the case's log), `SLA_STATE_INVALID`,
 * `SLA_PRIORITY_UNKNOWN`, and `POLICY_FACTS_INVALID` when the case's facts
 * break the policy's declarations.
 * @example
 * ```ts
 * let state = advanceSla(undefined, [opened, triaged], policy)
 * state = advanceSla(state, [agentReplied], policy) // store it with the case
 * toSlaClocks(state, policy, { now: new Date() })
 * ```
 */
export function advanceSla(
  state: SlaState | undefined,
  events: readonly CaseEvent[],
  policy: Policy,
  options: AdvanceSlaOptions = {},
): SlaState {
  const plan = planFor(policy)
  if (state === undefined && events.length === 0) throw emptyHistory()
  const st = state === undefined ? createState(plan, []) : cloneState(checkState(state, plan))
  const step = createStep()
  for (let i = 0; i < events.length; i++)
    applyEvent(plan, st, events[i]!, i, options.facts, step, true)
  return st
}

/**
 * The state of a whole history, for {@link computeSla}: the state reads the
 * caller's array as its log instead of copying it (it never leaves the call).
 */
export function foldHistory(
  plan: SlaPlan,
  history: readonly CaseEvent[],
  facts: AdvanceSlaOptions['facts'],
): StateRecord {
  if (history.length === 0) throw emptyHistory()
  const st = createState(plan, history)
  const step = createStep()
  for (let i = 0; i < history.length; i++) applyEvent(plan, st, history[i]!, i, facts, step, false)
  return st
}

const emptyHistory = () =>
  new ServiceKitError(
    'SLA_HISTORY_INVALID',
    'The history is empty: it must begin with case.opened',
    {
      details: { index: 0, position: 0, reason: 'empty' },
    },
  )

/** The state as the package reads it, after checking it belongs to the plan's policy. */
export function checkState(state: SlaState, plan: SlaPlan): StateRecord {
  const s = state as Partial<StateRecord> | null
  if (s === null || typeof s !== 'object' || s.format !== 1 || !Array.isArray(s.clocks))
    throw new ServiceKitError('SLA_STATE_INVALID', 'Not an SLA state (from advanceSla)', {
      details: { format: (s as { format?: unknown } | null)?.format },
    })
  if (s.policy !== plan.fingerprint)
    throw new ServiceKitError(
      'SLA_STATE_INVALID',
      `The SLA state was computed with policy ${s.policy}, not ${plan.fingerprint}: compute it again from the case's log`,
      { details: { state: s.policy, policy: plan.fingerprint } },
    )
  return s as StateRecord
}
