import type { CaseEvent } from '@servicekit/core'
import { type AnyActorScope, createActor } from 'xstate'
import type { ProcessSnapshot } from '../case-state'
import type { ServiceProcess } from '../create-service-process'
import type { PersistedCase } from '../persisted-case'

/**
 * Applies events one at a time and says whether each changed anything.
 * Every transition of the process assigns to the context, so an unchanged
 * snapshot object means no transition was taken: the event was rejected, and
 * the snapshot is untouched.
 */
export interface Stepper {
  readonly snapshot: ProcessSnapshot
  /** Applies `event`; false when rejected. Throws what a guard or action threw, and nothing changes. */
  step(event: CaseEvent): boolean
}

/**
 * What the machine's transitions run in, made once per machine: the pure
 * transitions of XState's actor logic (`machine.transition`), as XState's own
 * `transition()` helper runs them, without an actor per case. Starting an
 * actor cost about as much as five of its transitions, and a replay starts
 * one per case. The process's actions are all `assign`s, resolved inside the
 * transition; were there others, they run at once, as an actor would run them.
 */
interface Runtime {
  scope: AnyActorScope
  initial: ProcessSnapshot
}
const runtimes = new WeakMap<ServiceProcess, Runtime>()

function runtimeOf(machine: ServiceProcess): Runtime {
  let runtime = runtimes.get(machine)
  if (runtime === undefined) {
    const self = createActor(machine)
    const scope: AnyActorScope = {
      self,
      id: self.id,
      sessionId: self.sessionId,
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: (action) => action.exec?.(action.info, action.params),
    }
    const initial = machine.getInitialSnapshot(scope, undefined) as ProcessSnapshot
    if (initial.status === 'error') throw initial.error
    runtime = { scope, initial }
    runtimes.set(machine, runtime)
  }
  return runtime
}

export function createStepper(
  machine: ServiceProcess,
  snapshot?: PersistedCase['snapshot'],
): Stepper {
  const { scope, initial } = runtimeOf(machine)
  let current =
    snapshot === undefined
      ? initial
      : (machine.restoreSnapshot(snapshot as never, scope) as ProcessSnapshot)
  return {
    get snapshot() {
      return current
    },
    step(event) {
      // A case that ended (a final state) takes no more events, as a stopped actor takes none.
      if (current.status !== 'active') return false
      const next = machine.transition(current, event as never, scope) as ProcessSnapshot
      if (next.status === 'error') throw next.error
      if (next === current) return false
      current = next
      return true
    },
  }
}
