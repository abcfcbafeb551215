import type { SlaClock } from './sla-clock'

/** A moment a runtime must wake up for: a clock's warning or its breach. */
export interface SlaDeadline {
  /** The case. */
  readonly caseId: string
  /** The metric, e.g. `firstResponse`. */
  readonly metric: string
  /** The clock's instance. */
  readonly instance: number
  /** The SLA policy of the clock. */
  readonly policyId: string
  /** `warning`: dispatch `sla.warning`; `breach`: dispatch `sla.breached`. */
  readonly kind: 'warning' | 'breach'
  /** For a warning: the threshold the `sla.warning` event carries; `null` for a breach. */
  readonly threshold: number | string | null
  /** When. */
  readonly at: Date
}

/**
 * The timers a runtime must schedule for these clocks: each warning not yet
 * fired and each breach still ahead, of every running clock, earliest first.
 * A paused clock has none (its deadlines are unknown until it runs again), so
 * compute the clocks again after every event and replace the case's timers.
 *
 * @example
 * ```ts
 * for (const d of nextDeadlines(computeSla(history, policy, { now })))
 *   schedule(d.at, { type: d.kind === 'breach' ? 'sla.breached' : 'sla.warning', ...d })
 * ```
 */
export function nextDeadlines(clocks: readonly SlaClock[]): SlaDeadline[] {
  const out: SlaDeadline[] = []
  for (const c of clocks) {
    if (c.status !== 'running') continue
    const base = { caseId: c.caseId, metric: c.metric, instance: c.instance, policyId: c.policyId }
    for (const w of c.warnings)
      if (w.at !== null && !w.fired)
        out.push({ ...base, kind: 'warning', threshold: w.threshold, at: w.at })
    if (c.dueAt !== null) out.push({ ...base, kind: 'breach', threshold: null, at: c.dueAt })
  }
  return out.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) ||
      (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) ||
      a.instance - b.instance ||
      (a.kind === b.kind ? 0 : a.kind === 'warning' ? -1 : 1),
  )
}
