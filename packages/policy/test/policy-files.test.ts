import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lintPolicy, parsePolicy, testPolicy, testPolicyAsync } from '../src/index'

// Every *.policy.json in the repository carries its own tests; run them all,
// as gorules/zen does for its decision files.
const root = fileURLToPath(new URL('../../..', import.meta.url))
function findPolicies(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'dist') return []
    const path = join(dir, e.name)
    if (e.isDirectory()) return findPolicies(path)
    return e.name.endsWith('.policy.json') ? [path] : []
  })
}
const files = findPolicies(root)

describe('every *.policy.json in the repository', () => {
  it('includes the two example policies', () => {
    expect(files.map((f) => relative(root, f)).sort()).toEqual(
      expect.arrayContaining([
        'examples/policies/itil-incident.policy.json',
        'examples/policies/standard-after-sales.policy.json',
      ]),
    )
  })

  describe.each(files.map((f) => [relative(root, f), f]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8')

    it('loads, and has no lint findings', () => {
      expect(lintPolicy(text)).toEqual([])
    })

    it('passes its embedded tests in both modes', async () => {
      const policy = parsePolicy(text)
      expect(policy.tests.length).toBeGreaterThan(0)
      const report = testPolicy(policy)
      expect(report.results.filter((r) => !r.passed).map((r) => [r.name, r.mismatches])).toEqual([])
      expect(report.failed).toBe(0)
      expect((await testPolicyAsync(policy, { mode: 'reference' })).failed).toBe(0)
    })
  })
})
