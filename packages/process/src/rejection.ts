import {
  type CaseEvent,
  type CaseEventType,
  caseEventTypes,
  ServiceKitError,
} from '@servicekit/core'
import { getNextTransitions } from 'xstate'
import { type ProcessSnapshot, toStatePath } from './case-state'
import type { GuardName, GuardParams } from './internal/guards'
import { internalsOf } from './internal/registry'
import { atOf } from './internal/time'

/**
 * Why the process refused an event. It is informative enough to count
 * conformance over thousands of cases: where it happened, what came, and what
 * the state would have taken instead.
 */
export interface ProcessRejection {
  /** The event's position in the replayed log (0-based); absent for a single `send`. */
  index?: number
  /** The event's id. */
  eventId: string
  /** The event's type. */
  type: string
  /** When the event happened. */
  at: Date
  /** The lifecycle state it arrived in, as a dotted path (`inProgress.diagnosing`). */
  state: string
  /** The escalation level's state id it arrived at (`level0`, …). */
  escalation: string
  /**
   * The event types the state handles, in the order of a case's life (a
   * payload may still be refused by a guard: a resolution without a note, a
   * refund beyond the agent's authority).
   */
  accepted: CaseEventType[]
  /** `unhandled`: the state takes no event of this type; `guard`: a guard refused this one. */
  reason: 'unhandled' | 'guard'
  /** The guard that refused it (`canResolve`, `withinAuthority`, `withinReopenWindow`, …). */
  guard?: string
  /** One readable sentence. */
  message: string
}

const order = new Map(caseEventTypes.map((t, i) => [t, i]))

/**
 * The event types a snapshot's state handles, in the order of a case's life.
 * Transitions whose guard fails on the case's state alone (an event to a
 * closed case) are left out; guards that depend on the event's payload are
 * not evaluated.
 *
 * @example
 * ```ts
 * acceptedEvents(snapshot) // ['case.assigned', 'case.waiting', 'solution.proposed', …]
 * ```
 */
export function acceptedEvents(snapshot: ProcessSnapshot): CaseEventType[] {
  const { guards } = internalsOf(snapshot.machine)
  const types = new Set<CaseEventType>()
  for (const t of getNextTransitions(snapshot)) {
    const guard = t.guard as { type: GuardName } | undefined
    if (guard === undefined || guards[guard.type]?.contextOk(snapshot.context)) {
      types.add(t.eventType as CaseEventType)
    }
  }
  return [...types].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99))
}

/** Explains why `event` left `snapshot` unchanged. */
export function explainRejection(
  snapshot: ProcessSnapshot,
  event: CaseEvent,
  index?: number,
): ProcessRejection {
  const { guards } = internalsOf(snapshot.machine)
  const value = snapshot.value as { lifecycle?: never; escalation?: string }
  const state = toStatePath(value.lifecycle)
  const accepted = acceptedEvents(snapshot)
  const candidates = getNextTransitions(snapshot).filter((t) => t.eventType === event.type)
  const rejection: ProcessRejection = {
    eventId: event.id,
    type: event.type,
    at: new Date(atOf(event)),
    state,
    escalation: String(value.escalation),
    accepted,
    reason: 'unhandled',
    message: `${event.type} is not accepted in ${state}; accepted: ${accepted.join(', ') || 'none'}`,
  }
  if (index !== undefined) rejection.index = index
  // The standard transition comes last (added steps go first): it explains best.
  const guard = candidates.at(-1)?.guard as { type: GuardName; params?: GuardParams } | undefined
  const def = guard && guards[guard.type]
  if (guard && def) {
    rejection.reason = 'guard'
    rejection.guard = guard.type
    rejection.message = `${event.type} refused in ${state}: ${def.explain(snapshot.context, event, guard.params ?? {})}`
  }
  return rejection
}

/** The error a refused `send` throws, with the rejection as its details. */
export function toRejectionError(rejection: ProcessRejection): ServiceKitError {
  return new ServiceKitError('PROCESS_EVENT_REJECTED', rejection.message, {
    details: { ...rejection, at: rejection.at.toISOString() },
  })
}
