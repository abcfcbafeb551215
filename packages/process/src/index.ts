export {
  type CaseProcessState,
  type EscalationState,
  getDeadlines,
  type ProcessDeadline,
  type ProcessSnapshot,
  toCaseState,
} from './case-state'
export type { ProcessContext, ProposedSolution, ResolutionRecord } from './context'
export { createServiceProcess, type ServiceProcess } from './create-service-process'
export { standardEventLabels, standardStateLabels } from './labels'
export {
  type AuthorityLimit,
  type EscalationLevel,
  type ProcessLabels,
  type ProcessOptions,
  type ProcessStep,
  type RequiredFields,
  type SolutionKind,
  type StepTrigger,
  standardEscalationLevels,
  standardProcessOptions,
} from './options'
export { type PersistedCase, type SnapshotMigration, toPersistedCase } from './persisted-case'
export {
  type ProcessOptionsFromPolicyOptions,
  processOptionsFromPolicy,
} from './process-options-from-policy'
export { acceptedEvents, type ProcessRejection } from './rejection'
export { type ReplayOptions, type ReplayResult, replayCase, standardProcess } from './replay-case'
export { type ProcessCase, type RestoreOptions, restoreCase, startCase } from './restore-case'
export { type DiagramLocale, type DiagramOptions, toMermaid } from './to-mermaid'
export {
  type StatelyMachineJSON,
  type StatelyStateJSON,
  type StatelyTransitionJSON,
  toStatelyJSON,
} from './to-stately-json'
