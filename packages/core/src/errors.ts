import { type ErrorCode, errorCodes } from './error-codes'

// A registry symbol, so that two copies of @servicekit/core in one process
// (a duplicated install, ESM beside CJS) still recognise each other's errors.
const brand: unique symbol = Symbol.for('@servicekit/core/ServiceKitError')

/** Free-form, JSON-serialisable context attached to an error. */
export type ErrorDetails = Record<string, unknown>

/** Options for {@link ServiceKitError}. */
export interface ServiceKitErrorOptions<TDetails extends ErrorDetails = ErrorDetails> {
  details?: TDetails
  cause?: unknown
}

/** The JSON form of a {@link ServiceKitError}, as `toJSON()` returns it. */
export interface ServiceKitErrorJSON {
  name: 'ServiceKitError'
  code: ErrorCode
  message: string
  details: ErrorDetails
  cause?: unknown
}

/**
 * The one error class of servicekit. Every expected failure carries a stable
 * `code` from {@link errorCodes} and structured `details`; the message is for
 * people and may change between releases.
 *
 * @example
 * ```ts
 * try {
 *   parseCase(input)
 * } catch (e) {
 *   if (isServiceKitError(e, 'CASE_INVALID')) console.log(e.details.issues)
 * }
 * ```
 */
export class ServiceKitError<
  TCode extends ErrorCode = ErrorCode,
  TDetails extends ErrorDetails = ErrorDetails,
> extends Error {
  declare readonly [brand]: true
  override readonly name = 'ServiceKitError'
  readonly code: TCode
  readonly details: TDetails

  constructor(code: TCode, message: string, options: ServiceKitErrorOptions<TDetails> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.details = options.details ?? ({} as TDetails)
    Object.defineProperty(this, brand, { value: true })
  }

  /** True for any ServiceKitError, including one made by another copy of this module. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [brand]?: unknown })[brand] === true
    )
  }

  /** A plain object for logs and HTTP responses; `cause` is included when it is itself serialisable. */
  toJSON(): ServiceKitErrorJSON {
    const json: ServiceKitErrorJSON = {
      name: 'ServiceKitError',
      code: this.code,
      message: this.message,
      details: this.details,
    }
    if (this.cause !== undefined) json.cause = serializeCause(this.cause)
    return json
  }
}

function serializeCause(cause: unknown): unknown {
  if (isServiceKitError(cause)) return cause.toJSON()
  if (cause instanceof Error) return { name: cause.name, message: cause.message }
  return cause
}

/**
 * Whether `value` is a {@link ServiceKitError}, optionally with the given code.
 * Works across duplicated copies of the package.
 *
 * @example
 * ```ts
 * const result = safeParseCase(input)
 * if (!result.success && isServiceKitError(result.error, 'CASE_INVALID')) { ... }
 * ```
 */
export function isServiceKitError<TCode extends ErrorCode>(
  value: unknown,
  code?: TCode,
): value is ServiceKitError<TCode> {
  if (!(value instanceof ServiceKitError)) return false
  return code === undefined || (value as ServiceKitError).code === code
}

/** The one-line description of an error code, from the code table. */
export function describeErrorCode(code: ErrorCode): string {
  return errorCodes[code]
}
