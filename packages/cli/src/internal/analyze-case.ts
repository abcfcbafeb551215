import { isServiceKitError } from '@servicekit/core'
import type { Policy, PolicyEngine } from '@servicekit/policy'
import { replayCase, type ServiceProcess } from '@servicekit/process'
import { computeSla, type SlaClock } from '@servicekit/sla'
import type { BuiltCase, Issue } from './build-case'

/** A policy as the per-case work uses it: parsed, with its engine. */
export interface PolicySide {
  policy: Policy
  engine: PolicyEngine
}

/** A refused event of a case, as the report counts it. */
export interface RejectionOutcome {
  /** `case.resolved in triaged`, with the guard when one refused it: `case.resolved in assigned (canResolve)`. */
  key: string
  line: number
  message: string
}

/**
 * What one case contributes to the summary: small and plain (it crosses from
 * a worker thread to the main one), so the summary can be built without
 * holding any case.
 */
export interface CaseOutcome {
  caseId: string
  firstLine: number
  rows: number
  ignoredRows: number
  events: number
  issues: Issue[]
  /** Whether the case could be replayed (it opened, and its facts were valid). */
  replayed: boolean
  conforming: boolean
  statusPath: string
  rejections: RejectionOutcome[]
  finalStage: string
  openedAt: number
  /** The last resolution's time; `null` when never resolved. */
  resolvedAt: number | null
  /** When it was closed or cancelled, if it was. */
  closedAt: number | null
  reopened: boolean
  /** The highest escalation level the process reached. */
  escalationLevel: number
  priority: string | undefined
  team: string | undefined
  checks: { priority: [string, number][]; team: [string, number][] }
  /**
   * The SLA clocks (of @servicekit/sla), read at `now` or at the case's last
   * event. A worker thread counts them itself and sends none back.
   */
  clocks: SlaClock[]
  /** How many of the clocks are breached. */
  breached: number
  /** The highest level the policy's escalation rules reach on the clocks' warnings and breaches. */
  policyEscalation: number
  /** Under the other policy of a what-if. */
  compare?: {
    priority: string | undefined
    team: string | undefined
    clocks: SlaClock[]
    breached: number
  }
}

/** The clocks of a built case under a policy, or an `invalid-history` issue (the case then has none). */
function clocksOf(
  built: BuiltCase,
  side: PolicySide,
  now: number | undefined,
  issues: Issue[],
): SlaClock[] {
  const last = built.events.at(-1)
  if (!last) return []
  try {
    return computeSla(built.events, side.policy, {
      now: Math.max(now ?? last.at.getTime(), last.at.getTime()),
      facts: built.facts,
    })
  } catch (e) {
    if (!isServiceKitError(e)) throw e
    const index = (e.details as { index?: number }).index
    issues.push({
      line: (index !== undefined && built.lines[index]) || built.firstLine,
      kind: 'invalid-history',
      caseId: built.caseId,
      message: `SLA clocks under ${side.policy.id}: ${e.message}`,
    })
    return []
  }
}

const breachedOf = (clocks: readonly SlaClock[]) =>
  clocks.filter((c) => c.breachedAt !== null).length

/** The highest escalation level the policy's rules reach on the clocks' fired warnings and breaches. */
function escalationOf(built: BuiltCase, side: PolicySide, clocks: readonly SlaClock[]): number {
  if (side.policy.escalation.rules.length === 0 || built.finalFacts === undefined) return 0
  let level = 0
  const fire = (event: NonNullable<Parameters<PolicyEngine['decide']>[1]>) => {
    for (const rule of side.engine.decide(built.finalFacts, event).escalations)
      for (const a of rule.actions) if (a.type === 'escalate') level = Math.max(level, a.level)
  }
  for (const c of clocks) {
    for (const w of c.warnings)
      if (w.fired)
        fire({
          event: {
            type: 'sla.warning',
            metric: c.metric,
            threshold: w.threshold,
            policy: c.policyId,
          },
        })
    if (c.breachedAt !== null)
      fire({ event: { type: 'sla.breached', metric: c.metric, policy: c.policyId } })
  }
  return level
}

/** Runs a built case through the process, the SLA clocks and the policy's escalations, and sums it up. */
export function analyzeCase(
  built: BuiltCase,
  process: ServiceProcess,
  side: PolicySide,
  now: number | undefined,
  other?: { built: BuiltCase; side: PolicySide },
): CaseOutcome {
  const outcome: CaseOutcome = {
    caseId: built.caseId,
    firstLine: built.firstLine,
    rows: built.rows,
    ignoredRows: built.ignoredRows,
    events: built.events.length,
    issues: other
      ? [...built.issues, ...other.built.issues.filter((i) => i.kind === 'invalid-facts')]
      : built.issues,
    replayed: built.events.length > 0,
    conforming: false,
    statusPath: built.statusPath.join(' → '),
    rejections: [],
    finalStage: '',
    openedAt: built.events[0] ? built.events[0].at.getTime() : Number.NaN,
    resolvedAt: null,
    closedAt: null,
    reopened: false,
    escalationLevel: 0,
    priority: built.decision?.priority,
    team: built.decision?.team,
    checks: { priority: [...built.checks.priority], team: [...built.checks.team] },
    clocks: [],
    breached: 0,
    policyEscalation: 0,
  }
  if (other) {
    const clocks = clocksOf(other.built, other.side, now, outcome.issues)
    outcome.compare = {
      priority: other.built.decision?.priority,
      team: other.built.decision?.team,
      clocks,
      breached: breachedOf(clocks),
    }
  }
  if (!outcome.replayed) return outcome
  outcome.clocks = clocksOf(built, side, now, outcome.issues)
  outcome.breached = breachedOf(outcome.clocks)
  outcome.policyEscalation = escalationOf(built, side, outcome.clocks)

  const { state, rejected } = replayCase(built.events, { process })
  outcome.conforming = rejected.length === 0
  outcome.finalStage = state.stage
  const refused = new Set<number>()
  for (const r of rejected) {
    const index = r.index ?? 0
    refused.add(index)
    outcome.rejections.push({
      key: `${r.type} in ${r.state}${r.guard ? ` (${r.guard})` : ''}`,
      line: built.lines[index] ?? built.firstLine,
      message: r.message,
    })
  }
  let level = 0
  built.events.forEach((e, i) => {
    const t = e.at.getTime()
    switch (e.type) {
      case 'case.resolved':
        outcome.resolvedAt = t
        break
      case 'case.closed':
      case 'case.cancelled':
        outcome.closedAt = t
        break
      case 'case.reopened':
      case 'resolution.rejected':
        outcome.reopened = true
        break
      case 'case.escalated':
        if (!refused.has(i)) level = Math.max(level, levelAfter(built, i, level))
        break
    }
  })
  outcome.escalationLevel = Math.max(level, state.escalation.level)
  // A case that is open at the end of the log was not closed, whatever came before.
  if (state.open) outcome.closedAt = null
  return outcome
}

/** The level an accepted `case.escalated` reached (its `level`, else one up). */
function levelAfter(built: BuiltCase, i: number, current: number): number {
  const e = built.events[i] as { level?: number }
  return e.level ?? current + 1
}
