import { type CaseEvent, tryToMillis } from '@servicekit/core'
import type { TrackRecord } from '../sla-state'
import {
  type ClockSink,
  continueClock,
  createClock,
  endClock,
  setDue,
  setPaused,
} from './clock-ops'
import type { CondTrigger, Objective, SlaPlan, Triggers } from './plan'
import { activeMask } from './states'

/** What one event means for the tracks: the event, its bit and time, and the process state around it. */
export interface Step {
  event: CaseEvent
  bit: number
  t: number
  /** Process state after the event. */
  state: number
  /** States the event entered. */
  entered: number
  /** The event took the case back to work from resolved, followUp or closed. */
  reopened: boolean
  /** Event types seen before this event. */
  seen: number
  priority: string
  team: string
}

/**
 * Applies one event to one track, in a fixed order: due time, reopening,
 * cancel, stop, reset, start, pause and resume, then whether the clock runs.
 * Stop before start, so an event that does both (a reply, for periodic
 * update) stops one clock and starts the next.
 */
export function stepTrack(
  plan: SlaPlan,
  sink: ClockSink,
  track: TrackRecord,
  o: Objective,
  s: Step,
): void {
  const m = o.metric
  const { t } = s
  const clocks = sink.clocks
  // Most events name none of the metric's triggers: then only the state can pause or run it.
  if ((m.events & s.bit) === 0 && (m.states & s.entered) === 0 && !s.reopened) {
    if (track.active >= 0 && !o.fixedDue)
      setPaused(
        plan,
        clocks[track.active]!,
        track.held || (activeMask[s.state]! & o.pauseMask) !== 0,
        t,
      )
    return
  }
  if (s.bit & m.dueMask) {
    const due = readDue(o, s)
    if (due !== undefined) {
      track.due = due
      if (track.active >= 0) setDue(plan, clocks[track.active]!, due, t)
    }
  }
  if (s.reopened) {
    const last = track.last >= 0 ? clocks[track.last]! : undefined
    if (o.onReopen === 'continue') {
      if (track.active < 0 && last && !last.cancelled) {
        continueClock(plan, last, t)
        track.active = track.last
      }
    } else if (o.onReopen === 'newCycle') {
      track.started = false
      if (track.active < 0) start(plan, sink, track, o, s)
    }
  }
  if (track.active >= 0 && fires(m.cancel, s)) {
    cancel(plan, sink, track, o, t)
  }
  if (track.active >= 0 && fires(m.stop, s)) {
    endClock(plan, clocks[track.active]!, t, sink.events, false)
    track.active = -1
  }
  if (track.active >= 0 && fires(m.reset, s)) {
    cancel(plan, sink, track, o, t)
    start(plan, sink, track, o, s)
  }
  if (track.active < 0 && (m.repeat || !track.started) && fires(m.start, s)) {
    start(plan, sink, track, o, s)
  }
  // Pause states pause while occupied (the pause mask below); pause events hold the clock.
  if (firesOnEvent(m.pause, s)) track.held = true
  if (fires(m.resume, s)) track.held = false
  if (track.active >= 0 && !o.fixedDue)
    setPaused(
      plan,
      clocks[track.active]!,
      track.held || (activeMask[s.state]! & o.pauseMask) !== 0,
      t,
    )
}

/** Starts a clock on the track at the step's time (a due-from-event metric needs its due time first). */
export function start(
  plan: SlaPlan,
  sink: ClockSink,
  track: TrackRecord,
  o: Objective,
  s: Pick<Step, 't' | 'priority' | 'team'>,
): void {
  if (o.fixedDue && track.due === null) return
  track.active = createClock(plan, sink, o, s.t, s.priority, s.team, track.due, track.last)
  track.last = track.active
  track.started = true
}

/** Cancels the track's clock; one cancelled at the instant it started never ran and is dropped. */
export function cancel(
  plan: SlaPlan,
  sink: ClockSink,
  track: TrackRecord,
  o: Objective,
  t: number,
): void {
  const c = sink.clocks[track.active]!
  endClock(plan, c, t, sink.events, true)
  if (c.start === t) {
    c.dropped = true
    track.last = c.prev
    // Give its instance number back when no later clock took one.
    if (sink.counters[o.metric.index] === c.n + 1) sink.counters[o.metric.index] = c.n
  }
  track.active = -1
}

/** Whether a kind of trigger fires on this step: an event, or a state entered. */
function fires(k: Triggers, s: Step): boolean {
  return (k.st & s.entered) !== 0 || firesOnEvent(k, s)
}

function firesOnEvent(k: Triggers, s: Step): boolean {
  if (k.ev & s.bit) return true
  if ((k.condEv & s.bit) === 0) return false
  for (let i = 0; i < k.cond.length; i++) if (matches(k.cond[i]!, s)) return true
  return false
}

function matches(c: CondTrigger, s: Step): boolean {
  if (c.bit !== s.bit || (c.after && !(s.seen & c.after))) return false
  for (const w of c.where) if (!w.values.includes(read(s.event, w.path) as never)) return false
  return true
}

function read(root: unknown, path: readonly string[]): unknown {
  let v = root
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

function readDue(o: Objective, s: Step): number | undefined {
  for (const d of o.metric.due) {
    if (d.bit !== s.bit) continue
    const ms = tryToMillis(read(s.event, d.path))
    if (ms !== undefined) return ms
  }
  return undefined
}
