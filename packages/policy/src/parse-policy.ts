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
import { createLocator, findSyntaxError } from './internal/source-positions'
import { type Policy, policySchema } from './policy-schema'

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
    try {
      data = JSON.parse(input)
    } catch (cause) {
      const syntax = findSyntaxError(input)
      const issue: ValidationIssue = {
        path: [],
        pointer: '',
        code: 'invalid_json',
        message: syntax?.message ?? `JSON syntax error: ${(cause as Error).message}`,
        ...syntax?.position,
      }
      return fail(invalid([issue], cause))
    }
  }
  const parsed = policySchema.safeParse(data)
  if (parsed.success) return ok(parsed.data)
  return fail(invalid(toPolicyIssues(parsed.error.issues, source), parsed.error))
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
  for (const z of zodIssues) {
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

function invalid(issues: ValidationIssue[], cause: unknown): ServiceKitError {
  return new ServiceKitError<'POLICY_INVALID', ValidationErrorDetails>(
    'POLICY_INVALID',
    summarizeIssues('policy', issues),
    { details: { issues }, cause },
  )
}
