import { createPolicyEngine, type PolicyEngineMode } from './create-policy-engine'
import type { Decision } from './decision'
import type { Policy } from './policy-schema'
import type { PolicyTestExpectation } from './sections/tests'

/** One field of a test whose actual value differs from the expected one. */
export interface PolicyTestMismatch {
  field: keyof PolicyTestExpectation
  expected: unknown
  actual: unknown
}

/** The outcome of one embedded test. */
export interface PolicyTestResult {
  /** The test's name. */
  name: string
  /** Where the test is, as a JSON pointer (`/tests/3`). */
  pointer: string
  passed: boolean
  /** The fields that differ (empty when it passed). */
  mismatches: PolicyTestMismatch[]
  /** The decision the policy made. */
  decision: Decision
}

/** The outcome of {@link testPolicy}. */
export interface PolicyTestReport {
  passed: number
  failed: number
  results: PolicyTestResult[]
}

/**
 * Runs the tests embedded in a policy (`tests: [{ name, facts, event?, expect }]`)
 * and reports every mismatch, as gorules/zen does for its decision files.
 *
 * @example
 * ```ts
 * const report = testPolicy(parsePolicy(json))
 * report.failed // 0
 * for (const r of report.results) if (!r.passed) console.log(r.name, r.mismatches)
 * ```
 */
export function testPolicy(policy: Policy, options: { mode?: 'compiled' } = {}): PolicyTestReport {
  const engine = createPolicyEngine(policy, { mode: options.mode ?? 'compiled' })
  const results = policy.tests.map((t, i) => {
    const decision = engine.decide(t.facts, t.event ? { event: t.event } : {})
    return toResult(t.name, i, t.expect, decision)
  })
  return summarize(results)
}

/**
 * {@link testPolicy} with json-rules-engine as the evaluator (or the compiled one).
 *
 * @example
 * ```ts
 * const report = await testPolicyAsync(policy, { mode: 'reference' })
 * ```
 */
export async function testPolicyAsync(
  policy: Policy,
  options: { mode?: PolicyEngineMode } = {},
): Promise<PolicyTestReport> {
  const engine = createPolicyEngine(policy, { mode: options.mode ?? 'compiled' })
  const results: PolicyTestResult[] = []
  for (const [i, t] of policy.tests.entries()) {
    const decision = await engine.decide(t.facts, t.event ? { event: t.event } : {})
    results.push(toResult(t.name, i, t.expect, decision))
  }
  return summarize(results)
}

function toResult(
  name: string,
  i: number,
  expect: PolicyTestExpectation,
  decision: Decision,
): PolicyTestResult {
  const actual: Required<PolicyTestExpectation> = {
    priority: decision.priority,
    team: decision.team,
    role: decision.role as string,
    skills: [...decision.skills],
    slaPolicies: decision.slaPolicies.map((s) => s.id),
    escalations: decision.escalations.map((e) => e.id),
  }
  const mismatches: PolicyTestMismatch[] = []
  for (const field of Object.keys(expect) as (keyof PolicyTestExpectation)[]) {
    const want = expect[field]
    const got = actual[field]
    if (JSON.stringify(want) !== JSON.stringify(got))
      mismatches.push({ field, expected: want, actual: got })
  }
  return { name, pointer: `/tests/${i}`, passed: mismatches.length === 0, mismatches, decision }
}

function summarize(results: PolicyTestResult[]): PolicyTestReport {
  const passed = results.filter((r) => r.passed).length
  return { passed, failed: results.length - passed, results }
}
