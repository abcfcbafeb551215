import type { RateResult } from '@servicekit/metrics'
import type { SlaAttainment } from '@servicekit/sla'

/**
 * SLA clocks counted by status: `summarizeSla`'s counts (of @servicekit/sla),
 * added up over every case. Attainment is `achieved / (achieved + breached)`;
 * running and paused clocks are open, cancelled ones count in neither term;
 * `atRisk` counts open clocks past 75% of their target.
 */
export type AttainmentCounts = SlaAttainment

/** SLA attainment over a replay: overall, by metric, priority, team and month, and priority × month. */
export interface SlaReport {
  /** When the clocks were read: `each case's last event`, or the ISO time given with `now`. */
  readAt: string
  overall: AttainmentCounts
  byMetric: Record<string, AttainmentCounts>
  byPriority: Record<string, AttainmentCounts>
  byTeam: Record<string, AttainmentCounts>
  /** By the month (`YYYY-MM`, in the log's time zone) the clock started. */
  byMonth: Record<string, AttainmentCounts>
  /** For each priority, by month. */
  byPriorityMonth: Record<string, Record<string, AttainmentCounts>>
}

/** Attainment under two policies, and the change (in percentage points). */
export interface AttainmentChange {
  key: string
  a: number | null
  b: number | null
  /** `(b − a) × 100`, percentage points; `null` when either is. */
  delta: number | null
  /** Clocks decided (achieved or breached) under each policy. */
  decided: [number, number]
}

/** A count of cases, for one bar of a chart. */
export interface CountRow {
  /** What is counted (a path, a rejection, a priority). */
  key: string
  /** How many cases. */
  cases: number
}

/** One piece of bad input, with its line in the log. */
export interface ReplayIssue {
  /** 1-based line of the log the row ends on. */
  line: number
  /** `malformed-row`, `bad-timestamp`, `unknown-status`, `out-of-order`, `invalid-event`, … */
  kind: string
  /** The case of the row, when known. */
  caseId?: string
  /** What is wrong, in one line. */
  message: string
}

/** A non-conforming path: the statuses a case went through, and how often. */
export interface PathRow {
  /** The statuses entered, in order, e.g. `New → Resolved → Closed`. */
  path: string
  /** How many non-conforming cases took it. */
  cases: number
  /** The event the process refused first on this path (in the first such case). */
  firstRejection: string
  /** That refusal, explained, with its line, for the first case on the path. */
  example: { caseId: string; line: number; message: string }
}

/** Observed values of the log against the policy's decisions, row by row. */
export interface AgreementSummary {
  /** Rows compared (the log had a value). */
  rows: number
  /** Rows where the policy decided what the log records. */
  agree: number
  /** `agree / rows` (0–1); `null` without rows. */
  rate: number | null
  /** The disagreements, most frequent first: the log's value, the policy's, and how many rows. */
  mismatches: { observed: string; decided: string; rows: number }[]
}

/** One bin of a histogram of durations. */
export interface HistogramBin {
  /** A readable range, e.g. `1–3 d`. */
  label: string
  /** Lower bound in hours (inclusive). */
  fromHours: number
  /** Upper bound in hours (exclusive); `null` for the last bin. */
  toHours: number | null
  /** Cases in the bin. */
  cases: number
}

/** Open cases at the end of one day. */
export interface BacklogPoint {
  /** `YYYY-MM-DD` in the log's time zone. */
  date: string
  opened: number
  closed: number
  /** Cases opened and not yet closed at the end of the day. */
  open: number
}

/** The time from opening to the (last) resolution, over the resolved cases. */
export interface TimeToResolveSummary {
  /** Resolved cases. */
  n: number
  /** Percentiles in hours, within 1% (the metrics package's streaming sketch); `null` without cases. */
  p50: number | null
  p90: number | null
  p95: number | null
  histogram: HistogramBin[]
}

/** A what-if: the same history under another policy. */
export interface ComparisonSummary {
  /** The other policy. */
  policy: { id: string; version: string; file: string }
  /** Cases whose priority or team differs. */
  changedCases: number
  /** Priority moves, most frequent first (`moderate → high`). */
  priorityChanges: CountRow[]
  /** Team moves, most frequent first. */
  teamChanges: CountRow[]
  /** The first differing cases, in log order (at most 500), with their breached clocks under each policy. */
  cases: {
    caseId: string
    line: number
    priority: [string, string]
    team: [string, string]
    breached: [number, number]
  }[]
  /** SLA attainment under the other policy. */
  sla: SlaReport
  /** The change in attainment: overall, by priority and by team. */
  attainment: {
    overall: AttainmentChange
    byPriority: AttainmentChange[]
    byTeam: AttainmentChange[]
  }
}

/**
 * Everything a replay found, as numbers: what the HTML report draws and the
 * JSON summary holds. Deterministic: the same log, mapping and policies give
 * the same summary (no timings, no file paths beyond the names given).
 */
export interface ReplaySummary {
  /** The format of this object. */
  format: 'servicekit-replay-summary/1'
  input: {
    /** The log file's name. */
    log: string
    /** The mapping file's name. */
    mapping: string
    policy: { id: string; version: string; file: string }
    /** Data rows read (the header excluded), including the bad ones. */
    rows: number
    /** Rows whose status the mapping ignores. */
    ignoredRows: number
    cases: number
    /** Events written into the cases' logs. */
    events: number
    /** The first and last event, ISO-8601; `null` when there are none. */
    from: string | null
    to: string | null
    /** The time zone the log's times are read in (and days and months are counted in). */
    timeZone: string
  }
  /** Bad input, counted by kind, with the first 200 and their lines. */
  issues: { total: number; byKind: Record<string, number>; first: ReplayIssue[] }
  /** How far the cases follow the standard process. */
  conformance: {
    /** Cases replayed through the process. */
    cases: number
    /** Cases in which the process accepted every event. */
    conforming: number
    /** `conforming / cases` (0–1). */
    rate: number | null
    /** Events the process refused, in all cases. */
    rejectedEvents: number
    /** The most frequent paths of non-conforming cases (at most 20). */
    topPaths: PathRow[]
    /** The most frequent refusals, by event and state, counted in cases (at most 20). */
    topRejections: CountRow[]
    /** Where the cases ended, by lifecycle stage. */
    finalStages: Record<string, number>
  }
  /** What the policy decided, and how it compares with what the log records. */
  policy: {
    /** The policy's priorities, most urgent first. */
    priorityLevels: string[]
    /** The escalation ladder, level 0 (not escalated) first, for labels. */
    escalationLevels: { level: number; id: string; label: string }[]
    priorities: Record<string, number>
    teams: Record<string, number>
    observed: { priority?: AgreementSummary; team?: AgreementSummary }
  }
  metrics: {
    resolved: number
    timeToResolve: TimeToResolveSummary
    /** Resolved cases reopened (rejected resolution or reopen), with a Wilson interval. */
    reopenRate: RateResult
    /** Open cases at the end of each day. */
    backlog: BacklogPoint[]
    /** Cases by the highest escalation level the log reached (`0`: never escalated). */
    escalations: Record<string, number>
    /** Cases by the highest level the policy's escalation rules reach on their SLA warnings and breaches. */
    policyEscalations: Record<string, number>
  }
  /** SLA attainment of the clocks of @servicekit/sla, under the policy. */
  sla: SlaReport
  /** Present with `--compare`. */
  compare?: ComparisonSummary
}
