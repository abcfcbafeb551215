import type { StateValue } from 'xstate'
import type { ProcessContext } from './context'
import type { ServiceProcess } from './create-service-process'
import { internalsOf } from './internal/registry'

/** A live snapshot of a {@link ServiceProcess}. */
export type ProcessSnapshot = ReturnType<ServiceProcess['transition']>

/**
 * A moment the runtime must act on, as data to store with the events that
 * caused it (never an in-memory timer, which a restored actor would lose).
 * `autoConfirm` is due when the customer stayed silent after a resolution:
 * dispatch `event` (with `at: dueAt`). `reopenWindowEnd` is when a closed case
 * stops accepting `case.reopened`; nothing needs to be sent then.
 */
export interface ProcessDeadline {
  /** The case it belongs to. */
  caseId: string
  /** What falls due. */
  kind: 'autoConfirm' | 'reopenWindowEnd'
  /** When. */
  dueAt: Date
  /** The event to dispatch when it falls due, if any. */
  event?: { type: 'resolution.confirmed'; auto: true }
}

/** The escalation level a case is at. */
export interface EscalationState {
  /** 0 for the agent, then 1, 2, … up the ladder. */
  level: number
  /** The level's state id (`level0`, `level1`, …). */
  id: string
  /** The role that handles the case at this level. */
  role: string
}

/** Where a case stands in the process, summarised from a snapshot. */
export interface CaseProcessState {
  /** The case's id; `null` before `case.opened`. */
  caseId: string | null
  /** The full XState state value of both regions. */
  value: StateValue
  /** The lifecycle state as a dotted path: `new`, `inProgress.diagnosing`, `waiting.onCustomer`, … */
  lifecycle: string
  /** The top-level lifecycle state: `new`, `inProgress`, `closed`, … */
  stage: string
  /** The escalation level. */
  escalation: EscalationState
  /** Opened and neither closed nor cancelled. */
  open: boolean
  /** What the runtime must schedule. */
  deadlines: ProcessDeadline[]
  /** The process's extended state. */
  context: ProcessContext
}

/** A state value as a dotted path (`{ inProgress: 'diagnosing' }` → `inProgress.diagnosing`). */
export function toStatePath(value: StateValue | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  const [key] = Object.keys(value)
  if (key === undefined) return ''
  const rest = toStatePath(value[key])
  return rest ? `${key}.${rest}` : key
}

/**
 * The deadlines a snapshot exposes for the runtime to schedule.
 *
 * @example
 * ```ts
 * for (const d of getDeadlines(snapshot)) timers.upsert(d.caseId, d.kind, d.dueAt)
 * ```
 */
export function getDeadlines(snapshot: ProcessSnapshot): ProcessDeadline[] {
  const ctx = snapshot.context
  if (ctx.caseId === null) return []
  const deadlines: ProcessDeadline[] = []
  if (ctx.autoConfirmAt !== null && ctx.resolution !== null) {
    deadlines.push({
      caseId: ctx.caseId,
      kind: 'autoConfirm',
      dueAt: new Date(ctx.autoConfirmAt),
      event: { type: 'resolution.confirmed', auto: true },
    })
  }
  if (ctx.reopenUntil !== null) {
    deadlines.push({
      caseId: ctx.caseId,
      kind: 'reopenWindowEnd',
      dueAt: new Date(ctx.reopenUntil),
    })
  }
  return deadlines
}

/**
 * Summarises a snapshot: the lifecycle state as a path, the escalation level,
 * and the deadlines to schedule.
 *
 * @example
 * ```ts
 * toCaseState(snapshot).lifecycle // 'inProgress.diagnosing'
 * ```
 */
export function toCaseState(snapshot: ProcessSnapshot): CaseProcessState {
  const value = snapshot.value as Record<string, StateValue>
  const lifecycle = toStatePath(value.lifecycle)
  const { options } = internalsOf(snapshot.machine)
  const level = snapshot.context.level
  const ladder = options.levels[level]
  return {
    caseId: snapshot.context.caseId,
    value: snapshot.value,
    lifecycle,
    stage: lifecycle.split('.')[0]!,
    escalation: { level, id: ladder?.id ?? String(value.escalation), role: ladder?.role ?? '' },
    open: snapshot.context.open,
    deadlines: getDeadlines(snapshot),
    context: snapshot.context,
  }
}
