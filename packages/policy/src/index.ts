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
export { type LintFinding, type LintOptions, type LintSeverity, lintPolicy } from './lint-policy'
export { type ParsePolicyOptions, parsePolicy, safeParsePolicy } from './parse-policy'
export { policyJsonSchema } from './policy-json-schema'
export type { Policy } from './policy-schema'
export {
  type PolicyTestMismatch,
  type PolicyTestReport,
  type PolicyTestResult,
  testPolicy,
  testPolicyAsync,
} from './test-policy'
