import { type SlaAttainment, type SlaClock, summarizeSla } from '@servicekit/sla'
import type { AttainmentCounts, SlaReport } from '../replay-summary'

// The counts as this tally adds them up (the report's are read-only).
type Counts = { -readonly [K in keyof AttainmentCounts]: AttainmentCounts[K] }
type Tallies = Record<string, Counts>

const zero = (): Counts => ({
  achieved: 0,
  breached: 0,
  running: 0,
  paused: 0,
  cancelled: 0,
  total: 0,
  attainment: null,
  atRisk: 0,
})

function add(into: Counts, a: SlaAttainment): void {
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

function addAll(into: Tallies, from: Readonly<Record<string, SlaAttainment>>): void {
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
  private readonly report: {
    overall: Counts
    byMetric: Tallies
    byPriority: Tallies
    byTeam: Tallies
    byMonth: Tallies
    byPriorityMonth: Record<string, Tallies>
  } = {
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
  merge(other: Omit<SlaReport, 'readAt'>): void {
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
    const byPriorityMonth: Record<string, Readonly<Record<string, SlaAttainment>>> = {}
    for (const priority of Object.keys(s.byPriority))
      byPriorityMonth[priority] = summarizeSla(
        this.pending.filter((c) => c.priority === priority),
        options,
      ).byMonth
    this.merge({ ...s, byPriorityMonth })
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
