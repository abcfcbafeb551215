import { tryToMillis } from '@servicekit/core'
import type { SlaChangeRule } from '@servicekit/policy'
import type { ClockRecord, StateRecord, TrackRecord } from '../sla-state'
import { type ClockSink, changeCalendar, setPaused, setTarget } from './clock-ops'
import { decideCase } from './decide'
import type { ExtraFacts } from './fold'
import type { Objective, SlaPlan } from './plan'
import { bitOf } from './plan'
import { type Projection, stepProjection } from './projection'
import { activeMask, DIAGNOSING, enteredStates, isReopening, NEW } from './states'
import { cancel, start, stepTrack } from './track'

const recalculate: SlaChangeRule = { mode: 'recalculate' }

/**
 * Decides the priority and the SLA policies again (at the opening, a triage,
 * a priority or category change, an update of the case, a reopening) and
 * brings the tracks in line, at time `t`:
 * - a metric whose objective is unchanged keeps its clock untouched;
 * - a metric whose target changed (same SLA policy, new priority) or whose
 *   SLA policy was replaced by another applying the same metric follows the
 *   change rule: `recalculate` keeps the clock with the new target (and the
 *   calendar rule), `restart` cancels it and attaches a new one, from the
 *   change or from the original start;
 * - a metric no SLA policy applies any more has its clock cancelled;
 * - a metric newly applied gets the clocks it would have had, had its SLA
 *   policy applied from the start (from the change, under `restart` from `change`).
 * A category change follows the category rule, otherwise a priority change
 * the priority rule.
 */
export function reconcile(
  plan: SlaPlan,
  st: StateRecord,
  t: number,
  categoryChanged: boolean,
  facts: ExtraFacts,
): void {
  const d = decideCase(plan, st, facts)
  const priority = d.priority
  const priorityChanged = st.priority !== '' && priority !== st.priority
  st.priority = priority
  st.routed = d.team
  const team = st.assigned ?? st.routed
  const desired = d.objectives

  const old = st.tracks
  if (old.length === 0 && st.events === 0) {
    // The opening: every metric starts from nothing.
    const tracks: TrackRecord[] = []
    for (const oi of desired) tracks.push(freshTrack(oi))
    st.tracks = tracks
    return
  }
  const used = old.map(() => false)
  const next: (TrackRecord | undefined)[] = desired.map((oi) => {
    const k = old.findIndex((tr, i) => !used[i] && tr.o === oi)
    if (k < 0) return undefined
    used[k] = true
    return old[k]
  })
  const ruleOf = (o: Objective): SlaChangeRule =>
    categoryChanged ? o.changes.category : priorityChanged ? o.changes.priority : recalculate
  const ctx: ChangeContext = { plan, st, t, priority, team }

  // A metric still applied by the same SLA policy: a new target is a change.
  next.forEach((tr, j) => {
    if (!tr || tr.active < 0) return
    const c = st.clocks[tr.active]!
    c.priority = priority
    const o = plan.objectives[desired[j]!]!
    if (!o.fixedDue && !sameTarget(c, o, priority)) applyRule(ctx, tr, o, ruleOf(o))
  })
  // A metric moved to another SLA policy, or newly applied.
  next.forEach((tr, j) => {
    if (tr) return
    const o = plan.objectives[desired[j]!]!
    const k = old.findIndex((x, i) => !used[i] && plan.objectives[x.o]!.metric === o.metric)
    if (k >= 0) {
      used[k] = true
      const moved = old[k]!
      if (moved.active >= 0) applyRule(ctx, moved, o, ruleOf(o))
      else moved.o = o.index
      next[j] = moved
    } else next[j] = attach(ctx, o, ruleOf(o))
  })
  // A metric no SLA policy applies any more.
  old.forEach((tr, i) => {
    if (!used[i] && tr.active >= 0) cancel(plan, st, tr, plan.objectives[tr.o]!, t)
  })
  st.tracks = next as TrackRecord[]
}

const freshTrack = (o: number): TrackRecord => ({
  o,
  active: -1,
  last: -1,
  started: false,
  held: false,
  due: null,
})

interface ChangeContext {
  plan: SlaPlan
  st: StateRecord
  t: number
  priority: string
  team: string
}

function sameTarget(c: ClockRecord, o: Objective, priority: string): boolean {
  const d = o.targets[priority]!
  return d.kind === 'time' ? c.kind === 0 && c.amount === d.ms : c.kind === 1 && c.amount === d.days
}

/** Moves the track's running clock to objective `o` under `rule`. */
function applyRule(ctx: ChangeContext, tr: TrackRecord, o: Objective, rule: SlaChangeRule): void {
  const { plan, st, t, priority, team } = ctx
  const c = st.clocks[tr.active]!
  if (rule.mode === 'recalculate') {
    c.o = o.index
    tr.o = o.index
    changeCalendar(plan, c, o.calendar, o.changes.calendar, t)
    if (o.fixedDue)
      c.target = c.due! > c.start ? plan.calendars[c.cal]!.businessMsBetween(c.start, c.due!) : 0
    else setTarget(plan, c, o, priority)
    settle(ctx, tr, o)
    return
  }
  cancel(plan, st, tr, plan.objectives[tr.o]!, t)
  tr.o = o.index
  if (rule.from === 'change') {
    start(plan, st, tr, o, { t, priority, team })
    settle(ctx, tr, o)
    return
  }
  // From the original start: the clock the new objective would have had.
  const r = replay(ctx, o)
  adopt(plan, st, r, true)
  tr.active = r.track.active
  if (tr.active >= 0) tr.last = tr.active
  tr.held = r.track.held
  tr.due = r.track.due
}

/** A new track for objective `o`, with the clocks it would have had (or, under `restart` from `change`, one from `t`). */
function attach(ctx: ChangeContext, o: Objective, rule: SlaChangeRule): TrackRecord {
  const fresh: TrackRecord = {
    o: o.index,
    active: -1,
    last: -1,
    started: false,
    held: false,
    due: null,
  }
  if (ctx.st.events === 0) return fresh
  const r = replay(ctx, o)
  if (rule.mode === 'restart' && rule.from === 'change') {
    const tr: TrackRecord = { ...r.track, active: -1, last: -1 }
    if (r.track.active >= 0) {
      start(ctx.plan, ctx.st, tr, o, ctx)
      settle(ctx, tr, o)
    }
    return tr
  }
  adopt(ctx.plan, ctx.st, r, false)
  return r.track
}

/** Runs or pauses the track's clock as the case's state and holds say, from `t`. */
function settle(ctx: ChangeContext, tr: TrackRecord, o: Objective): void {
  if (tr.active < 0 || o.fixedDue) return
  const paused = tr.held || (activeMask[ctx.st.state]! & o.pauseMask) !== 0
  setPaused(ctx.plan, ctx.st.clocks[tr.active]!, paused, ctx.t)
}

interface Replay {
  sink: ClockSink
  track: TrackRecord
}

/** Runs objective `o` alone over the events taken in so far (the process states projected again). */
function replay(ctx: ChangeContext, o: Objective): Replay {
  const { plan, st, priority, team } = ctx
  const sink: ClockSink = { clocks: [], counters: plan.metrics.map(() => 0), events: 0 }
  const track = freshTrack(o.index)
  const p: Projection = { state: NEW, history: DIAGNOSING }
  let seen = 0
  for (let k = 0; k < st.events; k++) {
    sink.events = k
    const event = st.log[k]!
    const prev = p.state
    stepProjection(p, event)
    const bit = bitOf(event.type)
    stepTrack(plan, sink, track, o, {
      event,
      bit,
      t: tryToMillis(event.at)!,
      state: p.state,
      entered: enteredStates(k === 0, prev, p.state),
      reopened: isReopening(prev, p.state),
      seen,
      priority,
      team,
    })
    seen |= bit
  }
  return { sink, track }
}

/** Moves a replay's clocks into the state (all of them, or only the one still counting), numbering them. */
function adopt(plan: SlaPlan, st: StateRecord, r: Replay, onlyActive: boolean): void {
  const moved = new Map<number, number>()
  r.sink.clocks.forEach((c, i) => {
    if (c.dropped || (onlyActive && i !== r.track.active)) return
    c.prev = onlyActive ? -1 : (moved.get(c.prev) ?? -1)
    c.n = st.counters[plan.objectives[c.o]!.metric.index]!++
    moved.set(i, st.clocks.length)
    st.clocks.push(c)
  })
  r.track.active = moved.get(r.track.active) ?? -1
  r.track.last = moved.get(r.track.last) ?? -1
}
