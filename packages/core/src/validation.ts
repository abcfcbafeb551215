import type { z } from 'zod'
import type { ErrorCode } from './error-codes'
import { ServiceKitError } from './errors'
import { fail, ok, type Result } from './result'

/** One validation failure, located by path and by RFC 6901 JSON pointer. */
export interface ValidationIssue {
  /** Keys and indexes from the root of the input to the failing value. */
  path: (string | number)[]
  /** The same path as a JSON pointer, e.g. `/customer/contacts/0/value`; `''` is the root. */
  pointer: string
  /** The zod issue code (`invalid_type`, `too_small`, `custom`, …). */
  code: string
  /** What is wrong, in one readable line. */
  message: string
  /** 1-based line in the source text, when the caller supplied it. */
  line?: number
  /** 1-based column in the source text, when the caller supplied it. */
  column?: number
}

/** The `details` of a validation error: every issue, not only the first. */
export interface ValidationErrorDetails {
  [key: string]: unknown
  issues: ValidationIssue[]
}

/**
 * Formats a path as an RFC 6901 JSON pointer.
 *
 * @example
 * ```ts
 * toJsonPointer(['week', 'mon', 0]) // '/week/mon/0'
 * ```
 */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

/** Converts zod issues to {@link ValidationIssue}s, keeping zod's codes and messages. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)))
    return { path, pointer: toJsonPointer(path), code: issue.code, message: issue.message }
  })
}

/** Builds the one-line message of a validation error from its issues. */
export function summarizeIssues(subject: string, issues: readonly ValidationIssue[]): string {
  const [first] = issues
  if (!first) return `Invalid ${subject}.`
  const where = first.pointer === '' ? '(root)' : first.pointer
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : ''
  return `Invalid ${subject} at ${where}: ${first.message}${more}`
}

/** A throwing parser and its `safe` twin, made by {@link createParser}. */
export interface Parser<TOutput> {
  /** Returns the parsed value or throws a {@link ServiceKitError}. */
  parse(input: unknown): TOutput
  /** Returns a {@link Result} instead of throwing. */
  safeParse(input: unknown): Result<TOutput>
}

/**
 * Makes a parse/safeParse pair from a zod schema. Failures become a
 * {@link ServiceKitError} with the given code and every issue in
 * `details.issues`.
 *
 * @example
 * ```ts
 * const dealer = createParser(z.object({ code: z.string() }), 'CASE_INVALID', 'dealer')
 * dealer.safeParse({}) // { success: false, error: ServiceKitError CASE_INVALID }
 * ```
 */
export function createParser<TSchema extends z.ZodType>(
  schema: TSchema,
  code: ErrorCode,
  subject: string,
): Parser<z.output<TSchema>> {
  const safeParse = (input: unknown): Result<z.output<TSchema>> => {
    const result = schema.safeParse(input)
    if (result.success) return ok(result.data)
    const issues = toValidationIssues(result.error.issues)
    return fail(
      new ServiceKitError<ErrorCode, ValidationErrorDetails>(
        code,
        summarizeIssues(subject, issues),
        {
          details: { issues },
          cause: result.error,
        },
      ),
    )
  }
  return {
    safeParse,
    parse(input) {
      const result = safeParse(input)
      if (result.success) return result.data
      throw result.error
    },
  }
}
