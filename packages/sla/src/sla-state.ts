import type { CaseEvent } from '@servicekit/core'

/**
 * Where the SLA clocks of one case stand after some of its events: what
 * {@link advanceSla} returns and takes back to continue with the next events.
 * It is plain JSON (store it beside the case to resume, or rebuild it from the
 * log at any time); its fields other than those below are internal and may
 * change between releases. A state belongs to the policy it was computed with:
 * after editing the policy, compute it again from the log.
 */
export interface SlaState {
  /** The format of this state. */
  readonly format: 1
  /** `id@version` of the policy the state was computed with. */
  readonly policy: string
  /** The case the events belong to. */
  readonly caseId: string
  /** How many events the state has taken in. */
  readonly events: number
}

/** One clock as the state keeps it; times in epoch ms, spans as flat `[from, to, ms, calendar]` quads. */
export interface ClockRecord {
  /** Objective index in the plan (its SLA policy and metric). */
  o: number
  /** Instance number (per metric, per case). */
  n: number
  /** Calendar index in force. */
  cal: number
  priority: string
  team: string
  start: number
  /** When it stopped or was cancelled; null while it counts. */
  end: number | null
  /** Positions in the case's log of the events it started and stopped at (-1 while it counts): their `Date`s are reused. */
  startEvent: number
  endEvent: number
  cancelled: boolean
  /** Cancelled at the instant it started: it never ran and is not reported. */
  dropped: boolean
  /** 0: time target, 1: business days, 2: due from an event. */
  kind: 0 | 1 | 2
  /** The target's ms or days, as the objective gives it. */
  amount: number
  /** The target in business ms. */
  target: number
  /** The due time of a kind-2 clock. */
  due: number | null
  /** A due time that had passed before it was moved (the breach stands). */
  missed: number | null
  runFrom: number | null
  pauseFrom: number | null
  /**
   * The due time while the clock runs from `runFrom`, when the target's
   * computation gave it (a business-day target, from the start): read back
   * instead of asking the calendar again. Null otherwise.
   */
  runDue: number | null
  /** Running spans; null until the clock first pauses or stops. */
  runs: number[] | null
  /** Paused spans; null until the clock first pauses. */
  pauses: number[] | null
  /** The track's previous clock, or -1. */
  prev: number
}

/** One SLA policy's metric attached to the case. */
export interface TrackRecord {
  o: number
  /** Index in `clocks` of the clock that counts now, or -1. */
  active: number
  /** Index in `clocks` of the track's latest clock, or -1. */
  last: number
  /** A clock started in this cycle (for `once` metrics). */
  started: boolean
  /** Paused by a `pause` event and not yet resumed. */
  held: boolean
  /** The latest due time read from the metric's `dueAt` sources. */
  due: number | null
}

/** The whole state, as the package reads it. */
export interface StateRecord extends SlaState {
  /** Epoch ms of the latest event. */
  last: number
  /** Process state index, and the `inProgress` sub-state `case.resumed` returns to. */
  state: number
  history: number
  /** Bits of the event types seen. */
  seen: number
  /** The case as opened (never changed: it is the event's own object). */
  case: Record<string, unknown>
  /** Fields changed since (triage, changes of category and priority, updates), or null. */
  changes: Record<string, unknown> | null
  /** The priority the log set (intake, triage, `priority.changed`), if any. */
  recorded: string | null
  /** The priority in force, and the team routing decided. */
  priority: string
  routed: string
  /** The team of the latest assignment. */
  assigned: string | null
  reopens: number
  tracks: TrackRecord[]
  clocks: ClockRecord[]
  /** Next instance number of each metric of the plan. */
  counters: number[]
  /** The events taken in (replayed when a metric is attached mid-case). */
  log: readonly CaseEvent[]
}
