import {
  type CaseEvent,
  type CaseEventOf,
  type CaseEventType,
  ServiceKitError,
  tryToMillis,
} from '@servicekit/core'
import type { StateRecord } from '../sla-state'
import { reconcile } from './changes'
import { copyClock } from './clock-ops'
import { bitOf, type SlaPlan } from './plan'
import { stepProjection } from './projection'
import { activeMask, DIAGNOSING, enteredStates, isReopening, NEW } from './states'
import { type Step, stepTrack } from './track'

/** Extra facts for the policy's decisions, merged over the ones read from the case. */
export type ExtraFacts = Readonly<Record<string, unknown>> | undefined

/** A fresh state for a plan, before its `case.opened`, taking its events into `log`. */
export function createState(plan: SlaPlan, log: readonly CaseEvent[]): StateRecord {
  return {
    format: 1,
    policy: plan.fingerprint,
    caseId: '',
    events: 0,
    last: Number.NEGATIVE_INFINITY,
    state: NEW,
    history: DIAGNOSING,
    seen: 0,
    case: {},
    changes: null,
    recorded: null,
    priority: '',
    routed: '',
    assigned: null,
    reopens: 0,
    tracks: [],
    clocks: [],
    counters: plan.zeros.slice(),
    log,
  }
}

/** A copy of a state that can be advanced without touching the original (the case is copied on its first change). */
export function cloneState(s: StateRecord): StateRecord {
  return {
    format: 1,
    policy: s.policy,
    caseId: s.caseId,
    events: s.events,
    last: s.last,
    state: s.state,
    history: s.history,
    seen: s.seen,
    case: s.case,
    changes: s.changes === null ? null : Object.assign({}, s.changes),
    recorded: s.recorded,
    priority: s.priority,
    routed: s.routed,
    assigned: s.assigned,
    reopens: s.reopens,
    tracks: s.tracks.map((t) => ({
      o: t.o,
      active: t.active,
      last: t.last,
      started: t.started,
      held: t.held,
      due: t.due,
    })),
    clocks: s.clocks.map(copyClock),
    counters: s.counters.slice(),
    log: s.log.slice(),
  }
}

/** A step record to reuse for every event of one call (the tracks only read it). */
export function createStep(): Step {
  return {
    event: undefined as unknown as CaseEvent,
    bit: 0,
    t: 0,
    state: NEW,
    entered: 0,
    reopened: false,
    seen: 0,
    priority: '',
    team: '',
  }
}

function invalid(index: number, position: number, e: CaseEvent, reason: string, message: string) {
  return new ServiceKitError(
    'SLA_HISTORY_INVALID',
    `Event ${index} (${position} in the case's log): ${message}`,
    { details: { index, position, eventId: (e as { id?: unknown } | null)?.id, reason } },
  )
}

/** Takes one event into the state (which it changes), or throws `SLA_HISTORY_INVALID`. */
export function applyEvent(
  plan: SlaPlan,
  st: StateRecord,
  e: CaseEvent,
  index: number,
  facts: ExtraFacts,
  step: Step,
  record: boolean,
): void {
  const position = st.events
  const type = (e as { type?: CaseEvent['type'] } | null)?.type as CaseEvent['type']
  const bit = typeof type === 'string' ? bitOf(type) : 0
  if (bit === 0)
    throw invalid(
      index,
      position,
      e,
      'unknown-type',
      `${JSON.stringify(e?.type)} is not a case event type`,
    )
  const t = tryToMillis(e.at)
  if (t === undefined) throw invalid(index, position, e, 'invalid-time', '"at" is not a valid time')
  if (position === 0) {
    if (type !== 'case.opened')
      throw invalid(
        index,
        position,
        e,
        'not-opened',
        `the history must begin with case.opened, not ${type}`,
      )
  } else if (e.caseId !== st.caseId) {
    throw invalid(
      index,
      position,
      e,
      'other-case',
      `it belongs to case ${JSON.stringify(e.caseId)}, not ${JSON.stringify(st.caseId)}`,
    )
  } else if (t < st.last) {
    throw invalid(
      index,
      position,
      e,
      'out-of-order',
      `it happened at ${new Date(t).toISOString()}, before the event before it (${new Date(st.last).toISOString()})`,
    )
  } else if (type === 'case.opened') {
    throw invalid(index, position, e, 'opened-twice', 'the case was already opened')
  }

  const prev = st.state
  stepProjection(st, e, type)
  const next = st.state
  const entered = enteredStates(position === 0, prev, next)
  const reopened = isReopening(prev, next)

  const change = updateCase(plan, st, e, type)
  if (change !== KEEP) reconcile(plan, st, t, change === CATEGORY_CHANGED, facts)

  step.event = e
  step.bit = bit
  step.t = t
  step.state = next
  step.entered = entered
  step.reopened = reopened
  step.seen = st.seen
  step.priority = st.priority
  step.team = st.assigned ?? st.routed
  const tracks = st.tracks
  // States whose occupancy changed: a track whose pause states are among them may pause or run.
  const moved = activeMask[prev]! ^ activeMask[next]!
  for (let i = 0; i < tracks.length; i++) {
    const track = tracks[i]!
    const o = plan.objectives[track.o]!
    const m = o.metric
    // A track is touched only by the events and states its metric names, and its pause states.
    if (
      (m.events & bit) === 0 &&
      (m.states & entered) === 0 &&
      (o.pauseMask & moved) === 0 &&
      !reopened
    )
      continue
    stepTrack(plan, st, track, o, step)
  }
  if (record) (st.log as CaseEvent[]).push(e)
  st.seen |= bit
  st.last = t
  ;(st as { events: number }).events = position + 1
}

const KEEP = 0
const DECIDE = 1
const CATEGORY_CHANGED = 2

/**
 * Applies the event's changes to the case's facts, and says whether the
 * policy must decide again: only when a fact it reads changed, or the
 * priority the log sets differs from the one in force. `type` is the event's
 * type, read once by the caller (events of many shapes make each read slow).
 */
function updateCase(plan: SlaPlan, st: StateRecord, event: CaseEvent, type: CaseEventType): number {
  switch (type) {
    case 'case.opened': {
      const e = event as CaseEventOf<'case.opened'>
      st.case = e.case
      st.changes = null
      ;(st as { caseId: string }).caseId = e.caseId
      st.recorded = e.case.priority ?? null
      return DECIDE
    }
    case 'case.triaged': {
      const e = event as CaseEventOf<'case.triaged'>
      const category =
        e.category !== field(st, 'category') || e.subcategory !== field(st, 'subcategory')
      let read = category && (plan.reads('category') || plan.reads('subcategory'))
      if (
        (e.impact !== undefined && e.impact !== field(st, 'impact') && plan.reads('impact')) ||
        (e.urgency !== undefined && e.urgency !== field(st, 'urgency') && plan.reads('urgency')) ||
        (e.priority !== field(st, 'priority') && plan.reads('priority'))
      )
        read = true
      const set = own(st)
      set.category = e.category
      set.subcategory = e.subcategory
      if (e.impact !== undefined) set.impact = e.impact
      if (e.urgency !== undefined) set.urgency = e.urgency
      set.priority = e.priority
      st.recorded = e.priority
      if (category && read) return CATEGORY_CHANGED
      return read || e.priority !== st.priority ? DECIDE : KEEP
    }
    case 'priority.changed': {
      const e = event as CaseEventOf<'priority.changed'>
      const read = e.priority !== field(st, 'priority') && plan.reads('priority')
      own(st).priority = e.priority
      st.recorded = e.priority
      return read || e.priority !== st.priority ? DECIDE : KEEP
    }
    case 'category.changed': {
      const e = event as CaseEventOf<'category.changed'>
      const changed =
        e.category !== field(st, 'category') || e.subcategory !== field(st, 'subcategory')
      const set = own(st)
      set.category = e.category
      set.subcategory = e.subcategory
      return changed && (plan.reads('category') || plan.reads('subcategory'))
        ? CATEGORY_CHANGED
        : KEEP
    }
    case 'case.updated': {
      const e = event as CaseEventOf<'case.updated'>
      let read = false
      for (const key of Object.keys(e.changes)) if (plan.reads(key)) read = true
      Object.assign(own(st), e.changes)
      return read ? DECIDE : KEEP
    }
    case 'case.reopened':
      st.reopens++
      return plan.reads('reopenCount') ? DECIDE : KEEP
    case 'case.assigned': {
      const team = (event as CaseEventOf<'case.assigned'>).team
      if (team !== undefined) {
        st.assigned = team
        for (const tr of st.tracks) if (tr.active >= 0) st.clocks[tr.active]!.team = team
      }
      return KEEP
    }
    default:
      return KEEP
  }
}

/** The changes to the case, to write to (the opened case itself is never changed). */
function own(st: StateRecord): Record<string, unknown> {
  if (st.changes === null) st.changes = {}
  return st.changes
}

/** A field of the case as it is now. */
function field(st: StateRecord, key: string): unknown {
  return st.changes !== null && Object.hasOwn(st.changes, key) ? st.changes[key] : st.case[key]
}
