import {
  createPercentileAccumulator,
  createReopenRateAccumulator,
  type PercentileAccumulator,
} from '@servicekit/metrics'
import type {
  AgreementSummary,
  AttainmentChange,
  AttainmentCounts,
  BacklogPoint,
  ComparisonSummary,
  CountRow,
  HistogramBin,
  PathRow,
  ReplayIssue,
  ReplaySummary,
  SlaReport,
} from '../replay-summary'
import type { CaseOutcome } from './analyze-case'
import { SlaTally } from './sla-tally'

const HOUR = 3_600_000
const bins: [string, number, number | null][] = [
  ['< 1 h', 0, 1],
  ['1–4 h', 1, 4],
  ['4–8 h', 4, 8],
  ['8–24 h', 8, 24],
  ['1–3 d', 24, 72],
  ['3–7 d', 72, 168],
  ['1–2 wk', 168, 336],
  ['2–4 wk', 336, 672],
  ['≥ 4 wk', 672, null],
]
const MAX_ISSUES = 200
const MAX_DIFFS = 500

/** What the summary says about its inputs, besides what the cases give. */
export interface SummaryMeta {
  log: string
  mapping: string
  policy: { id: string; version: string; file: string }
  comparePolicy?: { id: string; version: string; file: string }
  timeZone: string
  escalationLevels: { level: number; id: string; label: string }[]
  priorityLevels: string[]
  /** When the SLA clocks are read, as the summary says it. */
  readAt: string
}

/**
 * Folds case outcomes into a {@link ReplaySummary} in constant memory per
 * case: counters, maps keyed by paths, days and priorities (which grow with
 * the variety of the log, not its length), and the metrics package's
 * streaming accumulators.
 */
export class ReplayTally {
  rows = 0
  ignoredRows = 0
  cases = 0
  events = 0
  from = Number.POSITIVE_INFINITY
  to = Number.NEGATIVE_INFINITY
  issueTotal = 0
  issueKinds = new Map<string, number>()
  issues: ReplayIssue[] = []
  replayed = 0
  conforming = 0
  rejectedEvents = 0
  paths = new Map<string, { cases: number; example: PathRow['example']; first: string }>()
  rejections = new Map<string, number>()
  stages = new Map<string, number>()
  priorities = new Map<string, number>()
  teams = new Map<string, number>()
  checks = { priority: new Map<string, number>(), team: new Map<string, number>() }
  resolved = 0
  ttr: PercentileAccumulator = createPercentileAccumulator()
  histogram = bins.map(() => 0)
  reopen = createReopenRateAccumulator()
  days = new Map<string, [number, number]>()
  escalations = new Map<string, number>()
  policyEscalations = new Map<string, number>()
  sla: SlaTally
  slaB: SlaTally
  changed = 0
  priorityMoves = new Map<string, number>()
  teamMoves = new Map<string, number>()
  diffs: ComparisonSummary['cases'] = []
  private readonly dayOf: (t: number) => string

  constructor(readonly meta: SummaryMeta) {
    this.dayOf = createDayKey(meta.timeZone)
    this.sla = new SlaTally(meta.timeZone, meta.readAt)
    this.slaB = new SlaTally(meta.timeZone, meta.readAt)
  }

  /** Adds SLA counts a worker thread made of its batch's clocks (the outcomes then carry none). */
  addSla(a: SlaReport, b: SlaReport | undefined): void {
    this.sla.merge(a)
    if (b) this.slaB.merge(b)
  }

  /** Counts a row that never became part of a case (a malformed one). */
  addIssue(issue: ReplayIssue): void {
    this.issueTotal++
    bump(this.issueKinds, issue.kind)
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue)
  }

  add(o: CaseOutcome): void {
    this.cases++
    this.rows += o.rows
    this.ignoredRows += o.ignoredRows
    this.events += o.events
    for (const issue of o.issues) this.addIssue(issue)
    for (const [key, n] of o.checks.priority) bump(this.checks.priority, key, n)
    for (const [key, n] of o.checks.team) bump(this.checks.team, key, n)
    if (o.compare) {
      this.addComparison(o)
      this.slaB.add(o.compare.clocks)
    }
    if (!o.replayed) return
    this.sla.add(o.clocks)
    bump(this.policyEscalations, String(o.policyEscalation))
    this.replayed++
    this.from = Math.min(this.from, o.openedAt)
    this.to = Math.max(this.to, o.closedAt ?? o.resolvedAt ?? o.openedAt)
    bump(this.stages, o.finalStage)
    if (o.priority !== undefined) bump(this.priorities, o.priority)
    if (o.team !== undefined) bump(this.teams, o.team)
    if (o.conforming) this.conforming++
    else {
      this.rejectedEvents += o.rejections.length
      const first = o.rejections[0]!
      const path = this.paths.get(o.statusPath)
      if (path) path.cases++
      else
        this.paths.set(o.statusPath, {
          cases: 1,
          first: first.key,
          example: { caseId: o.caseId, line: first.line, message: first.message },
        })
      for (const key of new Set(o.rejections.map((r) => r.key))) bump(this.rejections, key)
    }
    if (o.resolvedAt !== null) {
      this.resolved++
      const hours = Math.max(0, o.resolvedAt - o.openedAt) / HOUR
      this.ttr.add(hours)
      this.histogram[
        bins.findIndex(([, from, to]) => hours >= from && (to === null || hours < to))
      ]!++
      this.reopen.add(o.reopened)
    }
    const opened = this.dayOf(o.openedAt)
    this.day(opened)[0]++
    if (o.closedAt !== null) this.day(this.dayOf(o.closedAt))[1]++
    bump(this.escalations, String(o.escalationLevel))
  }

  private addComparison(o: CaseOutcome): void {
    const a = { priority: o.priority ?? '—', team: o.team ?? '—', breached: o.breached }
    const b = {
      priority: o.compare!.priority ?? '—',
      team: o.compare!.team ?? '—',
      breached: o.compare!.breached,
    }
    if (a.priority === b.priority && a.team === b.team && a.breached === b.breached) return
    this.changed++
    if (a.priority !== b.priority) bump(this.priorityMoves, `${a.priority} → ${b.priority}`)
    if (a.team !== b.team) bump(this.teamMoves, `${a.team} → ${b.team}`)
    if (this.diffs.length < MAX_DIFFS)
      this.diffs.push({
        caseId: o.caseId,
        line: o.firstLine,
        priority: [a.priority, b.priority],
        team: [a.team, b.team],
        breached: [a.breached, b.breached],
      })
  }

  private day(key: string): [number, number] {
    let d = this.days.get(key)
    if (!d) {
      d = [0, 0]
      this.days.set(key, d)
    }
    return d
  }

  /** The summary; `rowsRead` counts every data row, the ones no case kept included. */
  result(rowsRead: number): ReplaySummary {
    const ttr = this.ttr.result()
    const summary: ReplaySummary = {
      format: 'servicekit-replay-summary/1',
      input: {
        log: this.meta.log,
        mapping: this.meta.mapping,
        policy: this.meta.policy,
        rows: rowsRead,
        ignoredRows: this.ignoredRows,
        cases: this.cases,
        events: this.events,
        from: Number.isFinite(this.from) ? new Date(this.from).toISOString() : null,
        to: Number.isFinite(this.to) ? new Date(this.to).toISOString() : null,
        timeZone: this.meta.timeZone,
      },
      issues: {
        total: this.issueTotal,
        byKind: sortedRecord(this.issueKinds),
        first: [...this.issues].sort((x, y) => x.line - y.line),
      },
      conformance: {
        cases: this.replayed,
        conforming: this.conforming,
        rate: this.replayed === 0 ? null : this.conforming / this.replayed,
        rejectedEvents: this.rejectedEvents,
        topPaths: [...this.paths]
          .sort((x, y) => y[1].cases - x[1].cases || (x[0] < y[0] ? -1 : 1))
          .slice(0, 20)
          .map(([path, p]) => ({
            path,
            cases: p.cases,
            firstRejection: p.first,
            example: p.example,
          })),
        topRejections: top(this.rejections, 20),
        finalStages: sortedRecord(this.stages),
      },
      policy: {
        priorityLevels: this.meta.priorityLevels,
        escalationLevels: this.meta.escalationLevels,
        priorities: sortedRecord(this.priorities),
        teams: sortedRecord(this.teams),
        observed: {},
      },
      metrics: {
        resolved: this.resolved,
        timeToResolve: {
          n: ttr.n,
          p50: ttr.n === 0 ? null : round(this.ttr.percentile(50).value),
          p90: ttr.n === 0 ? null : round(this.ttr.percentile(90).value),
          p95: ttr.n === 0 ? null : round(this.ttr.percentile(95).value),
          histogram: bins.map(
            ([label, fromHours, toHours], i): HistogramBin => ({
              label,
              fromHours,
              toHours,
              cases: this.histogram[i]!,
            }),
          ),
        },
        reopenRate: this.reopen.result(),
        backlog: backlogOf(this.days),
        escalations: sortedRecord(this.escalations),
        policyEscalations: sortedRecord(this.policyEscalations),
      },
      sla: this.sla.result(),
    }
    if (this.checks.priority.size > 0)
      summary.policy.observed.priority = agreement(this.checks.priority)
    if (this.checks.team.size > 0) summary.policy.observed.team = agreement(this.checks.team)
    if (this.meta.comparePolicy) {
      const slaB = this.slaB.result()
      summary.compare = {
        policy: this.meta.comparePolicy,
        changedCases: this.changed,
        priorityChanges: top(this.priorityMoves, 50),
        teamChanges: top(this.teamMoves, 50),
        cases: this.diffs,
        sla: slaB,
        attainment: {
          overall: change('overall', summary.sla.overall, slaB.overall),
          byPriority: changes(summary.sla.byPriority, slaB.byPriority),
          byTeam: changes(summary.sla.byTeam, slaB.byTeam),
        },
      }
    }
    return summary
  }
}

function change(
  key: string,
  a: AttainmentCounts | undefined,
  b: AttainmentCounts | undefined,
): AttainmentChange {
  const x = a?.attainment ?? null
  const y = b?.attainment ?? null
  return {
    key,
    a: x,
    b: y,
    delta: x === null || y === null ? null : Math.round((y - x) * 10_000) / 100,
    decided: [(a?.achieved ?? 0) + (a?.breached ?? 0), (b?.achieved ?? 0) + (b?.breached ?? 0)],
  }
}

/** Attainment changes for every key under either policy, the largest moves first. */
function changes(
  a: Record<string, AttainmentCounts>,
  b: Record<string, AttainmentCounts>,
): AttainmentChange[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .map((key) => change(key, a[key], b[key]))
    .sort((x, y) => Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0) || (x.key < y.key ? -1 : 1))
}

function bump(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n)
}

function top(map: Map<string, number>, n: number): CountRow[] {
  return [...map]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([key, cases]) => ({ key, cases }))
}

function sortedRecord(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
}

function agreement(checks: Map<string, number>): AgreementSummary {
  let rows = 0
  for (const n of checks.values()) rows += n
  const agree = checks.get('=') ?? 0
  const mismatches = [...checks]
    .filter(([key]) => key !== '=')
    .map(([key, n]) => {
      const [observed, decided] = key.split('\u0000') as [string, string]
      return { observed, decided, rows: n }
    })
    .sort((a, b) => b.rows - a.rows)
  return { rows, agree, rate: rows === 0 ? null : agree / rows, mismatches }
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100)

/** Every day from the first to the last, with the cases open at its end. */
function backlogOf(days: Map<string, [number, number]>): BacklogPoint[] {
  const keys = [...days.keys()].sort()
  if (keys.length === 0) return []
  const out: BacklogPoint[] = []
  let open = 0
  const end = Date.parse(`${keys.at(-1)}T00:00:00Z`)
  for (let t = Date.parse(`${keys[0]}T00:00:00Z`); t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10)
    const [opened, closed] = days.get(date) ?? [0, 0]
    open += opened - closed
    out.push({ date, opened, closed, open })
  }
  return out
}

/** `YYYY-MM-DD` of an instant in a time zone. */
function createDayKey(timeZone: string): (t: number) => string {
  if (timeZone === 'UTC') return (t) => new Date(t).toISOString().slice(0, 10)
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  return (t) => format.format(t)
}
