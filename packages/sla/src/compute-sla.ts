import type { CaseEvent, TimeInput } from '@servicekit/core'
import type { Policy } from '@servicekit/policy'
import { type AdvanceSlaOptions, foldHistory } from './advance-sla'
import { planFor } from './internal/plan'
import type { SlaClock } from './sla-clock'
import { readClocks } from './to-sla-clocks'

/** Options of {@link computeSla}. */
export interface ComputeSlaOptions extends AdvanceSlaOptions {
  /** The moment the clocks are read at; at or after the last event. */
  now: TimeInput
}

/**
 * The SLA clocks of one case from its history and a policy, at `now`. Pure:
 * the same history, policy and `now` always give the same clocks. The policy
 * decides the priority and the SLA policies from the case (again at triage,
 * priority and category changes); each metric's start, stop, pause, resume,
 * cancel and reset conditions run over the events and the process states
 * they lead to. The semantics are in `docs/sla.md`. It is
 * `toSlaClocks(advanceSla(undefined, history, policy), policy, { now })`.
 *
 * @throws ServiceKitError `SLA_HISTORY_INVALID` (no `case.opened` first,
 * events of several cases, events out of time order; `details.index` names
 * the event), `SLA_OPTIONS_INVALID`, `SLA_PRIORITY_UNKNOWN`,
 * `POLICY_FACTS_INVALID`.
 * @example
 * ```ts
 * const policy = parsePolicy(readFileSync('standard-after-sales.policy.json', 'utf8'))
 * const clocks = computeSla(history, policy, { now: '2026-10-09T10:00:00+08:00' })
 * clocks[0] // { metric: 'complaintInvestigation', status: 'running', dueAt: 2026-10-09T01:00:00.000Z, … }
 * ```
 */
export function computeSla(
  history: readonly CaseEvent[],
  policy: Policy,
  options: ComputeSlaOptions,
): SlaClock[] {
  const plan = planFor(policy)
  return readClocks(plan, foldHistory(plan, history, options?.facts), options)
}
