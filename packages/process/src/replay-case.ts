import {
  type CaseEvent,
  type CaseEventInput,
  parseCaseEvent,
  ServiceKitError,
} from '@servicekit/core'
import { type CaseProcessState, toCaseState } from './case-state'
import { createServiceProcess, type ServiceProcess } from './create-service-process'
import { createStepper } from './internal/stepper'
import { type PersistedCase, toPersistedCase } from './persisted-case'
import { explainRejection, type ProcessRejection } from './rejection'

/** Options of {@link replayCase}. */
export interface ReplayOptions {
  /** The process to replay into; default the standard one. */
  process?: ServiceProcess
  /**
   * Validate every event with `parseCaseEvent` first. Default `false`: parsed
   * events (a `Date` in `at`) are taken as they are, for speed, and any other
   * input is parsed, so raw JSON works and a malformed event still fails with
   * `CASE_EVENT_INVALID`.
   */
  validate?: boolean
}

/** What {@link replayCase} returns. */
export interface ReplayResult {
  /** The final snapshot, versioned, ready to store (made when first read). */
  readonly snapshot: PersistedCase
  /** Where the case stands. */
  state: CaseProcessState
  /** Every event the process refused, in log order; each changed nothing. */
  rejected: ProcessRejection[]
}

let standard: ServiceProcess | undefined
/** The standard process, made once. */
export function standardProcess(): ServiceProcess {
  standard ??= createServiceProcess()
  return standard
}

const looksParsed = (e: unknown): e is CaseEvent =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as CaseEvent).type === 'string' &&
  typeof (e as CaseEvent).id === 'string' &&
  typeof (e as CaseEvent).caseId === 'string' &&
  (e as CaseEvent).at instanceof Date

/**
 * Folds a case's event log into the process: every event the current state
 * accepts moves it on, every other one is recorded in `rejected` (with its
 * index, state and the events the state would accept) and changes nothing.
 * Pure: the same log and process always give the same result.
 *
 * @throws ServiceKitError `CASE_EVENT_INVALID` for a malformed event,
 * `PROCESS_EVENT_CASE_MISMATCH` when the log holds events of several cases.
 * @example
 * ```ts
 * const { state, rejected } = replayCase(events)
 * state.lifecycle // 'closed'
 * rejected[0] // { index: 4, type: 'case.resolved', state: 'inProgress.diagnosing', guard: 'canResolve', … }
 * ```
 */
export function replayCase(
  events: Iterable<CaseEvent | CaseEventInput>,
  options: ReplayOptions = {},
): ReplayResult {
  const machine = options.process ?? standardProcess()
  const stepper = createStepper(machine)
  const rejected: ProcessRejection[] = []
  let caseId: string | undefined
  let index = 0
  for (const input of events) {
    const event = !options.validate && looksParsed(input) ? input : parseCaseEvent(input)
    caseId ??= event.caseId
    if (event.caseId !== caseId) {
      throw new ServiceKitError(
        'PROCESS_EVENT_CASE_MISMATCH',
        `Event ${index} (${event.id}) is of case ${event.caseId}, the log is of case ${caseId}`,
        { details: { index, eventId: event.id, caseId: event.caseId, expected: caseId } },
      )
    }
    const before = stepper.snapshot
    if (!stepper.step(event)) rejected.push(explainRejection(before, event, index))
    index++
  }
  const last = stepper.snapshot
  // Persisted only when read: a conformance replay of many cases reads the state alone.
  let persisted: PersistedCase | undefined
  return {
    get snapshot() {
      persisted ??= toPersistedCase(last)
      return persisted
    },
    state: toCaseState(last),
    rejected,
  }
}
