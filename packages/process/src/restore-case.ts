import {
  type CaseEventType,
  fail,
  isServiceKitError,
  ok,
  parseCaseEvent,
  type Result,
  ServiceKitError,
} from '@servicekit/core'
import { type CaseProcessState, type ProcessSnapshot, toCaseState } from './case-state'
import type { ServiceProcess } from './create-service-process'
import { createStepper } from './internal/stepper'
import {
  checkPersistedCase,
  type PersistedCase,
  type SnapshotMigration,
  toPersistedCase,
} from './persisted-case'
import { acceptedEvents, explainRejection, toRejectionError } from './rejection'
import { standardProcess } from './replay-case'

/** Options of {@link restoreCase} and {@link startCase}. */
export interface RestoreOptions {
  /** The process the snapshot belongs to; default the standard one. */
  process?: ServiceProcess
  /** Turns a snapshot of an older machine version into a current one. */
  migrate?: SnapshotMigration
}

/**
 * One case's process, restored for a request: send it events, read where it
 * stands, persist it again.
 */
export interface ProcessCase {
  /** The live XState snapshot. */
  readonly snapshot: ProcessSnapshot
  /** Where the case stands. */
  readonly state: CaseProcessState
  /** The event types the current state handles. */
  accepts(): CaseEventType[]
  /** Whether `event` would be accepted now (guards evaluated); nothing changes. */
  can(event: unknown): boolean
  /**
   * Applies one event (validated with `parseCaseEvent`).
   *
   * @throws ServiceKitError `PROCESS_EVENT_REJECTED` (details: a
   * {@link ProcessRejection}) when the state refuses it, and nothing changes;
   * `CASE_EVENT_INVALID`; `PROCESS_EVENT_CASE_MISMATCH`.
   */
  send(event: unknown): CaseProcessState
  /** {@link ProcessCase.send} returning a `Result` instead of throwing. */
  safeSend(event: unknown): Result<CaseProcessState>
  /** The versioned snapshot to store. */
  persist(): PersistedCase
}

function createProcessCase(machine: ServiceProcess, from?: PersistedCase['snapshot']): ProcessCase {
  const stepper = createStepper(machine, from)
  const parse = (input: unknown) => {
    const event = parseCaseEvent(input)
    const caseId = stepper.snapshot.context.caseId
    if (caseId !== null && event.caseId !== caseId) {
      throw new ServiceKitError(
        'PROCESS_EVENT_CASE_MISMATCH',
        `Event ${event.id} is of case ${event.caseId}, not ${caseId}`,
        { details: { eventId: event.id, caseId: event.caseId, expected: caseId } },
      )
    }
    return event
  }
  const processCase: ProcessCase = {
    get snapshot() {
      return stepper.snapshot
    },
    get state() {
      return toCaseState(stepper.snapshot)
    },
    accepts: () => acceptedEvents(stepper.snapshot),
    can: (input) => stepper.snapshot.can(parse(input)),
    send(input) {
      const event = parse(input)
      const before = stepper.snapshot
      if (!stepper.step(event)) throw toRejectionError(explainRejection(before, event))
      return toCaseState(stepper.snapshot)
    },
    safeSend(input) {
      try {
        return ok(processCase.send(input))
      } catch (e) {
        if (isServiceKitError(e)) return fail(e)
        throw e
      }
    },
    persist: () => toPersistedCase(stepper.snapshot),
  }
  return processCase
}

/**
 * Restores a case's process from a stored snapshot: the per-request pattern
 * (restore, send, persist). The snapshot is validated against the machine;
 * one of another machine, a malformed one, or one of an older machine version
 * without a migration is refused, never silently accepted.
 *
 * @throws ServiceKitError `PROCESS_SNAPSHOT_INVALID`, `PROCESS_SNAPSHOT_VERSION`.
 * @example
 * ```ts
 * const c = restoreCase(row.snapshot, { process })
 * c.send({ id: 'evt-9', caseId: 'case-1', type: 'case.resumed', at: new Date(), actor })
 * await db.save(row.id, c.persist())
 * ```
 */
export function restoreCase(persisted: unknown, options: RestoreOptions = {}): ProcessCase {
  const machine = options.process ?? standardProcess()
  return createProcessCase(machine, checkPersistedCase(persisted, machine, options.migrate))
}

/**
 * A new case's process, before its `case.opened` event.
 *
 * @example
 * ```ts
 * const c = startCase({ process })
 * c.send(openedEvent)
 * c.state.lifecycle // 'new'
 * ```
 */
export function startCase(options: Pick<RestoreOptions, 'process'> = {}): ProcessCase {
  return createProcessCase(options.process ?? standardProcess())
}
