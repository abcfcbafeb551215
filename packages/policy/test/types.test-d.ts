import { describe, expectTypeOf, it } from 'vitest'
import {
  createPolicyEngine,
  type Decision,
  type EscalationAction,
  type Policy,
  type SlaObjective,
  type SlaTrigger,
} from '../src/index'

declare const policy: Policy

describe('types', () => {
  it('compiled decide is synchronous; reference decide returns a promise', () => {
    expectTypeOf(createPolicyEngine(policy).decide({})).toEqualTypeOf<Decision>()
    expectTypeOf(
      createPolicyEngine(policy, { mode: 'compiled' }).decide({}),
    ).toEqualTypeOf<Decision>()
    expectTypeOf(createPolicyEngine(policy, { mode: 'reference' }).decide({})).toEqualTypeOf<
      Promise<Decision>
    >()
  })

  it('exposes the SLA and escalation sections as the sla and process packages read them', () => {
    expectTypeOf(policy.sla.policies[0]!.metrics.x!).toEqualTypeOf<SlaObjective>()
    expectTypeOf<SlaTrigger>().toExtend<{ event: string } | { state: string }>()
    expectTypeOf<Extract<EscalationAction, { type: 'escalate' }>>().toEqualTypeOf<{
      type: 'escalate'
      to: string
      level: number
    }>()
    expectTypeOf(policy.escalation.levels[0]!.label['zh-CN']).toBeString()
  })
})
