import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parsePolicy, testPolicy } from '@servicekit/policy'
import { describe, expect, it } from 'vitest'
import { fromRoot, run, tempDir } from './helpers'

const itil = 'examples/policies/itil-incident.policy.json'
const uci = 'examples/replay/uci-incident.policy.json'

/** The UCI policy with two mistakes a policy author makes: a misspelled type and an unknown priority. */
function brokenPolicy(): string {
  const dir = tempDir()
  const text = readFileSync(fromRoot(uci), 'utf8')
    .replace(
      '"type": "integer",\n      "required": true,\n      "values": [1, 2, 3],\n      "description": "1 - High, 2 - Medium, 3 - Low."\n    },\n    "case.urgency"',
      '"type": "int",\n      "required": true,\n      "values": [1, 2, 3],\n      "description": "1 - High, 2 - Medium, 3 - Low."\n    },\n    "case.urgency"',
    )
    .replace('"default": "low"', '"default": "lowest"')
  const file = join(dir, 'broken.policy.json')
  writeFileSync(file, text)
  return file
}

describe('servicekit validate', () => {
  it('says a valid policy is valid, with exit code 0', async () => {
    const r = await run(['validate', itil])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(
      `✓ ${itil}: policy itil-incident 2026.1 is valid (5 priorities, 2 SLA policies, 13 tests)\n`,
    )
  })

  it('gives every mistake with the line and column a policy author can act on, exit code 1', async () => {
    const file = brokenPolicy()
    const r = await run(['validate', file])
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n')).toEqual([
      `${file}:12:15 error Invalid option: expected one of "string"|"number"|"integer"|"boolean"|"array" (/facts/case.impact/type)`,
      `${file}:53:16 error "lowest" is not a priority; levels are critical, high, moderate, low (/priority/default)`,
      '✗ 2 problems: the policy does not load',
      '',
    ])
    const json = JSON.parse((await run(['validate', file, '--json'])).stdout)
    expect(json).toMatchObject({
      valid: false,
      issues: [
        { line: 12, column: 15 },
        { line: 53, column: 16 },
      ],
    })
  })

  it('reports JSON that does not parse at its line and column', async () => {
    const file = join(tempDir(), 'p.json')
    writeFileSync(file, '{\n  "id": "x",\n  "version": 1,,\n}')
    const r = await run(['validate', file])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(new RegExp(`^${file}:3:\\d+ error `))
  })

  it('colours on a terminal, not when NO_COLOR is set or output is piped', async () => {
    const tty = await run(['validate', itil], { tty: true })
    expect(tty.stdout).toContain('\u001b[32m✓\u001b[39m')
    const noColor = await run(['validate', itil], { tty: true, env: { NO_COLOR: '1' } })
    expect(noColor.stdout).not.toContain('\u001b[')
    expect((await run(['validate', itil])).stdout).not.toContain('\u001b[')
  })
})

describe('usage errors: exit code 2 with a one-line hint', () => {
  it.each([
    [
      ['validate'],
      'error validate: missing the policy file (servicekit validate my.policy.json)',
      'servicekit validate --help shows its usage',
    ],
    [
      ['validate', itil, '--frobnicate'],
      'error validate: Unknown option --frobnicate',
      'servicekit validate --help shows its usage',
    ],
    [
      ['lint', itil, 'extra.json'],
      'error lint: unexpected argument "extra.json"',
      'servicekit lint --help shows its usage',
    ],
    [
      ['replay', 'log.csv', '--policy', uci],
      'error replay: missing --mapping <mapping.json>',
      'servicekit replay --help shows its usage',
    ],
    [
      ['replay', 'log.csv', '--mapping'],
      "error replay: Option '--mapping <value>' argument missing",
      'servicekit replay --help shows its usage',
    ],
    [
      ['diagram', '--format', 'png'],
      'error diagram: --format is mermaid or svg, not "png"',
      'servicekit diagram --help shows its usage',
    ],
    [['frobnicate'], 'error Unknown command "frobnicate"', 'servicekit --help lists the commands'],
    [
      ['validate', 'missing.json'],
      'error Cannot read the policy missing.json: no such file',
      'Check the path (relative paths start at the current directory)',
    ],
  ])('%j', async (args, message, hint) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`${message}\n${hint}\n`)
  })

  it('prints the overview without a command (exit 2) and with --help (exit 0)', async () => {
    const none = await run([])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Usage: servicekit <command> [options]')
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    for (const c of ['validate', 'lint', 'test', 'explain', 'init', 'diagram', 'replay'])
      expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'))
  })

  it('has --help for every command', async () => {
    for (const c of ['validate', 'lint', 'test', 'explain', 'init', 'diagram', 'replay']) {
      const r = await run([c, '--help'])
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(new RegExp(`^Usage: servicekit ${c}`))
      expect(r.stdout).toContain('Exit codes:')
    }
    expect((await run(['diagram', '--help'])).stdout).toContain(
      'SVG needs a Chromium or Chrome binary',
    )
  })
})

describe('servicekit lint and test', () => {
  it('lints the example policies clean, and reports findings with exit code 1', async () => {
    expect(await run(['lint', uci])).toMatchObject({ code: 0, stdout: `✓ ${uci}: no findings\n` })
    const file = join(tempDir(), 'unused.policy.json')
    const policy = JSON.parse(readFileSync(fromRoot(uci), 'utf8'))
    policy.facts['case.channel'] = { type: 'string' }
    writeFileSync(file, JSON.stringify(policy, null, 2))
    const r = await run(['lint', file, '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).findings).toEqual([
      expect.objectContaining({
        code: 'fact-unused',
        severity: 'warning',
        pointer: '/facts/case.channel',
      }),
    ])
  })

  it('runs the embedded tests; a failing one shows the field that differs, exit code 1', async () => {
    const ok = await run(['test', uci])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('✓ (3, 3) is 4 - Low, not 5 - Planning as in the stock matrix')
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('8 of 8 tests passed')
    const file = join(tempDir(), 'failing.policy.json')
    const policy = JSON.parse(readFileSync(fromRoot(uci), 'utf8'))
    policy.tests[0].expect.priority = 'high'
    writeFileSync(file, JSON.stringify(policy, null, 2))
    const bad = await run(['test', file])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain(
      '✗ (1, 1) is 1 - Critical\n    priority: expected "high", got "critical" /tests/0\n',
    )
    expect(bad.stdout.trim().split('\n').at(-1)).toBe('7 of 8 tests passed, 1 failed')
  })
})

describe('servicekit explain', () => {
  it('explains given facts, an embedded test, or every test', async () => {
    const facts = await run(['explain', uci, '--facts', '{"case":{"impact":3,"urgency":1}}'])
    expect(facts.code).toBe(0)
    expect(facts.stdout).toContain('✓ matrix: case.impact is 3 and case.urgency is 1 → moderate')
    const one = await run(['explain', uci, '--test', '(1, 1) is 1 - Critical', '--json'])
    expect(JSON.parse(one.stdout).explanations[0].decision).toMatchObject({
      priority: 'critical',
      team: 'serviceDesk',
    })
    const all = await run(['explain', uci])
    expect(all.stdout.match(/^# /gm)).toHaveLength(8)
  })

  it('refuses facts outside the declarations with exit code 1', async () => {
    const r = await run(['explain', uci, '--facts', '{"case":{"impact":5,"urgency":1}}'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('/case/impact 5 is not allowed; allowed: 1, 2, 3')
  })
})

describe('servicekit init', () => {
  it('writes the standard policy with a $schema, which validates and passes its tests', async () => {
    const dir = tempDir()
    const r = await run(['init', 'desk/complaints.policy.json'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('wrote desk/complaints.policy.json (policy complaints')
    const text = readFileSync(join(dir, 'desk/complaints.policy.json'), 'utf8')
    const policy = parsePolicy(text)
    expect(policy.id).toBe('complaints')
    expect(policy.$schema).toMatch(
      /node_modules\/@servicekit\/policy\/schemas\/policy\.schema\.json$/,
    )
    expect(testPolicy(policy).failed).toBe(0)
    expect((await run(['validate', 'desk/complaints.policy.json'], { cwd: dir })).code).toBe(0)
    const again = await run(['init', 'desk/complaints.policy.json'], { cwd: dir })
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining('exists') })
    expect((await run(['init', 'desk/complaints.policy.json', '--force'], { cwd: dir })).code).toBe(
      0,
    )
  })

  it('starts from the standard after-sales policy of examples/policies (kept in step by this test)', () => {
    const example = JSON.parse(
      readFileSync(fromRoot('examples/policies/standard-after-sales.policy.json'), 'utf8'),
    )
    const shipped = JSON.parse(
      readFileSync(fromRoot('packages/cli/src/internal/standard-policy.json'), 'utf8'),
    )
    expect(shipped).toEqual(example)
  })
})
