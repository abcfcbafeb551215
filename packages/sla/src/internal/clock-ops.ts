import type { ClockRecord } from '../sla-state'
import type { BusinessTime } from './business-time'
import type { Objective, SlaPlan } from './plan'

// The arithmetic of one clock. Every moment between a clock's start and its
// end is in exactly one span, running or paused; each closed span keeps the
// business time it holds on the calendar in force when it closed.

/** Where clocks are created: the state's list and instance counters (or a replay's). */
export interface ClockSink {
  clocks: ClockRecord[]
  counters: number[]
  /** The position in the case's log of the event being applied. */
  events: number
}

/** Creates a running clock at `t`; the caller records it on its track. */
export function createClock(
  plan: SlaPlan,
  sink: ClockSink,
  o: Objective,
  t: number,
  priority: string,
  team: string,
  due: number | null,
  prev: number,
): number {
  const cal = o.calendar
  const c: ClockRecord = {
    o: o.index,
    n: sink.counters[o.metric.index]!,
    cal,
    priority,
    team,
    start: t,
    end: null,
    startEvent: sink.events,
    endEvent: -1,
    cancelled: false,
    dropped: false,
    kind: 0,
    amount: 0,
    target: 0,
    due: null,
    missed: null,
    runFrom: t,
    pauseFrom: null,
    runDue: null,
    runs: null,
    pauses: null,
    prev,
  }
  sink.counters[o.metric.index]!++
  if (o.fixedDue) {
    c.kind = 2
    setDue(plan, c, due!, t)
  } else setTarget(plan, c, o, priority)
  sink.clocks.push(c)
  return sink.clocks.length - 1
}

/**
 * A copy of a clock to change (its span lists copied too), written out field
 * by field in createClock's order: copies share its shape, so the code that
 * reads clocks stays fast (an `Object.assign` copy of this many fields is a
 * slow dictionary object). A state read back from JSON gets the same shape.
 */
export function copyClock(c: ClockRecord): ClockRecord {
  return {
    o: c.o,
    n: c.n,
    cal: c.cal,
    priority: c.priority,
    team: c.team,
    start: c.start,
    end: c.end,
    startEvent: c.startEvent ?? -1,
    endEvent: c.endEvent ?? -1,
    cancelled: c.cancelled,
    dropped: c.dropped,
    kind: c.kind,
    amount: c.amount,
    target: c.target,
    due: c.due,
    missed: c.missed,
    runFrom: c.runFrom,
    pauseFrom: c.pauseFrom,
    runDue: c.runDue ?? null,
    runs: c.runs?.slice() ?? null,
    pauses: c.pauses?.slice() ?? null,
    prev: c.prev,
  }
}

/** Sets the target of the objective for `priority` (the caller knows there is one). */
export function setTarget(plan: SlaPlan, c: ClockRecord, o: Objective, priority: string): void {
  const d = o.targets[priority]!
  c.runDue = null
  if (d.kind === 'time') {
    c.kind = 0
    c.amount = d.ms
    c.target = d.ms
  } else {
    // A business-day target as business ms from the start: the calendar's "same time, n working days later".
    const cal = plan.calendars[c.cal]!
    const due = cal.addBusinessDaysMs(c.start, d.days)
    c.kind = 1
    c.amount = d.days
    c.target = cal.businessMsBetween(c.start, due)
    // Running from the start with nothing behind it, the clock is due at that (open) moment:
    // the next open moment after the target's business time from the start.
    if (c.runFrom === c.start && c.runs === null) c.runDue = due
  }
}

/** Moves the due time of a due-from-event clock; a due time already passed stays missed. */
export function setDue(plan: SlaPlan, c: ClockRecord, due: number, t: number): void {
  if (c.due !== null && t > c.due && c.missed === null) c.missed = c.due
  c.due = due
  c.amount = due
  c.target = due > c.start ? plan.calendars[c.cal]!.businessMsBetween(c.start, due) : 0
}

/** Closes the span open at `t` (running or paused), keeping its business time. */
export function closeSpan(plan: SlaPlan, c: ClockRecord, t: number): void {
  if (c.runFrom !== null) {
    c.runs = push(plan, c.runs, c.runFrom, t, c.cal)
    c.runFrom = null
    c.runDue = null
  } else if (c.pauseFrom !== null) {
    c.pauses = push(plan, c.pauses, c.pauseFrom, t, c.cal)
    c.pauseFrom = null
  }
}

/** Adds the span `[from, to)` unless it is empty, creating the list when needed. */
function push(
  plan: SlaPlan,
  spans: number[] | null,
  from: number,
  to: number,
  cal: number,
): number[] | null {
  if (to <= from) return spans
  const ms = plan.calendars[cal]!.businessMsBetween(from, to)
  if (spans === null) return [from, to, ms, cal]
  spans.push(from, to, ms, cal)
  return spans
}

/** Makes an open clock run or pause from `t`. */
export function setPaused(plan: SlaPlan, c: ClockRecord, paused: boolean, t: number): void {
  if (paused ? c.pauseFrom !== null : c.runFrom !== null) return
  closeSpan(plan, c, t)
  if (paused) c.pauseFrom = t
  else c.runFrom = t
}

/** Stops (or cancels) a clock at `t`, the time of the event at position `event` of the log. */
export function endClock(
  plan: SlaPlan,
  c: ClockRecord,
  t: number,
  event: number,
  cancelled: boolean,
): void {
  closeSpan(plan, c, t)
  c.end = t
  c.endEvent = event
  c.cancelled = cancelled
}

/** Takes a stopped clock up again at `t` (a reopened case); the time it was stopped counts as paused. */
export function continueClock(plan: SlaPlan, c: ClockRecord, t: number): void {
  c.pauses = push(plan, c.pauses, c.end!, t, c.cal)
  c.end = null
  c.endEvent = -1
  c.pauseFrom = t
}

/**
 * Moves an open clock to another calendar at `t`: `perSegment` keeps each
 * closed span as measured on its own calendar; `last` measures them all again
 * on the new one. A business-day target is recounted on the new calendar.
 */
export function changeCalendar(
  plan: SlaPlan,
  c: ClockRecord,
  cal: number,
  rule: 'perSegment' | 'last',
  t: number,
): void {
  if (cal === c.cal) return
  const running = c.runFrom !== null
  closeSpan(plan, c, t)
  c.cal = cal
  if (rule === 'last') {
    if (c.runs !== null) remeasure(plan.calendars[cal]!, c.runs, cal)
    if (c.pauses !== null) remeasure(plan.calendars[cal]!, c.pauses, cal)
  }
  if (running) c.runFrom = t
  else c.pauseFrom = t
}

function remeasure(cal: BusinessTime, spans: number[], index: number): void {
  for (let i = 0; i < spans.length; i += 4) {
    spans[i + 2] = cal.businessMsBetween(spans[i]!, spans[i + 1]!)
    spans[i + 3] = index
  }
}
