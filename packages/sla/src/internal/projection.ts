import type { CaseEvent } from '@servicekit/core'
import {
  ASSIGNED,
  AWAITING_DECISION,
  CANCELLED,
  CLOSED,
  DIAGNOSING,
  DONE_MASK,
  EXECUTING,
  FOLLOW_UP,
  isInProgress,
  NEW,
  ON_CUSTOMER,
  ON_THIRD_PARTY,
  RESOLVED,
  TRIAGED,
} from './states'

/** Where the projection is: the state, and the `inProgress` sub-state `case.resumed` returns to. */
export interface Projection {
  state: number
  /** The last `inProgress` sub-state (shallow history), DIAGNOSING before any. */
  history: number
}

const open = (s: number) => s !== CLOSED && s !== CANCELLED
const beforeResolution = (s: number) => open(s) && s !== RESOLVED && s !== FOLLOW_UP

/**
 * The process state after `event`, following the standard statechart of
 * DESIGN.md: on every history the statechart accepts, this is the state it is
 * in. Events the statechart would reject are read leniently (real logs skip
 * steps): documented rule by rule in docs/sla.md. Updates `p` in place.
 */
export function stepProjection(p: Projection, event: CaseEvent, type = event.type): void {
  const s = p.state
  let next = s
  switch (type) {
    case 'case.opened':
      next = NEW
      break
    case 'case.triaged':
      if (s === NEW || s === TRIAGED) next = TRIAGED
      break
    case 'case.assigned':
      if (s === NEW || s === TRIAGED) next = ASSIGNED
      break
    case 'agent.replied':
      if (s === ASSIGNED) next = DIAGNOSING
      break
    case 'case.waiting':
      // Lenient: from new and triaged too; a resolved case waiting is back at work.
      if (open(s))
        next = (event as { on?: string }).on === 'thirdParty' ? ON_THIRD_PARTY : ON_CUSTOMER
      break
    case 'case.resumed':
      if (s === ON_CUSTOMER || s === ON_THIRD_PARTY) next = p.history
      break
    case 'solution.proposed':
      if (beforeResolution(s)) next = AWAITING_DECISION
      break
    case 'solution.accepted':
      if (s === AWAITING_DECISION) next = EXECUTING
      break
    case 'solution.rejected':
      if (s === AWAITING_DECISION) next = DIAGNOSING
      break
    case 'execution.started':
      // Lenient: work may start without a recorded acceptance, but not while waiting.
      if (s !== ON_CUSTOMER && s !== ON_THIRD_PARTY && beforeResolution(s)) next = EXECUTING
      break
    case 'case.resolved':
      if (beforeResolution(s)) next = RESOLVED
      break
    case 'resolution.confirmed':
      if (s === RESOLVED) next = FOLLOW_UP
      break
    case 'resolution.rejected':
      if (s === RESOLVED) next = DIAGNOSING
      break
    case 'case.closed':
      if (s !== CANCELLED) next = CLOSED
      break
    case 'case.reopened':
      if ((1 << s) & DONE_MASK) next = DIAGNOSING
      break
    case 'case.cancelled':
      if (s !== CLOSED) next = CANCELLED
      break
    default:
      break
  }
  if (isInProgress(next)) p.history = next
  // Reopened work starts from diagnosis; history does not carry across a resolution.
  else if ((1 << next) & DONE_MASK) p.history = DIAGNOSING
  p.state = next
}
