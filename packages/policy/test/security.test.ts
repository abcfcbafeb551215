// biome-ignore-all lint/suspicious/noThenProperty: rule outcomes are written "when … then …" in policy documents
// biome-ignore-all lint/suspicious/noExplicitAny: test documents are mutated freely to provoke errors
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createPolicyEngine, parsePolicy, safeParsePolicy } from '../src/index'
import { minimalPolicy } from './fixtures/minimal'

describe('security', () => {
  it('never reads inherited members: facts are own properties only, in both modes', async () => {
    const doc = minimalPolicy()
    doc.facts['case.toString'] = { type: 'string' }
    doc.priority.rules.push({
      id: 'inherited',
      when: { fact: 'case.toString', operator: 'notEqual', value: 'x' },
      then: 'high',
    })
    const p = parsePolicy(doc)
    const input = { case: { category: 'inquiry' }, customer: {} }
    for (const engine of [createPolicyEngine(p), createPolicyEngine(p, { mode: 'reference' })]) {
      const d = await engine.decide(input)
      // notEqual "x" holds because case.toString is absent, not Object.prototype.toString.
      expect(d.trace[0]).toMatchObject({ rule: 'inherited' })
    }
    // An inherited function would have failed the string declaration; an own one does.
    expect(() =>
      createPolicyEngine(p).decide({ case: { category: 'inquiry', toString: () => 'x' } }),
    ).toThrow(/Expected string/)
  })

  it('rejects __proto__, constructor and prototype in fact names and paths at load time', () => {
    const cases: [string, (d: Record<string, any>) => void][] = [
      ['fact name', (d) => (d.facts['customer.__proto__.polluted'] = { type: 'string' })],
      ['fact name', (d) => (d.facts.constructor = { type: 'string' })],
      ['condition fact', (d) => (d.priority.rules[0].when.fact = 'case.__proto__')],
      [
        'condition path',
        (d) =>
          Object.assign(d.routing.rules[0].when, { fact: 'case', path: '$.constructor.prototype' }),
      ],
      [
        'bracket path',
        (d) => Object.assign(d.routing.rules[0].when, { fact: 'case', path: "$['__proto__']" }),
      ],
      [
        'event field',
        (d) =>
          (d.sla.metrics = {
            m: {
              start: [{ event: 'case.opened', where: { '__proto__.x': 1 } }],
              stop: [{ event: 'case.closed' }],
            },
          }),
      ],
    ]
    for (const [what, mutate] of cases) {
      const doc = minimalPolicy()
      mutate(doc)
      const r = safeParsePolicy(doc)
      expect(r.success, what).toBe(false)
    }
  })

  it('treats a "__proto__" key in JSON as data, and pollutes nothing', async () => {
    const text = JSON.stringify(minimalPolicy()).replace(
      '"id":"minimal"',
      '"id":"minimal","__proto__":{"polluted":true}',
    )
    const r = safeParsePolicy(text)
    expect(r.success).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const p = parsePolicy(minimalPolicy())
    const facts = JSON.parse(
      '{"case":{"category":"inquiry","__proto__":{"impact":1}},"customer":{"__proto__":{"tier":"key"}}}',
    )
    for (const engine of [createPolicyEngine(p), createPolicyEngine(p, { mode: 'reference' })]) {
      const d = await engine.decide(facts)
      expect(d.priority).toBe('low') // neither the inherited impact 1 nor tier "key" was read
    }
    expect(({} as Record<string, unknown>).impact).toBeUndefined()
  })

  it('uses a jsonpath-plus release with no open advisory (CVE-2024-21534, CVE-2025-1302: fixed in 10.3.0)', () => {
    // GHSA-pppg-cpfq-h7wr (CVE-2024-21534): RCE, fully fixed in 10.2.0 after incomplete fixes in 10.0.x–10.1.0.
    // GHSA-hw8r-x6gr-5gjp (CVE-2025-1302): RCE through the incomplete fix, fixed in 10.3.0.
    // npm audit cannot reach the advisory endpoint here, so this test holds the line instead.
    const require = createRequire(
      new URL('../../../node_modules/json-rules-engine/package.json', import.meta.url),
    )
    const path = require.resolve('jsonpath-plus/package.json')
    const { version } = JSON.parse(readFileSync(path, 'utf8')) as { version: string }
    const [major, minor] = version.split('.').map(Number) as [number, number]
    expect(major > 10 || (major === 10 && minor >= 3), `jsonpath-plus ${version}`).toBe(true)
  })

  it('runs no code: a policy is data, and no value is ever called', () => {
    const doc = minimalPolicy()
    doc.priority.rules[0].when.value = { toString: 'alert(1)' }
    expect(safeParsePolicy(doc).success).toBe(false)
    doc.priority.rules[0].when.value = 'key'
    doc.priority.rules[0].when.operator = 'function'
    expect(safeParsePolicy(doc).success).toBe(false)
  })
})
