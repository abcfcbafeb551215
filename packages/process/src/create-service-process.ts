import type { CaseEvent } from '@servicekit/core'
import {
  type AnyActorRef,
  assign,
  type EventObject,
  type MetaObject,
  type ParameterizedObject,
  type StateMachine,
  type StateSchema,
  type StateValue,
  setup,
} from 'xstate'
import type { ProcessContext } from './context'
import { type ActionName, type ActionParams, createUpdates } from './internal/actions'
import { buildConfig } from './internal/build-config'
import { fingerprint } from './internal/fingerprint'
import { createGuards, type GuardName, type GuardParams } from './internal/guards'
import { register } from './internal/registry'
import { resolveOptions } from './internal/resolve-options'
import { atOf } from './internal/time'
import type { ProcessOptions } from './options'

type Args = { context: ProcessContext; event: CaseEvent }

/**
 * The standard service process as an XState v5 state machine: the lifecycle
 * region (`new` → `triaged` → `assigned` → `inProgress` ⇄ `waiting` →
 * `resolved` → `followUp` → `closed`, with `cancelled`) beside the escalation
 * region (`level0`, then the configured levels). Events are core's
 * {@link CaseEvent}s; guards enforce required fields, authority limits and the
 * reopen window.
 */
export type ServiceProcess = StateMachine<
  ProcessContext,
  CaseEvent,
  Record<string, AnyActorRef | undefined>,
  never,
  ParameterizedObject,
  ParameterizedObject,
  never,
  StateValue,
  string,
  undefined,
  unknown,
  EventObject,
  MetaObject,
  StateSchema
>

function createMachine(options: ProcessOptions): ServiceProcess {
  const o = resolveOptions(options)
  const guards = createGuards(o)
  const updates = createUpdates(o)
  const guardImpls = {} as Record<GuardName, (args: Args, params: GuardParams) => boolean>
  for (const [name, def] of Object.entries(guards)) {
    guardImpls[name as GuardName] = ({ context, event }, params) =>
      def.check(context, event, params ?? {})
  }
  const actionImpls = {} as Record<
    ActionName,
    ReturnType<typeof assign<ProcessContext, CaseEvent, ActionParams, CaseEvent, never>>
  >
  for (const [name, update] of Object.entries(updates)) {
    actionImpls[name as ActionName] = assign(({ context, event }, params: ActionParams) => {
      // Every update returns a fresh object: add the bookkeeping to it instead of copying it.
      const changes = update(context, event, params ?? {})
      changes.events = context.events + 1
      changes.lastEventAt = atOf(event)
      return changes
    })
  }
  const config = buildConfig(o)
  const version = o.version ?? fingerprint(config)
  const machine = setup({
    types: { context: {} as ProcessContext, events: {} as CaseEvent },
    guards: guardImpls,
    actions: actionImpls,
  }).createMachine({ ...config, version } as never) as unknown as ServiceProcess
  register(machine, { options: o, guards, version })
  return machine
}

/**
 * Creates the service process from plain-data options (see
 * {@link ProcessOptions}); omitted options take the standard values.
 *
 * @throws ServiceKitError `PROCESS_OPTIONS_INVALID` with every issue's JSON pointer.
 * @example
 * ```ts
 * const process = createServiceProcess({
 *   authority: { kinds: ['remote', 'repair', 'onsite', 'parts', 'refund'], maxAmount: 200, currency: 'CNY' },
 *   reopenWindow: { businessDays: 7 },
 *   autoConfirmAfter: { businessDays: 3 },
 *   calendar, // from createCalendar(...)
 * })
 * const { state, rejected } = replayCase(events, { process })
 * ```
 */
export function createServiceProcess(options: ProcessOptions = {}): ServiceProcess {
  return createMachine(options)
}
