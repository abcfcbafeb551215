import type { SolutionKind } from './options'

/** A solution as the process remembers it, to check acceptance and authority. */
export interface ProposedSolution {
  /** The solution's kind. */
  kind: SolutionKind
  /** Its amount, when it has one. */
  amount: number | null
  /** The ISO 4217 currency of the amount. */
  currency: string | null
}

/** The resolution the case is in, from its `case.resolved` event. */
export interface ResolutionRecord {
  /** The id of the `case.resolved` event. */
  eventId: string
  /** When it was resolved, epoch milliseconds. */
  at: number
  /** Whether the event carried a resolution note. */
  note: boolean
  /** The resolution code, when given. */
  code: string | null
}

/**
 * The extended state of a service process: what its guards need from the
 * case's history, as JSON-safe data (times in epoch milliseconds) so a
 * persisted snapshot round-trips exactly. It holds no customer data: notes and
 * case fields stay in the event log, only whether required fields are present
 * is kept.
 */
export interface ProcessContext {
  /** The case's id, from `case.opened`; `null` before it. */
  caseId: string | null
  /** Opened and neither closed nor cancelled. */
  open: boolean
  /** The category from intake, triage or `category.changed`. */
  category: string | null
  /** The priority from intake, triage or `priority.changed`. */
  priority: string | null
  /** The required field paths the case has recorded, sorted. */
  fields: string[]
  /** Every proposed solution by its id. */
  solutions: Record<string, ProposedSolution>
  /** The solution the customer accepted last. */
  acceptedSolution: string | null
  /** The current resolution; `null` when not resolved (or rejected, reopened). */
  resolution: ResolutionRecord | null
  /** The escalation level (0 is the agent); mirrors the escalation region. */
  level: number
  /** When silence confirms the resolution (epoch ms); `null` when not scheduled. */
  autoConfirmAt: number | null
  /** When the case was closed (epoch ms). */
  closedAt: number | null
  /** Until when it may be reopened (epoch ms, exclusive); `null` when not closed or no window. */
  reopenUntil: number | null
  /** How often the case was reopened. */
  reopenCount: number
  /** How many events the process accepted. */
  events: number
  /** When the last accepted event happened (epoch ms). */
  lastEventAt: number | null
}

/** The context of a process that has seen no event. */
export function createInitialContext(): ProcessContext {
  return {
    caseId: null,
    open: false,
    category: null,
    priority: null,
    fields: [],
    solutions: {},
    acceptedSolution: null,
    resolution: null,
    level: 0,
    autoConfirmAt: null,
    closedAt: null,
    reopenUntil: null,
    reopenCount: 0,
    events: 0,
    lastEventAt: null,
  }
}
