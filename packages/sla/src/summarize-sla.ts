import { ServiceKitError } from '@servicekit/core'
import type { SlaClock } from './sla-clock'

/** Counts of clocks by status, and the attainment they give. */
export interface SlaAttainment {
  /** Clocks stopped within their target. */
  readonly achieved: number
  /** Clocks that missed their target (stopped late, or still counting past it). */
  readonly breached: number
  /** Clocks counting, within their target. */
  readonly running: number
  /** Clocks paused, within their target. */
  readonly paused: number
  /** Clocks cancelled: counted in neither attainment term. */
  readonly cancelled: number
  /** All clocks. */
  readonly total: number
  /** `achieved / (achieved + breached)`, from 0 to 1; `null` when both are 0. */
  readonly attainment: number | null
  /** Open clocks (running or paused) within their target that have used `atRiskPercent` of it. */
  readonly atRisk: number
}

/** SLA attainment overall and by metric, priority, team and month. */
export interface SlaSummary {
  readonly overall: SlaAttainment
  readonly byMetric: Readonly<Record<string, SlaAttainment>>
  readonly byPriority: Readonly<Record<string, SlaAttainment>>
  readonly byTeam: Readonly<Record<string, SlaAttainment>>
  /** By the month the clock started (`YYYY-MM` in `timeZone`): a month's figures settle once its clocks stop. */
  readonly byMonth: Readonly<Record<string, SlaAttainment>>
  /** The open clocks at risk, the least time remaining first. */
  readonly atRisk: readonly SlaClock[]
}

/** Options of {@link summarizeSla}. */
export interface SummarizeSlaOptions {
  /** An open clock is at risk once it has used this percentage of its target (default 75). */
  atRiskPercent?: number
  /** The IANA time zone months are counted in (default `UTC`). */
  timeZone?: string
}

interface Tally {
  achieved: number
  breached: number
  running: number
  paused: number
  cancelled: number
  total: number
  atRisk: number
}

/**
 * Summarizes clocks (of any number of cases) into SLA attainment, `achieved /
 * (achieved + breached)`, overall and per metric, priority, team and month,
 * with the counts behind it and the open clocks at risk. For a cross-table,
 * filter the clocks first (`summarizeSla(clocks.filter((c) => c.metric === 'firstResponse')).byMonth`).
 *
 * @throws ServiceKitError `SLA_OPTIONS_INVALID` for a percentage outside (0, 100] or an unknown time zone.
 * @example
 * ```ts
 * const s = summarizeSla(cases.flatMap((h) => computeSla(h, policy, { now })))
 * s.byMetric.firstResponse.attainment // 0.93
 * ```
 */
export function summarizeSla(
  clocks: readonly SlaClock[],
  options: SummarizeSlaOptions = {},
): SlaSummary {
  const percent = options.atRiskPercent ?? 75
  if (!(percent > 0 && percent <= 100))
    throw new ServiceKitError(
      'SLA_OPTIONS_INVALID',
      `atRiskPercent must be above 0 and at most 100, not ${percent}`,
      { details: { option: 'atRiskPercent', value: percent } },
    )
  const monthOf = monthFormatter(options.timeZone ?? 'UTC')
  const overall = tally()
  const groups = { byMetric: {}, byPriority: {}, byTeam: {}, byMonth: {} } as Record<
    'byMetric' | 'byPriority' | 'byTeam' | 'byMonth',
    Record<string, Tally>
  >
  const atRisk: SlaClock[] = []
  for (const c of clocks) {
    const risky =
      (c.status === 'running' || c.status === 'paused') && c.elapsedMs * 100 >= percent * c.targetMs
    if (risky) atRisk.push(c)
    count(overall, c, risky)
    count(groupOf(groups.byMetric, c.metric), c, risky)
    count(groupOf(groups.byPriority, c.priority), c, risky)
    count(groupOf(groups.byTeam, c.team), c, risky)
    count(groupOf(groups.byMonth, monthOf(c.startedAt)), c, risky)
  }
  const done = (g: Record<string, Tally>) =>
    Object.fromEntries(
      Object.keys(g)
        .sort()
        .map((k) => [k, finish(g[k]!)]),
    )
  return {
    overall: finish(overall),
    byMetric: done(groups.byMetric),
    byPriority: done(groups.byPriority),
    byTeam: done(groups.byTeam),
    byMonth: done(groups.byMonth),
    atRisk: atRisk.sort((a, b) => a.remainingMs - b.remainingMs),
  }
}

const tally = (): Tally => ({
  achieved: 0,
  breached: 0,
  running: 0,
  paused: 0,
  cancelled: 0,
  total: 0,
  atRisk: 0,
})

function groupOf(groups: Record<string, Tally>, key: string): Tally {
  let t = groups[key]
  if (!t) {
    t = tally()
    groups[key] = t
  }
  return t
}

function count(t: Tally, c: SlaClock, risky: boolean): void {
  t[c.status]++
  t.total++
  if (risky) t.atRisk++
}

function finish(t: Tally): SlaAttainment {
  const decided = t.achieved + t.breached
  return { ...t, attainment: decided === 0 ? null : t.achieved / decided }
}

function monthFormatter(timeZone: string): (d: Date) => string {
  if (timeZone === 'UTC')
    return (d) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
  } catch (cause) {
    throw new ServiceKitError(
      'SLA_OPTIONS_INVALID',
      `Unknown time zone ${JSON.stringify(timeZone)}`,
      {
        details: { option: 'timeZone', value: timeZone },
        cause,
      },
    )
  }
  return (d) => format.format(d).slice(0, 7)
}
