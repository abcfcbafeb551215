import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPolicyEngine, parsePolicy } from '../src/index'
import { policyAndFactsArb } from './fixtures/arbitraries'

describe('compiled and reference modes', () => {
  it('decide identically, traces included, on thousands of random policies and fact sets', async () => {
    let decisions = 0
    await fc.assert(
      fc.asyncProperty(policyAndFactsArb, async ({ policy, factSets, events }) => {
        const parsed = parsePolicy(policy)
        const compiled = createPolicyEngine(parsed)
        const reference = createPolicyEngine(parsed, { mode: 'reference' })
        for (const [i, facts] of factSets.entries()) {
          const options = events[i] ? { event: events[i] } : {}
          expect(await reference.decide(facts, options)).toEqual(compiled.decide(facts, options))
          decisions++
        }
      }),
      { numRuns: 1000 },
    )
    expect(decisions).toBe(3000)
  })
})
