export { type AdvanceSlaOptions, advanceSla } from './advance-sla'
export { type ComputeSlaOptions, computeSla } from './compute-sla'
export { nextDeadlines, type SlaDeadline } from './next-deadlines'
export { slaPresets } from './presets'
export { projectProcessState } from './project-process-state'
export type { SlaClock, SlaClockStatus, SlaWarningState } from './sla-clock'
export type { SlaState } from './sla-state'
export {
  type SlaAttainment,
  type SlaSummary,
  type SummarizeSlaOptions,
  summarizeSla,
} from './summarize-sla'
export { type ToSlaClocksOptions, toSlaClocks } from './to-sla-clocks'
