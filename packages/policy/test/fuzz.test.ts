// biome-ignore-all lint/suspicious/noThenProperty: rule outcomes are written "when … then …" in policy documents
// biome-ignore-all lint/suspicious/noExplicitAny: test documents are mutated freely to provoke errors
import { readFileSync } from 'node:fs'
import { isServiceKitError } from '@servicekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeParsePolicy } from '../src/index'
import { minimalPolicy } from './fixtures/minimal'

const examples = ['standard-after-sales', 'itil-incident'].map((name) =>
  JSON.parse(
    readFileSync(
      new URL(`../../../examples/policies/${name}.policy.json`, import.meta.url),
      'utf8',
    ),
  ),
)

// Replace, delete or add one value somewhere in a document, as an author's slip would.
function mutate(doc: unknown, path: number[], replacement: unknown, op: number): unknown {
  const copy = structuredClone(doc) as any
  let node = copy
  for (const step of path) {
    if (node === null || typeof node !== 'object') break
    const keys = Object.keys(node)
    if (keys.length === 0) break
    const key = keys[step % keys.length]!
    const child = node[key]
    if (child === null || typeof child !== 'object' || step % 5 === 0) {
      if (op === 0) delete node[key]
      else if (op === 1) node[key] = replacement
      else node[['__proto__', 'constructor', 'prototype', `${key}x`][step % 4]!] = replacement
      return copy
    }
    node = child
  }
  return copy
}

const expectPolicyInvalid = (input: unknown) => {
  const result = safeParsePolicy(input)
  if (!result.success) {
    expect(isServiceKitError(result.error, 'POLICY_INVALID')).toBe(true)
    expect((result.error.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0)
  }
}

describe('safeParsePolicy under fuzzing', () => {
  it('never throws on 10,000 random and mutated documents; every failure is POLICY_INVALID', () => {
    const seeds = [...examples, minimalPolicy()]
    const mutated = fc
      .tuple(
        fc.constantFrom(...seeds),
        fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.nat(2),
      )
      .map(([doc, path, value, op]) => mutate(doc, path, value, op))
    const anything = fc.oneof(
      { weight: 6, arbitrary: mutated },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
      { weight: 1, arbitrary: fc.anything() },
      // The text form: broken JSON, and mutated documents as text (with positions).
      {
        weight: 1,
        arbitrary: fc
          .tuple(mutated, fc.nat(2000), fc.string({ maxLength: 3 }))
          .map(([d, at, junk]) => {
            const text = JSON.stringify(d, null, 2)
            return text.slice(0, at % (text.length + 1)) + junk + text.slice(at % (text.length + 1))
          }),
      },
    )
    let runs = 0
    fc.assert(
      fc.property(anything, (input) => {
        runs++
        expectPolicyInvalid(input)
      }),
      { numRuns: 10_000 },
    )
    expect(runs).toBe(10_000)
  })
})
