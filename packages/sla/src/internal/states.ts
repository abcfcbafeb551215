import { type ProcessState, processStates } from '@servicekit/policy'

// Process states as small integers (their index in `processStates`) and sets
// of them as bit masks, so that "is the case in a pause state?" and "did this
// event enter a start state?" are one AND each.

const index = (name: ProcessState): number => processStates.indexOf(name)

export const NEW = index('new')
export const TRIAGED = index('triaged')
export const ASSIGNED = index('assigned')
export const DIAGNOSING = index('inProgress.diagnosing')
export const AWAITING_DECISION = index('inProgress.awaitingDecision')
export const EXECUTING = index('inProgress.executing')
export const ON_CUSTOMER = index('waiting.onCustomer')
export const ON_THIRD_PARTY = index('waiting.onThirdParty')
export const RESOLVED = index('resolved')
export const FOLLOW_UP = index('followUp')
export const CLOSED = index('closed')
export const CANCELLED = index('cancelled')

/** The bit of one state. */
export const bitOf = (state: ProcessState): number => 1 << index(state)

/**
 * For each state, the bits of the states that are active while the case is
 * in it: itself and its parent (`waiting.onCustomer` is also `waiting`).
 */
export const activeMask: readonly number[] = processStates.map((name, i) => {
  const dot = name.indexOf('.')
  return dot < 0 ? 1 << i : (1 << i) | bitOf(name.slice(0, dot) as ProcessState)
})

/** The mask of a list of states, as triggers and pause states name them. */
export function maskOf(states: readonly ProcessState[]): number {
  let mask = 0
  for (const s of states) mask |= bitOf(s)
  return mask
}

/** States from which going back to work is a reopening. */
export const DONE_MASK = (1 << RESOLVED) | (1 << FOLLOW_UP) | (1 << CLOSED)

/** States from which the case is worked on: new up to waiting. */
export const WORK_MASK = maskOf(['new', 'triaged', 'assigned', 'inProgress', 'waiting'])

/** Whether `state` is one of `inProgress`'s sub-states. */
export const isInProgress = (state: number): boolean =>
  state === DIAGNOSING || state === AWAITING_DECISION || state === EXECUTING

/** The state's name. */
export const nameOf = (state: number): ProcessState => processStates[state]!

/** The states an event entered, going from `prev` to `next` (at the opening: `new`). */
export const enteredStates = (opening: boolean, prev: number, next: number): number =>
  opening ? activeMask[NEW]! : activeMask[next]! & ~activeMask[prev]!

/** Whether going from `prev` to `next` takes the case back to work from resolved, followUp or closed. */
export const isReopening = (prev: number, next: number): boolean =>
  next !== prev && ((1 << prev) & DONE_MASK) !== 0 && (activeMask[next]! & WORK_MASK) !== 0
