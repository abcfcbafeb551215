/**
 * The states of the standard service process (see DESIGN.md), as SLA pause
 * states and state triggers name them. A sub-state is written
 * `parent.child`; naming a parent covers its sub-states.
 */
export const processStates = [
  'new',
  'triaged',
  'assigned',
  'inProgress',
  'inProgress.diagnosing',
  'inProgress.awaitingDecision',
  'inProgress.executing',
  'waiting',
  'waiting.onCustomer',
  'waiting.onThirdParty',
  'resolved',
  'followUp',
  'closed',
  'cancelled',
] as const

/** A state of the standard service process, e.g. `waiting.onCustomer`. */
export type ProcessState = (typeof processStates)[number]

/** Whether `name` is a state of the standard process. */
export function isProcessState(name: string): name is ProcessState {
  return (processStates as readonly string[]).includes(name)
}
