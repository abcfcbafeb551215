export {
  type AllCondition,
  type AnyCondition,
  type Condition,
  type FactCondition,
  type NotCondition,
  type Operator,
  operators,
} from './condition'
export {
  createPolicyEngine,
  type DecideOptions,
  type PolicyEngine,
  type PolicyEngineMode,
  type PolicyEngineOptions,
  type ReferencePolicyEngine,
} from './create-policy-engine'
export type { Decision, DecisionSection, TraceStep } from './decision'
export { explain } from './explain'
export {
  type FactDeclaration,
  type FactType,
  type FactValue,
  factTypes,
  forbiddenPathSegments,
} from './facts'
export { type LintFinding, type LintOptions, type LintSeverity, lintPolicy } from './lint-policy'
export { type ParsePolicyOptions, parsePolicy, safeParsePolicy } from './parse-policy'
export { policyJsonSchema } from './policy-json-schema'
export type { Policy } from './policy-schema'
export { isProcessState, type ProcessState, processStates } from './process-states'
export type {
  EscalationAction,
  EscalationLevel,
  EscalationRule,
  EscalationSection,
  EscalationTrigger,
} from './sections/escalation'
export type { MatrixAxis, PriorityMatrix, PriorityRule, PrioritySection } from './sections/priority'
export type { RoutingRule, RoutingSection, RoutingTarget } from './sections/routing'
export {
  type SlaChangeRule,
  type SlaChanges,
  type SlaDueAt,
  type SlaEventTrigger,
  type SlaInstances,
  type SlaMetricDefinition,
  type SlaObjective,
  type SlaPolicy,
  type SlaPresetName,
  type SlaReopenRule,
  type SlaSection,
  type SlaStateTrigger,
  type SlaTrigger,
  type SlaWarning,
  slaPresetNames,
  toIsoDuration,
} from './sections/sla'
export type { PolicyTest, PolicyTestExpectation, SlaEventContext } from './sections/tests'
export {
  type PolicyTestMismatch,
  type PolicyTestReport,
  type PolicyTestResult,
  testPolicy,
  testPolicyAsync,
} from './test-policy'
