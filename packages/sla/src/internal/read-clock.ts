import type { CaseEvent } from '@servicekit/core'
import type { SlaClock, SlaClockStatus, SlaWarningState } from '../sla-clock'
import type { ClockRecord } from '../sla-state'
import type { SlaPlan } from './plan'

/**
 * The `Date` of the event at `position` of the log when it is one and shows
 * `ms` (the caller's own object, not a copy), else a new one.
 */
function eventDate(log: readonly CaseEvent[], position: number, ms: number): Date {
  const at = log[position]?.at
  return at instanceof Date && at.getTime() === ms ? at : new Date(ms)
}

/** The public view of one clock at `now`. */
export function readClock(
  plan: SlaPlan,
  caseId: string,
  log: readonly CaseEvent[],
  c: ClockRecord,
  now: number,
): SlaClock {
  const o = plan.objectives[c.o]!
  const cal = plan.calendars[c.cal]!
  const closed = spanMs(c.runs)
  let paused = spanMs(c.pauses)
  const open = c.end === null
  const running = open && c.runFrom !== null
  let elapsed = closed
  if (running) elapsed += cal.businessMsBetween(c.runFrom!, now)
  else if (open && c.pauseFrom !== null) paused += cal.businessMsBetween(c.pauseFrom, now)
  const target = c.target

  let breachedAt: number | null
  if (c.kind === 2) {
    const end = open ? now : c.end!
    breachedAt = c.missed ?? (end > c.due! ? c.due : null)
  } else breachedAt = elapsed > target ? crossing(plan, c, target, closed, true) : null

  let status: SlaClockStatus
  if (c.cancelled) status = 'cancelled'
  else if (breachedAt !== null) status = 'breached'
  else if (!open) status = 'achieved'
  else status = running ? 'running' : 'paused'

  let dueAt: number | null
  if (c.kind === 2) dueAt = c.due
  else if (breachedAt !== null) dueAt = breachedAt
  else if (running)
    dueAt = c.runDue ?? cal.nextOpenMs(cal.addBusinessMs(c.runFrom!, target - closed))
  else if (open) dueAt = null
  else dueAt = cal.nextOpenMs(cal.addBusinessMs(c.end!, target - elapsed))

  const warns = o.warns
  const warnings: SlaWarningState[] = new Array(warns.length)
  for (let i = 0; i < warns.length; i++) {
    const w = warns[i]!
    const threshold =
      w.percent >= 0 ? Math.round((target * w.percent) / 100) : Math.max(0, target - w.before)
    let at: number | null = null
    if (elapsed >= threshold) at = crossing(plan, c, threshold, closed, false)
    else if (running) at = cal.addBusinessMs(c.runFrom!, threshold - closed)
    warnings[i] = {
      threshold: w.threshold,
      at: at === null ? null : new Date(at),
      fired: at !== null && at <= now,
    }
  }

  // One Date per instant: the events' own for the start and stop, the due time's for the breach.
  const due = dueAt === null ? null : new Date(dueAt)
  return {
    caseId,
    metric: o.metric.name,
    instance: c.n,
    policyId: o.policyId,
    status,
    priority: c.priority,
    team: c.team,
    startedAt: eventDate(log, c.startEvent, c.start),
    targetMs: target,
    dueAt: due,
    stoppedAt: c.end === null ? null : eventDate(log, c.endEvent, c.end),
    elapsedMs: elapsed,
    pausedMs: paused,
    remainingMs: target - elapsed,
    breachedAt: breachedAt === null ? null : breachedAt === dueAt ? due : new Date(breachedAt),
    warnings,
    calendar: plan.calendarNames[c.cal]!,
  }
}

/** The business time held by a list of `[from, to, ms, calendar]` spans (none: 0). */
function spanMs(spans: readonly number[] | null): number {
  let ms = 0
  if (spans !== null) for (let i = 2; i < spans.length; i += 4) ms += spans[i]!
  return ms
}

/**
 * The moment the clock's elapsed time reached `threshold` (or, with
 * `exceed`, the last moment before it passed it: the next open moment after
 * reaching it), walking its closed spans, then the open one.
 */
function crossing(
  plan: SlaPlan,
  c: ClockRecord,
  threshold: number,
  closed: number,
  exceed: boolean,
): number {
  let sum = 0
  const runs = c.runs ?? []
  for (let i = 0; i < runs.length; i += 4) {
    const ms = runs[i + 2]!
    if (exceed ? sum + ms > threshold : sum + ms >= threshold) {
      const cal = plan.calendars[runs[i + 3]!]!
      const at = cal.addBusinessMs(runs[i]!, threshold - sum)
      return exceed ? cal.nextOpenMs(at) : at
    }
    sum += ms
  }
  // A zero threshold on a clock that never ran: reached at its start.
  if (c.runFrom === null) return c.start
  // In the span still running (the caller knows the threshold lies in it).
  const cal = plan.calendars[c.cal]!
  const at = cal.addBusinessMs(c.runFrom!, threshold - closed)
  return exceed ? cal.nextOpenMs(at) : at
}
