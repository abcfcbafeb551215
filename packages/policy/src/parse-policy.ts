import {
  fail,
  ok,
  type Result,
  ServiceKitError,
  summarizeIssues,
  toJsonPointer,
  type ValidationErrorDetails,
  type ValidationIssue,
} from '@servicekit/core'
import type { z } from 'zod'
import { checkReferences } from './internal/references'
import { createLocator, parseJsonText } from './internal/source-positions'
import { finalizePolicy, type Policy, policyShapeSchema } from './policy-schema'

/** Options of {@link parsePolicy}. */
export interface ParsePolicyOptions {
  /** The JSON text the input was parsed from, so issues get a line and column. */
  source?: string
}

/**
 * Validates a policy document. Pass the file's text (a string) or the parsed
 * JSON; with the text, every issue also gets its line and column.
 *
 * Load errors include, besides the document's structure, everything a rule
 * could otherwise get wrong silently: unknown operators, undeclared facts,
 * undefined calendars, teams, roles, levels and metrics.
 *
 * @throws ServiceKitError `POLICY_INVALID` whose `details.issues` lists every
 * issue with its JSON pointer (and line and column when the text was given).
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * const policy = parsePolicy(readFileSync('standard-after-sales.policy.json', 'utf8'))
 * policy.priority.levels // ['urgent', 'high', 'medium', 'low']
 * ```
 */
export function parsePolicy(input: unknown, options: ParsePolicyOptions = {}): Policy {
  const result = safeParsePolicy(input, options)
  if (result.success) return result.data
  throw result.error
}

/**
 * {@link parsePolicy} without throwing: a `Result` whose error is a
 * `POLICY_INVALID` {@link ServiceKitError}.
 *
 * @example
 * ```ts
 * const result = safeParsePolicy('{ "id": "x" }')
 * if (!result.success) result.error.details.issues[0] // { pointer: '', line: 1, column: 1, message: … }
 * ```
 */
export function safeParsePolicy(input: unknown, options: ParsePolicyOptions = {}): Result<Policy> {
  let source = options.source
  let data = input
  if (typeof input === 'string') {
    source = input
    const json = parseJsonText(input)
    if (!json.ok) {
      const issue: ValidationIssue = {
        path: [],
        pointer: '',
        code: 'invalid_json',
        message: json.message,
        ...json.position,
      }
      return fail(invalid([issue], json.cause))
    }
    data = json.data
  }
  const parsed = policyShapeSchema.safeParse(data)
  if (!parsed.success)
    return fail(invalid(toPolicyIssues(parsed.error.issues, source), parsed.error))
  const policy = parsed.data as Policy
  const problems = checkReferences(policy)
  if (problems.length === 0) return ok(finalizePolicy(policy))
  const locate = source === undefined ? undefined : createLocator(source)
  const issues = problems.map((pr): ValidationIssue => {
    const issue: ValidationIssue = {
      path: pr.path,
      pointer: toJsonPointer(pr.path),
      code: pr.code,
      message: pr.message,
    }
    const at = locate?.(pr.path)
    return at ? { ...issue, ...at } : issue
  })
  return fail(invalid(issues, undefined))
}

/** Converts zod issues to validation issues: one per unknown key, custom codes kept, positions added. */
export function toPolicyIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  source?: string,
): ValidationIssue[] {
  const locate = source === undefined ? undefined : createLocator(source)
  const out: ValidationIssue[] = []
  const push = (path: (string | number)[], code: string, message: string, atKey = false) => {
    const issue: ValidationIssue = { path, pointer: toJsonPointer(path), code, message }
    const position = locate?.(path, atKey)
    if (position) Object.assign(issue, position)
    out.push(issue)
  }
  for (const z of flattenUnions(zodIssues, [])) {
    const path = z.path.map((k) => (typeof k === 'number' ? k : String(k)))
    if (z.code === 'unrecognized_keys') {
      for (const key of z.keys)
        push([...path, key], 'unrecognized_key', `Unknown key "${key}"`, true)
    } else if (z.code === 'custom' && typeof z.params?.code === 'string') {
      push(path, z.params.code, z.message)
    } else {
      push(path, z.code, z.message)
    }
  }
  return out
}

/**
 * Replaces each union failure by the issues of the branch the input was most
 * likely meant for (the one whose failures are fewest, ignoring branches of
 * another type altogether), and each record-key failure by its key's issues.
 */
function flattenUnions(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[],
): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = []
  for (const issue of issues) {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const depth = issue.path.length
      const wrongType = (branch: z.core.$ZodIssue[]) =>
        branch.every((i) => i.code === 'invalid_type' && i.path.length === 0)
      const candidates = issue.errors.filter((b) => !wrongType(b))
      const pool = candidates.length ? candidates : issue.errors
      const best = pool.reduce((a, b) => (b.length < a.length ? b : a))
      if (candidates.length === 0 && depth >= 0) out.push({ ...issue, path } as z.core.$ZodIssue)
      else out.push(...flattenUnions(best, path))
    } else if (issue.code === 'invalid_key') {
      for (const inner of issue.issues) out.push({ ...inner, path } as z.core.$ZodIssue)
    } else out.push({ ...issue, path } as z.core.$ZodIssue)
  }
  return out
}

function invalid(issues: ValidationIssue[], cause: unknown): ServiceKitError {
  return new ServiceKitError<'POLICY_INVALID', ValidationErrorDetails>(
    'POLICY_INVALID',
    summarizeIssues('policy', issues),
    { details: { issues }, cause },
  )
}
