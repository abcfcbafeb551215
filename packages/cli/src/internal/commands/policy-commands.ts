import { isServiceKitError, type ValidationIssue } from '@servicekit/core'
import {
  createPolicyEngine,
  type Decision,
  explain as explainDecision,
  lintPolicy,
  type Policy,
  safeParsePolicy,
  testPolicy,
} from '@servicekit/policy'
import type { CliIo } from '../../run-cli'
import { parseCommandArgs, readInput, usage } from '../args'
import { createPaint, type Paint, writeLines } from '../io'
import type { Command } from './index'

const jsonOption = { json: { type: 'boolean' } } as const

/** The arguments of a command that takes one policy file and `--json`. */
function policyFileArgs(command: string, args: readonly string[]): { json: boolean; file: string } {
  const { values, positionals } = parseCommandArgs(command, args, jsonOption, {
    min: 1,
    max: 1,
    names: `the policy file (servicekit ${command} my.policy.json)`,
  })
  return { json: values.json === true, file: positionals[0]! }
}

/** `file:line:column` of an issue, as editors and terminals link it. */
function where(file: string, item: { line?: number; column?: number }): string {
  return item.line === undefined ? file : `${file}:${item.line}:${item.column ?? 1}`
}

function printIssues(
  io: CliIo,
  paint: Paint,
  file: string,
  issues: readonly ValidationIssue[],
): void {
  writeLines(
    io.stdout,
    issues.map(
      (i) =>
        `${paint('dim', where(file, i))} ${paint('red', 'error')} ${i.message}${i.pointer ? paint('dim', ` (${i.pointer})`) : ''}`,
    ),
  )
}

/** Loads a policy file: the policy, or its issues (each with line and column). */
function load(io: CliIo, file: string): { policy: Policy } | { issues: ValidationIssue[] } {
  const text = readInput(io.cwd, file, 'policy')
  const result = safeParsePolicy(text)
  if (result.success) return { policy: result.data }
  return { issues: (result.error.details as { issues: ValidationIssue[] }).issues }
}

function json(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** `servicekit validate`. */
export const validate: Command = {
  help: `Usage: servicekit validate <policy.json> [--json]

Loads a policy as the software would. Every mistake that stops it from loading
is listed with its line and column, its JSON pointer, and what to write instead.

  --json   print { file, valid, policy, issues } as JSON

Exit codes: 0 the policy is valid, 1 it is not, 2 usage error or unreadable file.`,
  async run(args, io) {
    const { json: asJson, file } = policyFileArgs('validate', args)
    const loaded = load(io, file)
    const paint = createPaint(io.stdout, io.env)
    if (asJson) {
      json(io, {
        file,
        valid: 'policy' in loaded,
        ...('policy' in loaded
          ? { policy: { id: loaded.policy.id, version: loaded.policy.version }, issues: [] }
          : { issues: loaded.issues }),
      })
    } else if ('policy' in loaded) {
      const p = loaded.policy
      writeLines(io.stdout, [
        `${paint('green', '✓')} ${file}: policy ${p.id} ${p.version} is valid (${p.priority.levels.length} priorities, ${p.sla.policies.length} SLA policies, ${p.tests.length} tests)`,
      ])
    } else {
      printIssues(io, paint, file, loaded.issues)
      writeLines(io.stdout, [
        paint(
          'red',
          `✗ ${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'}: the policy does not load`,
        ),
      ])
    }
    return 'policy' in loaded ? 0 : 1
  },
}

/** `servicekit lint`. */
export const lint: Command = {
  help: `Usage: servicekit lint <policy.json> [--json]

Everything validate finds, then what is probably not meant: undeclared or unused
facts, values a fact can never have, rules that never fire or are shadowed,
overlapping rules, priorities without an SLA target, incomplete matrices,
unused calendars, escalation triggers that never fire.

  --json   print { file, findings } as JSON

Exit codes: 0 no findings, 1 findings (errors or warnings), 2 usage error or unreadable file.`,
  async run(args, io) {
    const { json: asJson, file } = policyFileArgs('lint', args)
    const findings = lintPolicy(readInput(io.cwd, file, 'policy'))
    const paint = createPaint(io.stdout, io.env)
    if (asJson) json(io, { file, findings })
    else {
      writeLines(
        io.stdout,
        findings.map(
          (f) =>
            `${paint('dim', where(file, f))} ${f.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning')} ${f.message} ${paint('dim', `${f.code}${f.pointer ? ` ${f.pointer}` : ''}`)}`,
        ),
      )
      const errors = findings.filter((f) => f.severity === 'error').length
      writeLines(io.stdout, [
        findings.length === 0
          ? `${paint('green', '✓')} ${file}: no findings`
          : paint(
              errors > 0 ? 'red' : 'yellow',
              `${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}`,
            ),
      ])
    }
    return findings.length === 0 ? 0 : 1
  },
}

const decisionSummary = (d: Decision) => ({
  priority: d.priority,
  team: d.team,
  role: d.role ?? null,
  skills: d.skills,
  slaPolicies: d.slaPolicies.map((p) => p.id),
  escalations: d.escalations.map((e) => e.id),
})

/** `servicekit test`. */
export const test: Command = {
  help: `Usage: servicekit test <policy.json> [--json]

Runs the test cases written in the policy ("tests": [{ name, facts, expect }])
and shows every field that differs from what the test expects.

  --json   print { file, passed, failed, results } as JSON

Exit codes: 0 every test passes, 1 a test fails or the policy does not load,
2 usage error or unreadable file.`,
  async run(args, io) {
    const { json: asJson, file } = policyFileArgs('test', args)
    const paint = createPaint(io.stdout, io.env)
    const loaded = load(io, file)
    if (!('policy' in loaded)) {
      if (asJson) json(io, { file, valid: false, issues: loaded.issues })
      else printIssues(io, paint, file, loaded.issues)
      return 1
    }
    const report = testPolicy(loaded.policy)
    if (asJson) {
      json(io, {
        file,
        passed: report.passed,
        failed: report.failed,
        results: report.results.map((r) => ({
          name: r.name,
          pointer: r.pointer,
          passed: r.passed,
          mismatches: r.mismatches,
          decision: decisionSummary(r.decision),
        })),
      })
    } else {
      const lines: string[] = []
      for (const r of report.results) {
        lines.push(`${r.passed ? paint('green', '✓') : paint('red', '✗')} ${r.name}`)
        for (const m of r.mismatches)
          lines.push(
            `    ${m.field}: expected ${JSON.stringify(m.expected)}, got ${paint('red', JSON.stringify(m.actual))} ${paint('dim', r.pointer)}`,
          )
      }
      lines.push(
        report.results.length === 0
          ? paint('yellow', `${file} has no tests`)
          : paint(
              report.failed > 0 ? 'red' : 'green',
              `${report.passed} of ${report.results.length} tests passed${report.failed > 0 ? `, ${report.failed} failed` : ''}`,
            ),
      )
      writeLines(io.stdout, lines)
    }
    return report.failed > 0 ? 1 : 0
  },
}

/** Reads `--facts` / `--event`: inline JSON (starting with `{`) or a JSON file. */
function readJsonArg(io: CliIo, value: string, what: string): unknown {
  const text = value.trimStart().startsWith('{') ? value : readInput(io.cwd, value, `${what} file`)
  try {
    return JSON.parse(text)
  } catch (e) {
    throw usage(
      `--${what} is not JSON: ${(e as Error).message}`,
      `Give a file, or JSON such as --${what} '{"case":{"category":"complaint"}}'`,
    )
  }
}

/** `servicekit explain`. */
export const explain: Command = {
  help: `Usage: servicekit explain <policy.json> [--facts <file|json>] [--test <name>] [--event <file|json>] [--json]

Says in words what the policy decides for a case and why: each rule that fired,
with the value of every fact it compared. Without --facts or --test, explains
every test case written in the policy.

  --facts <file|json>   the case's facts, e.g. '{"case":{"category":"complaint"},"customer":{"tier":"key"}}'
  --test <name>         the facts (and event) of the policy's test with this name, or its number from 1
  --event <file|json>   an SLA event, e.g. '{"type":"sla.warning","metric":"resolution","threshold":75}'
  --json                print { file, explanations: [{ name, decision, text }] } as JSON

Exit codes: 0 explained, 1 the policy does not load or the facts break its
declarations, 2 usage error or unreadable file.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'explain',
      args,
      {
        ...jsonOption,
        facts: { type: 'string' },
        test: { type: 'string' },
        event: { type: 'string' },
      },
      {
        min: 1,
        max: 1,
        names: 'the policy file (servicekit explain my.policy.json --facts facts.json)',
      },
    )
    const file = positionals[0]!
    const paint = createPaint(io.stdout, io.env)
    if (values.facts !== undefined && values.test !== undefined)
      throw usage(
        'explain: give --facts or --test, not both',
        'servicekit explain --help shows its usage',
      )
    const loaded = load(io, file)
    if (!('policy' in loaded)) {
      if (values.json) json(io, { file, valid: false, issues: loaded.issues })
      else printIssues(io, paint, file, loaded.issues)
      return 1
    }
    const policy = loaded.policy
    const event = values.event === undefined ? undefined : readJsonArg(io, values.event, 'event')
    let cases: { name: string; facts: unknown; event?: unknown }[]
    if (values.facts !== undefined)
      cases = [{ name: 'facts', facts: readJsonArg(io, values.facts, 'facts') }]
    else if (values.test !== undefined) {
      const n = Number(values.test)
      const t =
        Number.isInteger(n) && n >= 1
          ? policy.tests[n - 1]
          : policy.tests.find((x) => x.name === values.test)
      if (!t)
        throw usage(
          `explain: the policy has no test ${JSON.stringify(values.test)}`,
          `Its tests: ${policy.tests.map((x, i) => `${i + 1}. ${x.name}`).join('; ') || 'none'}`,
        )
      cases = [{ name: t.name, facts: t.facts, event: t.event }]
    } else cases = policy.tests.map((t) => ({ name: t.name, facts: t.facts, event: t.event }))
    if (cases.length === 0)
      throw usage(
        'explain: the policy has no tests; give the facts',
        `servicekit explain ${file} --facts '{"case":{…}}'`,
      )

    const engine = createPolicyEngine(policy)
    const out: { name: string; decision: ReturnType<typeof decisionSummary>; text: string }[] = []
    try {
      for (const c of cases) {
        const options = (c.event ?? event) ? { event: (c.event ?? event) as never } : {}
        out.push({
          name: c.name,
          decision: decisionSummary(engine.decide(c.facts, options)),
          text: explainDecision(policy, c.facts, options),
        })
      }
    } catch (e) {
      if (!isServiceKitError(e, 'POLICY_FACTS_INVALID')) throw e
      const issues = (e.details as { issues?: ValidationIssue[] }).issues ?? []
      if (values.json) json(io, { file, error: e.toJSON() })
      else
        writeLines(io.stdout, [
          `${paint('red', 'error')} ${e.message}`,
          ...issues.map((i) => `  ${i.pointer} ${i.message}`),
        ])
      return 1
    }
    if (values.json) json(io, { file, explanations: out })
    else
      writeLines(
        io.stdout,
        out.flatMap((o, i) => [
          ...(cases.length > 1 ? [`${i > 0 ? '\n' : ''}${paint('bold', `# ${o.name}`)}`] : []),
          o.text,
        ]),
      )
    return 0
  },
}
