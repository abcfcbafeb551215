import { toJsonPointer } from '@servicekit/core'
import { runLintChecks } from './internal/lint/checks'
import { checkReferences, type ReferenceProblem } from './internal/references'
import { createLocator, parseJsonText } from './internal/source-positions'
import { toPolicyIssues } from './parse-policy'
import { type Policy, parsedPolicies, policyShapeSchema } from './policy-schema'

/** How serious a lint finding is: `error`s stop the policy from loading; `warning`s do not. */
export type LintSeverity = 'error' | 'warning'

/** One problem lint found, located by JSON pointer (and line and column with the source text). */
export interface LintFinding {
  /** A stable code, e.g. `undeclared-fact`, `rule-shadowed`. */
  code: string
  severity: LintSeverity
  /** Where, as an RFC 6901 JSON pointer. */
  pointer: string
  /** What is wrong, in one readable line. */
  message: string
  /** 1-based line in the source text, when it was given. */
  line?: number
  /** 1-based column in the source text, when it was given. */
  column?: number
}

/** Options of {@link lintPolicy}. */
export interface LintOptions {
  /** The JSON text, for lines and columns (implied when the input is a string). */
  source?: string
}

/**
 * Finds what is wrong or suspicious in a policy: every load error (as
 * `error` findings), then undeclared and unused facts, values outside a
 * fact's allowed set, rules that can never fire or are shadowed under
 * `first`, overlapping rules with different outcomes under `first`,
 * priorities without an SLA target, matrices that miss allowed values,
 * unused calendars, and escalation triggers that can never fire.
 *
 * Takes a parsed {@link Policy}, the parsed JSON, or the file's text.
 * Findings come in document order.
 *
 * @example
 * ```ts
 * for (const f of lintPolicy(readFileSync('my.policy.json', 'utf8')))
 *   console.log(`${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`)
 * ```
 */
export function lintPolicy(input: unknown, options: LintOptions = {}): LintFinding[] {
  let source = options.source
  let data = input
  if (typeof input === 'string') {
    source = input
    const json = parseJsonText(input)
    if (!json.ok)
      return [
        {
          code: 'invalid-json',
          severity: 'error',
          pointer: '',
          message: json.message,
          ...json.position,
        },
      ]
    data = json.data
  }
  let policy: Policy
  let problems: ReferenceProblem[] = []
  if (parsedPolicies.has(data as Policy)) policy = data as Policy
  else {
    const shape = policyShapeSchema.safeParse(data)
    if (!shape.success)
      return toPolicyIssues(shape.error.issues, source).map((i) => ({
        code: i.code,
        severity: 'error',
        pointer: i.pointer,
        message: i.message,
        ...(i.line === undefined ? {} : { line: i.line, column: i.column }),
      }))
    policy = shape.data as Policy
    problems = checkReferences(policy)
  }
  const locate = source === undefined ? undefined : createLocator(source)
  const findings: (LintFinding & { path: (string | number)[] })[] = []
  const add = (
    severity: LintSeverity,
    code: string,
    path: (string | number)[],
    message: string,
  ) => {
    const f: LintFinding & { path: (string | number)[] } = {
      code,
      severity,
      pointer: toJsonPointer(path),
      message,
      path,
    }
    const at = locate?.(path)
    if (at) Object.assign(f, at)
    findings.push(f)
  }
  for (const pr of problems) add('error', pr.code, pr.path, pr.message)
  // Conditions with load errors cannot be evaluated; the analyses skip them.
  const broken = new Set(problems.map((pr) => toJsonPointer(pr.path)))
  runLintChecks(policy, broken, (code, path, message) => add('warning', code, path, message))
  return findings.sort((a, b) => comparePaths(policy, a.path, b.path)).map(({ path: _, ...f }) => f)
}

// Document order: by the position of each key in its object, then array index.
function comparePaths(root: unknown, a: (string | number)[], b: (string | number)[]): number {
  let node: unknown = root
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!
    const y = b[i]!
    if (x !== y) {
      if (typeof x === 'number' && typeof y === 'number') return x - y
      const keys = node && typeof node === 'object' ? Object.keys(node) : []
      return (
        (keys.indexOf(String(x)) >>> 0) - (keys.indexOf(String(y)) >>> 0) ||
        String(x).localeCompare(String(y))
      )
    }
    node =
      node && typeof node === 'object' ? (node as Record<string, unknown>)[String(x)] : undefined
  }
  return a.length - b.length
}
