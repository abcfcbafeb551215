import type { CaseEvent } from '@servicekit/core'
import { type Actor, createActor } from 'xstate'
import type { ProcessSnapshot } from '../case-state'
import type { ServiceProcess } from '../create-service-process'
import type { PersistedCase } from '../persisted-case'

/**
 * An actor that applies events one at a time and says whether each changed
 * anything. Every transition of the process assigns to the context, so an
 * unchanged snapshot object means no transition was taken: the event was
 * rejected, and the snapshot is untouched.
 */
export interface Stepper {
  readonly snapshot: ProcessSnapshot
  /** Applies `event`; false when rejected. Throws what a guard or action threw. */
  step(event: CaseEvent): boolean
}

export function createStepper(
  machine: ServiceProcess,
  snapshot?: PersistedCase['snapshot'],
): Stepper {
  let error: unknown
  let actor: Actor<ServiceProcess>
  const start = (from?: unknown) => {
    actor = createActor(machine, from === undefined ? undefined : { snapshot: from as never })
    // An error inside a guard or an action stops an actor; catch it to rethrow synchronously.
    actor.subscribe({ error: (e) => (error = e) })
    actor.start()
  }
  start(snapshot)
  return {
    get snapshot() {
      return actor.getSnapshot()
    },
    step(event) {
      const before = actor.getSnapshot()
      actor.send(event)
      const after = actor.getSnapshot()
      if (error !== undefined) {
        const e = error
        error = undefined
        start(machine.getPersistedSnapshot(before))
        throw e
      }
      return after !== before
    },
  }
}
