import type { CaseEvent, CaseEventOf, CaseEventType } from '@servicekit/core'
import type { ProcessContext } from '../context'
import type { AuthorityLimit, SolutionKind } from '../options'
import type { ResolvedOptions } from './resolve-options'
import { atOf } from './time'

/** The parameters a guard may take in a transition. */
export interface GuardParams {
  level?: number
  on?: 'customer' | 'thirdParty'
  type?: CaseEventType
  step?: string
  solutionKinds?: readonly SolutionKind[]
}

/**
 * A named guard. `contextOk` is false when the guard fails whatever the
 * event's payload (it decides which events a state "accepts"); `explain` says
 * why `check` failed, for rejections.
 */
export interface GuardDef {
  contextOk(ctx: ProcessContext): boolean
  check(ctx: ProcessContext, event: CaseEvent, params: GuardParams): boolean
  explain(ctx: ProcessContext, event: CaseEvent, params: GuardParams): string
}

/** Names of the guards the standard machine uses. */
export type GuardName =
  | 'notOpened'
  | 'isOpen'
  | 'canTriage'
  | 'canResolve'
  | 'withinAuthority'
  | 'isProposed'
  | 'canConfirm'
  | 'withinReopenWindow'
  | 'waitingOn'
  | 'escalatesTo'
  | 'deescalatesTo'
  | 'stepTrigger'

const notOpenMessage = (ctx: ProcessContext) =>
  ctx.caseId === null
    ? 'the case has not been opened (no case.opened event yet)'
    : 'the case is closed or cancelled'

/** Why a proposed solution is beyond `limit`, or `null` when it is within. */
export function authorityProblem(
  limit: AuthorityLimit | undefined,
  s: { kind: SolutionKind; amount?: number | null; currency?: string | null },
): string | null {
  if (limit === undefined) return null
  if (limit.kinds !== undefined && !limit.kinds.includes(s.kind)) return `a ${s.kind} solution`
  if (limit.maxAmount !== undefined && s.amount !== undefined && s.amount !== null) {
    if (limit.currency !== undefined && s.currency && s.currency !== limit.currency) {
      return `an amount in ${s.currency} (the limit is in ${limit.currency})`
    }
    if (s.amount > limit.maxAmount) {
      const unit = limit.currency ?? s.currency ?? ''
      return `an amount of ${s.amount}${unit ? ` ${unit}` : ''} (the limit is ${limit.maxAmount})`
    }
  }
  return null
}

/** The level a `case.escalated` event reaches from `current`. */
export function escalationTarget(
  options: ResolvedOptions,
  current: number,
  e: CaseEventOf<'case.escalated'>,
): number {
  if (e.level !== undefined) return e.level
  if (e.to !== undefined) {
    const byRole = options.levels.findIndex((l) => l.role === e.to)
    if (byRole >= 0) return byRole
  }
  return current + 1
}

/** The level a `case.deescalated` event returns to from `current`. */
export function deescalationTarget(current: number, e: CaseEventOf<'case.deescalated'>): number {
  return e.level ?? current - 1
}

function missing(ctx: ProcessContext, required: readonly string[]): string[] {
  return required.filter((f) => !ctx.fields.includes(f))
}

function triageMissing(o: ResolvedOptions, ctx: ProcessContext, e: CaseEvent): string[] {
  const byCategory = o.triageByCategory[(e as CaseEventOf<'case.triaged'>).category] ?? []
  return missing(ctx, byCategory.length ? [...o.triageFields, ...byCategory] : o.triageFields)
}

function resolveMissing(o: ResolvedOptions, e: CaseEvent): string[] {
  const r = e as CaseEventOf<'case.resolved'>
  return o.resolveFields.filter((f) =>
    f === 'resolution' ? !r.resolution?.trim() : r.code === undefined,
  )
}

function solutionOf(ctx: ProcessContext, e: CaseEvent) {
  if (e.type === 'solution.proposed')
    return { kind: e.kind, amount: e.amount, currency: e.currency }
  return ctx.solutions[(e as CaseEventOf<'solution.accepted'>).solutionId]
}

/** The guard the standard transitions of an event type use, for added steps to apply too. */
export function standardGuardOf(type: CaseEventType): GuardName {
  switch (type) {
    case 'case.triaged':
      return 'canTriage'
    case 'case.resolved':
      return 'canResolve'
    case 'solution.proposed':
      return 'withinAuthority'
    case 'solution.accepted':
    case 'solution.rejected':
      return 'isProposed'
    default:
      return 'isOpen'
  }
}

const isOpenCtx = (ctx: ProcessContext) => ctx.open

/** Builds the guard table for one set of options. */
export function createGuards(o: ResolvedOptions): Record<GuardName, GuardDef> {
  const levelName = (n: number) => {
    const level = o.levels[n]
    return level ? `${level.id} (${level.role})` : `level ${n}`
  }
  const guards: Record<GuardName, GuardDef> = {
    notOpened: {
      contextOk: (ctx) => ctx.caseId === null,
      check: (ctx) => ctx.caseId === null,
      explain: () => 'the case is already open; case.opened comes once',
    },
    isOpen: {
      contextOk: isOpenCtx,
      check: isOpenCtx,
      explain: notOpenMessage,
    },
    canTriage: {
      contextOk: isOpenCtx,
      check: (ctx, e) => ctx.open && triageMissing(o, ctx, e).length === 0,
      explain: (ctx, e) =>
        ctx.open
          ? `required fields are missing before triage: ${triageMissing(o, ctx, e).join(', ')} (record them with case.opened or case.updated)`
          : notOpenMessage(ctx),
    },
    canResolve: {
      contextOk: isOpenCtx,
      check: (ctx, e) => ctx.open && resolveMissing(o, e).length === 0,
      explain: (ctx, e) =>
        ctx.open
          ? `case.resolved must carry: ${resolveMissing(o, e).join(', ')}`
          : notOpenMessage(ctx),
    },
    withinAuthority: {
      contextOk: isOpenCtx,
      check: (ctx, e) =>
        ctx.open &&
        authorityProblem(o.levels[ctx.level]?.authority, e as CaseEventOf<'solution.proposed'>) ===
          null,
      explain: (ctx, e) => {
        if (!ctx.open) return notOpenMessage(ctx)
        const s = e as CaseEventOf<'solution.proposed'>
        const problem = authorityProblem(o.levels[ctx.level]?.authority, s)
        const able = o.levels.findIndex(
          (l, i) => i > ctx.level && authorityProblem(l.authority, s) === null,
        )
        const next =
          able >= 0 ? `escalate to ${levelName(able)} first` : 'no escalation level may promise it'
        return `${problem} is beyond the authority of ${levelName(ctx.level)}; ${next}`
      },
    },
    isProposed: {
      contextOk: isOpenCtx,
      check: (ctx, e) => ctx.open && solutionOf(ctx, e) !== undefined,
      explain: (ctx, e) =>
        ctx.open
          ? `solution "${(e as CaseEventOf<'solution.accepted'>).solutionId}" was never proposed`
          : notOpenMessage(ctx),
    },
    canConfirm: {
      contextOk: isOpenCtx,
      check: (ctx, e) =>
        ctx.open &&
        (!(e as CaseEventOf<'resolution.confirmed'>).auto ||
          (ctx.autoConfirmAt !== null && atOf(e) >= ctx.autoConfirmAt)),
      explain: (ctx) => {
        if (!ctx.open) return notOpenMessage(ctx)
        return ctx.autoConfirmAt === null
          ? 'automatic confirmation is not configured'
          : `automatic confirmation is due at ${new Date(ctx.autoConfirmAt).toISOString()}, not before`
      },
    },
    withinReopenWindow: {
      contextOk: (ctx) => ctx.closedAt !== null,
      check: (ctx, e) =>
        ctx.closedAt !== null && (ctx.reopenUntil === null || atOf(e) < ctx.reopenUntil),
      explain: (ctx) =>
        ctx.closedAt === null || ctx.reopenUntil === null
          ? 'the case is not closed'
          : `the reopen window ended at ${new Date(ctx.reopenUntil).toISOString()}; open a new case`,
    },
    waitingOn: {
      contextOk: isOpenCtx,
      check: (ctx, e, p) => ctx.open && (e as CaseEventOf<'case.waiting'>).on === p.on,
      explain: notOpenMessage,
    },
    escalatesTo: {
      contextOk: isOpenCtx,
      check: (ctx, e, p) =>
        ctx.open && escalationTarget(o, ctx.level, e as CaseEventOf<'case.escalated'>) === p.level,
      explain: (ctx, e) => {
        if (!ctx.open) return notOpenMessage(ctx)
        const target = escalationTarget(o, ctx.level, e as CaseEventOf<'case.escalated'>)
        if (target >= o.levels.length) {
          return `there is no level ${target}; the ladder ends at ${levelName(o.levels.length - 1)}`
        }
        return `the case is already at ${levelName(ctx.level)}; case.escalated must raise the level (case.deescalated lowers it)`
      },
    },
    deescalatesTo: {
      contextOk: (ctx) => ctx.open && ctx.level > 0,
      check: (ctx, e, p) =>
        ctx.open && deescalationTarget(ctx.level, e as CaseEventOf<'case.deescalated'>) === p.level,
      explain: (ctx, e) =>
        ctx.open
          ? `level ${deescalationTarget(ctx.level, e as CaseEventOf<'case.deescalated'>)} is not below ${levelName(ctx.level)}`
          : notOpenMessage(ctx),
    },
    stepTrigger: {
      contextOk: isOpenCtx,
      check: (ctx, e, p) => {
        if (!guards[standardGuardOf(e.type)].check(ctx, e, p)) return false
        if (p.step !== undefined && (e as CaseEventOf<'execution.step'>).step !== p.step) {
          return false
        }
        if (p.solutionKinds !== undefined) {
          const kind = solutionOf(ctx, e)?.kind
          return kind !== undefined && p.solutionKinds.includes(kind)
        }
        return true
      },
      explain: (ctx, e, p) => {
        const standard = guards[standardGuardOf(e.type)]
        if (!standard.check(ctx, e, p)) return standard.explain(ctx, e, p)
        const wanted = [
          p.step === undefined ? '' : `step "${p.step}"`,
          p.solutionKinds === undefined ? '' : `a ${p.solutionKinds.join('/')} solution`,
        ].filter(Boolean)
        return `this step moves on only for ${e.type} with ${wanted.join(' and ')}`
      },
    },
  }
  return guards
}
