import { ServiceKitError, type TimeInput, tryToMillis } from '@servicekit/core'
import type { Policy } from '@servicekit/policy'
import { checkState } from './advance-sla'
import { planFor, type SlaPlan } from './internal/plan'
import { readClock } from './internal/read-clock'
import type { SlaClock } from './sla-clock'
import type { SlaState, StateRecord } from './sla-state'

/** Options of {@link toSlaClocks}. */
export interface ToSlaClocksOptions {
  /** The moment the clocks are read at; at or after the case's last event. */
  now: TimeInput
}

/**
 * The clocks of an SLA state at `now`, in the order they were attached.
 *
 * @throws ServiceKitError `SLA_OPTIONS_INVALID` when `now` is not a time or
 * is before the last event; `SLA_STATE_INVALID` for a state of another policy.
 * @example
 * ```ts
 * const state = advanceSla(undefined, history, policy)
 * toSlaClocks(state, policy, { now: '2026-10-09T10:00:00+08:00' })
 * ```
 */
export function toSlaClocks(
  state: SlaState,
  policy: Policy,
  options: ToSlaClocksOptions,
): SlaClock[] {
  const plan = planFor(policy)
  return readClocks(plan, checkState(state, plan), options)
}

/** The clocks of a state known to belong to the plan. */
export function readClocks(
  plan: SlaPlan,
  st: StateRecord,
  options: ToSlaClocksOptions,
): SlaClock[] {
  const now = tryToMillis(options?.now)
  if (now === undefined)
    throw new ServiceKitError(
      'SLA_OPTIONS_INVALID',
      '`now` must be a Date, epoch milliseconds or ISO-8601 with an offset',
      { details: { option: 'now' } },
    )
  if (now < st.last)
    throw new ServiceKitError(
      'SLA_OPTIONS_INVALID',
      `\`now\` (${new Date(now).toISOString()}) is before the case's last event (${new Date(st.last).toISOString()})`,
      { details: { option: 'now', now, last: st.last } },
    )
  const out: SlaClock[] = []
  for (const c of st.clocks) if (!c.dropped) out.push(readClock(plan, st.caseId, st.log, c, now))
  return out
}
