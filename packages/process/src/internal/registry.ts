import { ServiceKitError } from '@servicekit/core'
import type { AnyStateMachine } from 'xstate'
import type { GuardDef, GuardName } from './guards'
import type { ResolvedOptions } from './resolve-options'

/** What the functions of this package need to know about a machine they did not build. */
export interface ProcessInternals {
  options: ResolvedOptions
  guards: Record<GuardName, GuardDef>
  /** The machine's version, stored in snapshots. */
  version: string
}

const registry = new WeakMap<AnyStateMachine, ProcessInternals>()

/** Remembers a machine made by createServiceProcess. */
export function register(machine: AnyStateMachine, internals: ProcessInternals): void {
  registry.set(machine, internals)
}

/** The internals of a machine made by createServiceProcess. */
export function internalsOf(machine: AnyStateMachine): ProcessInternals {
  const internals = registry.get(machine)
  if (internals === undefined) {
    throw new ServiceKitError(
      'PROCESS_OPTIONS_INVALID',
      'Not a service process: pass a machine made by createServiceProcess()',
    )
  }
  return internals
}
