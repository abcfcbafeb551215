import { type CaseEvent, ServiceKitError, tryToMillis } from '@servicekit/core'
import type { StateRecord } from '../sla-state'
import { reconcile } from './changes'
import type { SlaPlan } from './plan'
import { typeBits } from './plan'
import { type Projection, stepProjection } from './projection'
import { activeMask, DIAGNOSING, DONE_MASK, NEW, WORK_MASK } from './states'
import { type Step, stepTrack } from './track'

/** Extra facts for the policy's decisions, merged over the ones read from the case. */
export type ExtraFacts = Readonly<Record<string, unknown>> | undefined

/** A fresh state for a plan, before its `case.opened`. */
export function createState(plan: SlaPlan, caseId: string): StateRecord {
  return {
    format: 1,
    policy: plan.fingerprint,
    caseId,
    events: 0,
    last: Number.NEGATIVE_INFINITY,
    state: NEW,
    history: DIAGNOSING,
    seen: 0,
    case: {},
    recorded: null,
    priority: '',
    routed: '',
    assigned: null,
    reopens: 0,
    tracks: [],
    clocks: [],
    counters: plan.metrics.map(() => 0),
    log: [],
    trail: [],
  }
}

/** A copy of a state that can be advanced without touching the original. */
export function cloneState(s: StateRecord): StateRecord {
  return {
    ...s,
    case: { ...s.case },
    tracks: s.tracks.map((t) => ({ ...t })),
    clocks: s.clocks.map((c) => ({ ...c, runs: c.runs.slice(), pauses: c.pauses.slice() })),
    counters: s.counters.slice(),
    log: s.log.slice(),
    trail: s.trail.slice(),
  }
}

/** Takes one event into the state (which it changes), or throws `SLA_HISTORY_INVALID`. */
export function applyEvent(
  plan: SlaPlan,
  st: StateRecord,
  e: CaseEvent,
  index: number,
  facts: ExtraFacts,
): void {
  const position = st.events
  const bad = (reason: string, message: string): never => {
    throw new ServiceKitError(
      'SLA_HISTORY_INVALID',
      `Event ${index} (${position} in the case's log): ${message}`,
      {
        details: { index, position, eventId: (e as { id?: unknown })?.id, reason },
      },
    )
  }
  const bit = typeBits.get((e as { type?: string })?.type as string)
  if (bit === undefined) bad('unknown-type', `${JSON.stringify(e?.type)} is not a case event type`)
  const t = tryToMillis(e.at)
  if (t === undefined) bad('invalid-time', `"at" is not a valid time`)
  if (position === 0) {
    if (e.type !== 'case.opened')
      bad('not-opened', `the history must begin with case.opened, not ${e.type}`)
  } else if (e.caseId !== st.caseId) {
    bad(
      'other-case',
      `it belongs to case ${JSON.stringify(e.caseId)}, not ${JSON.stringify(st.caseId)}`,
    )
  } else if (t! < st.last) {
    bad(
      'out-of-order',
      `it happened at ${new Date(t!).toISOString()}, before the event before it (${new Date(st.last).toISOString()})`,
    )
  } else if (e.type === 'case.opened') {
    bad('opened-twice', 'the case was already opened')
  }
  const at = t!
  const prev = st.state
  const p: Projection = { state: prev, history: st.history }
  stepProjection(p, e)
  st.state = p.state
  st.history = p.history
  const entered =
    e.type === 'case.opened' ? activeMask[NEW]! : activeMask[p.state]! & ~activeMask[prev]!
  const reopened =
    p.state !== prev && ((1 << prev) & DONE_MASK) !== 0 && (activeMask[p.state]! & WORK_MASK) !== 0

  const change = updateCase(st, e)
  if (change !== NO_DECISION) reconcile(plan, st, at, change === CATEGORY_CHANGED, facts)

  const step: Step = {
    event: e,
    bit: bit!,
    t: at,
    state: p.state,
    entered,
    reopened,
    seen: st.seen,
    priority: st.priority,
    team: st.assigned ?? st.routed,
  }
  const changedState = p.state !== prev
  for (const track of st.tracks) {
    const o = plan.objectives[track.o]!
    const m = o.metric
    if (!changedState && !(m.events & bit!)) continue
    stepTrack(plan, st, track, o, step)
  }
  st.log.push(e)
  st.trail.push(p.state + (reopened ? 64 : 0))
  st.seen |= bit!
  st.last = at
  ;(st as { events: number }).events = position + 1
}

const NO_DECISION = 0
const DECIDE = 1
const CATEGORY_CHANGED = 2

/** Applies the event's changes to the case's facts, and says whether the policy must decide again. */
function updateCase(st: StateRecord, e: CaseEvent): number {
  const c = st.case
  switch (e.type) {
    case 'case.opened':
      st.case = { ...e.case, reopenCount: 0 }
      ;(st as { caseId: string }).caseId = e.caseId
      st.recorded = e.case.priority ?? null
      return DECIDE
    case 'case.triaged': {
      const changed = e.category !== c.category || e.subcategory !== c.subcategory
      c.category = e.category
      c.subcategory = e.subcategory
      if (e.impact !== undefined) c.impact = e.impact
      if (e.urgency !== undefined) c.urgency = e.urgency
      c.priority = e.priority
      st.recorded = e.priority
      return changed ? CATEGORY_CHANGED : DECIDE
    }
    case 'priority.changed':
      c.priority = e.priority
      st.recorded = e.priority
      return DECIDE
    case 'category.changed': {
      const changed = e.category !== c.category || e.subcategory !== c.subcategory
      c.category = e.category
      c.subcategory = e.subcategory
      return changed ? CATEGORY_CHANGED : DECIDE
    }
    case 'case.updated':
      Object.assign(c, e.changes)
      return DECIDE
    case 'case.reopened':
      st.reopens++
      c.reopenCount = st.reopens
      return DECIDE
    case 'case.assigned':
      if (e.team !== undefined) {
        st.assigned = e.team
        for (const tr of st.tracks) if (tr.active >= 0) st.clocks[tr.active]!.team = e.team
      }
      return NO_DECISION
    default:
      return NO_DECISION
  }
}
