import type { CaseEvent, CaseEventOf } from '@servicekit/core'
import type { ProcessContext } from '../context'
import type { ResolvedOptions } from './resolve-options'
import { addDuration, atOf } from './time'

/** The parameters an action may take in a transition. */
export interface ActionParams {
  level?: number
}

type Update = (
  ctx: ProcessContext,
  event: CaseEvent,
  params: ActionParams,
) => Partial<ProcessContext>

/** Names of the context updates a transition can make; every one also counts the event. */
export type ActionName =
  | 'record'
  | 'open'
  | 'update'
  | 'triage'
  | 'changePriority'
  | 'changeCategory'
  | 'propose'
  | 'accept'
  | 'resolve'
  | 'restartSilence'
  | 'confirm'
  | 'unresolve'
  | 'close'
  | 'reopen'
  | 'cancel'
  | 'escalate'

/** The value at a dotted path, and whether it counts as recorded. */
function present(root: unknown, path: string): boolean {
  let value: unknown = root
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return false
    value = (value as Record<string, unknown>)[key]
  }
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

/** Builds the context updates for one set of options. */
export function createUpdates(o: ResolvedOptions): Record<ActionName, Update> {
  const fieldsOf = (source: object, keep: (path: string) => boolean) =>
    o.trackedFields.filter((path) => keep(path) || present(source, path)).sort()

  return {
    record: () => ({}),
    open: (_ctx, e) => {
      const c = (e as CaseEventOf<'case.opened'>).case
      return {
        caseId: e.caseId,
        open: true,
        category: c.category,
        priority: c.priority ?? null,
        fields: fieldsOf(c, () => false),
      }
    },
    update: (ctx, e) => {
      const changes = (e as CaseEventOf<'case.updated'>).changes
      // A field named in `changes` takes its new value; the others keep theirs.
      return {
        fields: fieldsOf(
          changes,
          (path) => !(path.split('.')[0]! in changes) && ctx.fields.includes(path),
        ),
      }
    },
    triage: (_ctx, e) => {
      const t = e as CaseEventOf<'case.triaged'>
      return { category: t.category, priority: t.priority }
    },
    changePriority: (_ctx, e) => ({
      priority: (e as CaseEventOf<'priority.changed'>).priority,
    }),
    changeCategory: (_ctx, e) => ({
      category: (e as CaseEventOf<'category.changed'>).category,
    }),
    propose: (ctx, e) => {
      const s = e as CaseEventOf<'solution.proposed'>
      return {
        solutions: {
          ...ctx.solutions,
          [s.solutionId]: { kind: s.kind, amount: s.amount ?? null, currency: s.currency ?? null },
        },
      }
    },
    accept: (_ctx, e) => ({
      acceptedSolution: (e as CaseEventOf<'solution.accepted'>).solutionId,
    }),
    resolve: (_ctx, e) => {
      const r = e as CaseEventOf<'case.resolved'>
      const at = atOf(e)
      return {
        resolution: { eventId: e.id, at, note: !!r.resolution?.trim(), code: r.code ?? null },
        autoConfirmAt: o.autoConfirmAfter === null ? null : addDuration(o, at, o.autoConfirmAfter),
      }
    },
    restartSilence: (_ctx, e) => ({
      autoConfirmAt:
        o.autoConfirmAfter === null ? null : addDuration(o, atOf(e), o.autoConfirmAfter),
    }),
    confirm: () => ({ autoConfirmAt: null }),
    unresolve: () => ({ resolution: null, autoConfirmAt: null, acceptedSolution: null }),
    close: (_ctx, e) => {
      const at = atOf(e)
      return {
        open: false,
        closedAt: at,
        reopenUntil: o.reopenWindow === null ? null : addDuration(o, at, o.reopenWindow),
      }
    },
    reopen: (ctx) => ({
      open: true,
      closedAt: null,
      reopenUntil: null,
      resolution: null,
      acceptedSolution: null,
      reopenCount: ctx.reopenCount + 1,
    }),
    cancel: () => ({ open: false, autoConfirmAt: null }),
    escalate: (_ctx, _e, p) => ({ level: p.level ?? 0 }),
  }
}
