// biome-ignore-all lint/suspicious/noThenProperty: rule outcomes are written "when … then …" in policy documents
// biome-ignore-all lint/suspicious/noExplicitAny: test documents are mutated freely to provoke errors
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPolicyEngine, parsePolicy } from '../src/index'
import { minimalPolicy } from './fixtures/minimal'

// The compiled reader codes a fact's value through tables (a hash of a string's length
// and first and last characters; an array indexed by a small integer). These tests hold
// it to an independent rule: a value is valid exactly when it has the declared type and
// is one of the allowed values (SameValueZero), and then every rule sees the right value.

// Many strings, some sharing a length, a first or a last character, plus "" and non-ASCII.
const kinds = [
  '',
  'a',
  'b',
  'ab',
  'ba',
  'aa',
  'abc',
  'acb',
  'complaint',
  'compliant',
  'afterSales',
  'technicalInquiry',
  'technicalInquirx',
  '投诉',
  '咨询',
  'x'.repeat(300),
]
const levels = [0, 1, 2, 3, 7, 255]
const scores = [0, 1.5, 256, -2]
const weights = [0, 5]
const tiers = ['key', 'ordinary']

function policy() {
  const doc = minimalPolicy()
  doc.facts['case.kind'] = { type: 'string', values: kinds }
  doc.facts['case.level'] = { type: 'integer', values: levels }
  doc.facts['case.score'] = { type: 'number', values: scores }
  doc.facts['customer.weight'] = { type: 'number', values: weights }
  // One rule per allowed value, so the trace names the value the engine read.
  const rulesFor = (prefix: string, fact: string, values: readonly unknown[]) =>
    values.map((value, i) => ({
      id: `${prefix}-${i}`,
      when: { fact, operator: 'equal', value },
    }))
  const rules = [
    ...rulesFor('kind', 'case.kind', kinds),
    ...rulesFor('level', 'case.level', levels),
    ...rulesFor('score', 'case.score', scores),
    ...rulesFor('tier', 'customer.tier', tiers),
    ...rulesFor('weight', 'customer.weight', weights),
  ]
  doc.priority.hitPolicy = 'max'
  doc.priority.rules = rules.map((r) => ({ ...r, then: 'high' }))
  return parsePolicy(doc)
}

// Candidate values: the allowed ones, the same strings built at run time (not
// interned), near misses, and values of other types.
const built = (s: string) => [...s].join('')
const candidates: unknown[] = [
  ...kinds,
  ...kinds.map(built),
  ...levels,
  ...scores,
  'c',
  'abd',
  'complainT',
  'technicalInquiry ',
  '投',
  'x'.repeat(299),
  -0,
  0.5,
  4,
  256,
  -1,
  2 ** 32 + 1,
  2 ** 32,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '1',
  true,
  null,
  [],
  {},
  'key',
  built('key'),
  'KEY',
]

// SameValueZero, as a Set compares (allowed values are never NaN, but candidates may be).
const sameValueZero = (a: unknown, b: unknown) => new Set([a]).has(b)
const allowed = (v: unknown, type: 'string' | 'integer' | 'number', values: unknown[]) =>
  v === undefined ||
  ((type === 'string'
    ? typeof v === 'string'
    : type === 'integer'
      ? Number.isInteger(v)
      : typeof v === 'number' && Number.isFinite(v)) &&
    values.some((x) => sameValueZero(x, v)))

describe('fact values', () => {
  const p = policy()
  const compiled = createPolicyEngine(p)
  const reference = createPolicyEngine(p, { mode: 'reference' })
  const value = fc.option(fc.constantFrom(...candidates), { nil: undefined, freq: 4 })

  it('are accepted exactly when allowed, and read as themselves, in both modes', async () => {
    await fc.assert(
      fc.asyncProperty(
        value,
        value,
        value,
        value,
        value,
        async (kind, level, score, tier, weight) => {
          const c: Record<string, unknown> = { category: 'inquiry' }
          if (kind !== undefined) c.kind = kind
          if (level !== undefined) c.level = level
          if (score !== undefined) c.score = score
          const customer: Record<string, unknown> = {}
          if (tier !== undefined) customer.tier = tier
          if (weight !== undefined) customer.weight = weight
          const facts = { case: c, customer }
          const valid =
            allowed(kind, 'string', kinds) &&
            allowed(level, 'integer', levels) &&
            allowed(score, 'number', scores) &&
            allowed(tier, 'string', tiers) &&
            allowed(weight, 'number', weights)
          if (!valid) {
            expect(() => compiled.decide(facts)).toThrow(/not allowed|Expected/)
            return
          }
          const d = compiled.decide(facts)
          expect(await reference.decide(facts)).toEqual(d)
          const fired = d.trace.filter((s) => s.section === 'priority').map((s) => s.rule)
          const expected = [
            ...kinds.flatMap((v, i) => (sameValueZero(v, kind) ? [`kind-${i}`] : [])),
            ...levels.flatMap((v, i) => (sameValueZero(v, level) ? [`level-${i}`] : [])),
            ...scores.flatMap((v, i) => (sameValueZero(v, score) ? [`score-${i}`] : [])),
            ...tiers.flatMap((v, i) => (v === tier ? [`tier-${i}`] : [])),
            ...weights.flatMap((v, i) => (sameValueZero(v, weight) ? [`weight-${i}`] : [])),
          ]
          expect(fired).toEqual(expected.length > 0 ? expected : ['default'])
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('takes -0 for an allowed 0, and rejects integers that only wrap to an allowed one', () => {
    const at = (level: unknown) => compiled.decide({ case: { category: 'inquiry', level } })
    expect(at(-0).trace.map((s) => s.rule)).toContain('level-0')
    for (const bad of [2 ** 32 + 1, 2 ** 32 + 255, -(2 ** 32) + 7, 1 + 2 ** -30])
      expect(() => at(bad)).toThrow(/is not allowed|Expected integer/)
  })
})
