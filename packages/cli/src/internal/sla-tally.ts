import { type SlaAttainment, type SlaClock, summarizeSla } from '@servicekit/sla'
import type { AttainmentCounts, SlaReport } from '../replay-summary'

const zero = (): AttainmentCounts => ({
  achieved: 0,
  breached: 0,
  running: 0,
  paused: 0,
  cancelled: 0,
  total: 0,
  attainment: null,
  atRisk: 0,
})

function add(into: AttainmentCounts, a: SlaAttainment): void {
  into.achieved += a.achieved
  into.breached += a.breached
  into.running += a.running
  into.paused += a.paused
  into.cancelled += a.cancelled
  into.total += a.total
  into.atRisk += a.atRisk
  const decided = into.achieved + into.breached
  into.attainment = decided === 0 ? null : into.achieved / decided
}

function addAll(
  into: Record<string, AttainmentCounts>,
  from: Readonly<Record<string, SlaAttainment>>,
): void {
  for (const [key, a] of Object.entries(from)) {
    into[key] ??= zero()
    add(into[key], a)
  }
}

const sorted = <T>(r: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/**
 * Attainment over any number of cases in bounded memory: clocks are
 * summarized by `summarizeSla` (of @servicekit/sla) a few thousand at a
 * time, and the counts it returns are added up. Only the counts are added;
 * every clock's status comes from the sla package.
 */
export class SlaTally {
  private pending: SlaClock[] = []
  private readonly report: Omit<SlaReport, 'readAt'> = {
    overall: zero(),
    byMetric: {},
    byPriority: {},
    byTeam: {},
    byMonth: {},
    byPriorityMonth: {},
  }

  constructor(
    private readonly timeZone: string,
    private readonly readAt: string,
  ) {}

  add(clocks: readonly SlaClock[]): void {
    for (const c of clocks) this.pending.push(c)
    if (this.pending.length >= 5000) this.flush()
  }

  /** Adds the counts of another tally's report (a worker thread's batch). */
  merge(other: SlaReport): void {
    const r = this.report
    add(r.overall, other.overall)
    addAll(r.byMetric, other.byMetric)
    addAll(r.byPriority, other.byPriority)
    addAll(r.byTeam, other.byTeam)
    addAll(r.byMonth, other.byMonth)
    for (const [priority, months] of Object.entries(other.byPriorityMonth)) {
      r.byPriorityMonth[priority] ??= {}
      addAll(r.byPriorityMonth[priority], months)
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return
    const options = { timeZone: this.timeZone }
    const s = summarizeSla(this.pending, options)
    const r = this.report
    add(r.overall, s.overall)
    addAll(r.byMetric, s.byMetric)
    addAll(r.byPriority, s.byPriority)
    addAll(r.byTeam, s.byTeam)
    addAll(r.byMonth, s.byMonth)
    for (const priority of Object.keys(s.byPriority)) {
      r.byPriorityMonth[priority] ??= {}
      addAll(
        r.byPriorityMonth[priority],
        summarizeSla(
          this.pending.filter((c) => c.priority === priority),
          options,
        ).byMonth,
      )
    }
    this.pending = []
  }

  result(): SlaReport {
    this.flush()
    const r = this.report
    return {
      readAt: this.readAt,
      overall: { ...r.overall },
      byMetric: sorted(r.byMetric),
      byPriority: sorted(r.byPriority),
      byTeam: sorted(r.byTeam),
      byMonth: sorted(r.byMonth),
      byPriorityMonth: Object.fromEntries(
        Object.entries(sorted(r.byPriorityMonth)).map(([p, m]) => [p, sorted(m)]),
      ),
    }
  }
}
