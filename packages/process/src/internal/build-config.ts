import type { CaseEventType, Labels } from '@servicekit/core'
import { createInitialContext } from '../context'
import type { ProcessStep, StepTrigger } from '../options'
import type { ActionName, ActionParams } from './actions'
import type { GuardName, GuardParams } from './guards'
import type { ResolvedOptions } from './resolve-options'

/** One candidate transition of a state for an event. */
export interface TransitionSpec {
  target?: string
  guard?: { type: GuardName; params?: GuardParams }
  actions: { type: ActionName; params?: ActionParams }
}

/** Candidate transitions by event type, tried in order. */
export type OnSpec = Partial<Record<CaseEventType, TransitionSpec[]>>

/** A state node of the process as plain data (an XState machine config). */
export interface StateSpec {
  type?: 'parallel' | 'final' | 'history'
  history?: 'shallow'
  initial?: string
  states?: Record<string, StateSpec>
  on?: OnSpec
  meta?: { labels: Labels; role?: string; level?: number }
}

const go = (
  actions: ActionName,
  target?: string,
  guard?: GuardName,
  guardParams?: GuardParams,
  actionParams?: ActionParams,
): TransitionSpec => {
  const t: TransitionSpec = { actions: { type: actions } }
  if (actionParams) t.actions.params = actionParams
  if (target !== undefined) t.target = target
  if (guard !== undefined)
    t.guard = guardParams ? { type: guard, params: guardParams } : { type: guard }
  return t
}

const waitingTo = (prefix: string): TransitionSpec[] => [
  go('record', `${prefix}onCustomer`, 'waitingOn', { on: 'customer' }),
  go('record', `${prefix}onThirdParty`, 'waitingOn', { on: 'thirdParty' }),
]
const cancel = () => [go('cancel', 'cancelled', 'isOpen')]
const resolve = () => [go('resolve', 'resolved', 'canResolve')]

/** The context update an added step's trigger makes, as the standard transition would. */
function actionOf(type: CaseEventType): ActionName {
  switch (type) {
    case 'solution.proposed':
      return 'propose'
    case 'solution.accepted':
      return 'accept'
    case 'case.updated':
      return 'update'
    case 'priority.changed':
      return 'changePriority'
    case 'category.changed':
      return 'changeCategory'
    default:
      return 'record'
  }
}

function stepTransition(trigger: StepTrigger, target: string): TransitionSpec {
  const params: GuardParams = { type: trigger.type }
  if (trigger.step !== undefined) params.step = trigger.step
  if (trigger.solutionKinds !== undefined) params.solutionKinds = trigger.solutionKinds
  return go(actionOf(trigger.type), target, 'stepTrigger', params)
}

function addSteps(inProgress: Record<string, StateSpec>, steps: readonly ProcessStep[]): void {
  for (const step of steps) {
    const on: OnSpec = { [step.exitOn.type]: [stepTransition(step.exitOn, step.to)] }
    for (const type of step.records ?? ['execution.step', 'execution.delayed']) {
      on[type] = [...(on[type] ?? []), go('record', undefined, 'isOpen')]
    }
    inProgress[step.id] = { on }
  }
  // Entry transitions go first, so they take precedence over the standard ones.
  for (const step of steps) {
    const from = inProgress[step.from]!
    from.on ??= {}
    from.on[step.enterOn.type] = [
      stepTransition(step.enterOn, step.id),
      ...(from.on[step.enterOn.type] ?? []),
    ]
  }
}

function lifecycle(o: ResolvedOptions): StateSpec {
  const inProgress: Record<string, StateSpec> = {
    hist: { type: 'history', history: 'shallow' },
    diagnosing: {},
    awaitingDecision: {
      on: {
        'solution.accepted': [go('accept', 'executing', 'isProposed')],
        'solution.rejected': [go('record', 'diagnosing', 'isProposed')],
      },
    },
    executing: {
      on: {
        'execution.started': [go('record', undefined, 'isOpen')],
        'execution.step': [go('record', undefined, 'isOpen')],
        'execution.delayed': [go('record', undefined, 'isOpen')],
        'execution.completed': [go('record', undefined, 'isOpen')],
      },
    },
  }
  addSteps(inProgress, o.steps)
  const open = (action: ActionName) => [go(action, undefined, 'isOpen')]
  return {
    initial: 'new',
    // Events recorded in every open state without moving it.
    on: {
      'case.updated': open('update'),
      'agent.replied': open('record'),
      'customer.replied': open('record'),
      'note.added': open('record'),
      'priority.changed': open('changePriority'),
      'category.changed': open('changeCategory'),
      'sla.warning': open('record'),
      'sla.breached': open('record'),
    },
    states: {
      new: {
        on: {
          'case.opened': [go('open', undefined, 'notOpened')],
          'case.triaged': [go('triage', 'triaged', 'canTriage')],
          'case.cancelled': cancel(),
        },
      },
      triaged: {
        on: {
          'case.triaged': [go('triage', undefined, 'canTriage')],
          'case.assigned': [go('record', 'assigned', 'isOpen')],
          'case.cancelled': cancel(),
        },
      },
      assigned: {
        on: {
          'case.assigned': open('record'),
          'agent.replied': [go('record', 'inProgress', 'isOpen')],
          'case.waiting': waitingTo('waiting.'),
          'solution.proposed': [go('propose', 'inProgress.awaitingDecision', 'withinAuthority')],
          'case.resolved': resolve(),
          'case.cancelled': cancel(),
        },
      },
      inProgress: {
        initial: 'diagnosing',
        on: {
          'case.assigned': open('record'),
          'case.waiting': waitingTo('waiting.'),
          'solution.proposed': [go('propose', '.awaitingDecision', 'withinAuthority')],
          'case.resolved': resolve(),
          'case.cancelled': cancel(),
        },
        states: inProgress,
      },
      waiting: {
        initial: 'onCustomer',
        on: {
          'case.resumed': [go('record', 'inProgress.hist', 'isOpen')],
          'case.waiting': waitingTo('.'),
          'case.assigned': open('record'),
          'case.resolved': resolve(),
          'case.cancelled': cancel(),
        },
        states: { onCustomer: {}, onThirdParty: {} },
      },
      resolved: {
        on: {
          'resolution.confirmed': [go('confirm', 'followUp', 'canConfirm')],
          'resolution.rejected': [go('unresolve', 'inProgress.diagnosing', 'isOpen')],
          // The customer spoke: the silence that confirms the resolution starts again.
          'customer.replied': open('restartSilence'),
        },
      },
      followUp: {
        on: {
          'survey.sent': open('record'),
          'survey.answered': open('record'),
          'case.closed': [go('close', 'closed', 'isOpen')],
        },
      },
      closed: {
        on: {
          'case.reopened': [go('reopen', 'inProgress.diagnosing', 'withinReopenWindow')],
          'survey.answered': [go('record')],
          'note.added': [go('record')],
        },
      },
      cancelled: { type: 'final' },
    },
  }
}

function escalation(o: ResolvedOptions): StateSpec {
  const states: Record<string, StateSpec> = {}
  o.levels.forEach((level, k) => {
    const up: TransitionSpec[] = []
    const down: TransitionSpec[] = []
    o.levels.forEach((other, j) => {
      const p = { level: j }
      if (j > k) up.push(go('escalate', other.id, 'escalatesTo', p, p))
      if (j < k) down.unshift(go('escalate', other.id, 'deescalatesTo', p, p))
    })
    const on: OnSpec = {}
    if (up.length) on['case.escalated'] = up
    if (down.length) on['case.deescalated'] = down
    states[level.id] = { on, meta: { labels: level.labels, role: level.role, level: k } }
  })
  return { initial: 'level0', states }
}

function addLabels(spec: StateSpec, key: string, o: ResolvedOptions): void {
  const labels = o.stateLabels[key]
  if (labels) spec.meta = { ...spec.meta, labels }
  for (const [child, childSpec] of Object.entries(spec.states ?? {})) {
    addLabels(childSpec, child, o)
  }
}

/** The process as an XState machine config, with labels in `meta`. */
export function buildConfig(o: ResolvedOptions) {
  const states = { lifecycle: lifecycle(o), escalation: escalation(o) }
  const root: StateSpec = { type: 'parallel', states }
  addLabels(root, 'process', o)
  return {
    id: o.id,
    ...root,
    context: createInitialContext(),
    meta: { ...root.meta, eventLabels: o.eventLabels },
  }
}
