import type { CaseEvent } from '@servicekit/core'
import type { ProcessState } from '@servicekit/policy'
import { type Projection, stepProjection } from './internal/projection'
import { DIAGNOSING, NEW, nameOf } from './internal/states'

/**
 * The process state a case is in after its history, as SLA conditions read it
 * (pause states, `{ "state": … }` triggers). It follows the standard service
 * statechart: `case.waiting` → `waiting.onCustomer` / `waiting.onThirdParty`,
 * `case.resumed` → back to the `inProgress` sub-state it left,
 * `case.resolved` → `resolved`, `resolution.rejected` →
 * `inProgress.diagnosing`, `resolution.confirmed` → `followUp`,
 * `case.closed` → `closed`, `case.reopened` → `inProgress.diagnosing`,
 * `case.cancelled` → `cancelled`. Steps a real log skips are read leniently
 * (a case may wait before it is assigned); every rule is in `docs/sla.md`.
 * `@servicekit/process` is the authority on the process; this projection
 * needs no statechart and agrees with it on every history it accepts.
 *
 * @example
 * ```ts
 * projectProcessState([opened, assigned, agentReplied, waitingOnCustomer]) // 'waiting.onCustomer'
 * ```
 */
export function projectProcessState(history: readonly CaseEvent[]): ProcessState {
  const p: Projection = { state: NEW, history: DIAGNOSING }
  for (const event of history) stepProjection(p, event)
  return nameOf(p.state)
}
