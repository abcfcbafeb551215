import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parsePolicy } from '@servicekit/policy'
import { createServiceProcess, processOptionsFromPolicy, toMermaid } from '@servicekit/process'
import { describe, expect, it } from 'vitest'
import { type ReplaySummary, replayLog } from '../src/index'
import { fromRoot, run, tempDir } from './helpers'

const exec = promisify(execFile)
const bin = fromRoot('packages/cli/dist/bin.js')
const built = existsSync(bin)

describe('servicekit diagram', () => {
  it('draws the standard process, and a policy’s ladder, in Mermaid, in English or Chinese', async () => {
    const standard = await run(['diagram'])
    expect(standard.code).toBe(0)
    expect(standard.stdout.trimEnd()).toBe(toMermaid(createServiceProcess()).trimEnd())
    const policy = 'examples/policies/itil-incident.policy.json'
    const zh = await run([
      'diagram',
      '--policy',
      policy,
      '--calendar',
      'officeHours',
      '--locale',
      'zh-CN',
    ])
    const expected = toMermaid(
      createServiceProcess(
        processOptionsFromPolicy(parsePolicy(readFileSync(fromRoot(policy), 'utf8')), {
          calendar: 'officeHours',
        }),
      ),
      { locale: 'zh-CN' },
    )
    expect(zh.stdout.trimEnd()).toBe(expected.trimEnd())
    expect(zh.stdout).toContain('state "事件经理" as escalation_incident-manager')
    const ambiguous = await run(['diagram', '--policy', policy])
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toContain('name the one the process')
  })

  it('renders SVG in headless Chromium from the local mermaid, into a file', async () => {
    const file = join(tempDir(), 'process.svg')
    const r = await run(['diagram', '--format', 'svg', '--output', file])
    expect(r.code).toBe(0)
    const svg = readFileSync(file, 'utf8')
    expect(svg.startsWith('<svg')).toBe(true)
    for (const label of ['Diagnosing', 'Waiting on third party', 'Supervisor'])
      expect(svg).toContain(label)
  }, 60_000)

  it('says what SVG needs when the browser is missing (exit 2)', async () => {
    const r = await run(['diagram', '--format', 'svg', '--chromium', '/nowhere/chromium'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^error diagram --format svg: no browser at \/nowhere\/chromium\nSVG needs a Chromium/,
    )
  })
})

// The built command, as `npx servicekit` runs it after `npm run build` (CI builds first).
describe.skipIf(!built && process.env.CI !== 'true')(
  'the built bin (skipped only before a local build)',
  () => {
    it('prints its version and validates a policy', async () => {
      const pkg = JSON.parse(readFileSync(fromRoot('packages/cli/package.json'), 'utf8'))
      expect((await exec('node', [bin, '--version'])).stdout).toBe(`${pkg.version}\n`)
      const { stdout } = await exec(
        'node',
        [bin, 'validate', 'examples/replay/uci-incident.policy.json'],
        {
          cwd: fromRoot(),
        },
      )
      expect(stdout).toContain('policy uci-incident 2016.1 is valid')
    })

    it('replays with its worker threads to the same summary as the sources on one thread', async () => {
      const dir = tempDir()
      const args = [
        'replay',
        'examples/replay/uci-incident.sample.csv',
        '--mapping',
        'examples/replay/uci-incident.mapping.json',
        '--policy',
        'examples/replay/uci-incident.policy.json',
        '--workers',
        '2',
        '--json',
        join(dir, 'summary.json'),
        '--quiet',
      ]
      // With a Node option a worker thread cannot be given (a larger heap, for a large log).
      await exec('node', ['--max-old-space-size=2048', bin, ...args], { cwd: fromRoot() })
      const fromBin = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as ReplaySummary
      const fromSource = await replayLog({
        log: fromRoot('examples/replay/uci-incident.sample.csv'),
        mapping: fromRoot('examples/replay/uci-incident.mapping.json'),
        policy: fromRoot('examples/replay/uci-incident.policy.json'),
        workers: 0,
      })
      expect(fromBin).toEqual(JSON.parse(JSON.stringify(fromSource)))
    }, 60_000)
  },
)
