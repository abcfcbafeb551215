import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { ServiceKitError } from '@servicekit/core'

/** A usage error: exit 2, with a one-line hint. */
export function usage(message: string, hint: string): ServiceKitError {
  return new ServiceKitError('CLI_USAGE', message, { details: { hint } })
}

type Options = NonNullable<ParseArgsConfig['options']>

/** The parsed options: strings and booleans by name, `undefined` when not given (and without a default). */
export type ParsedValues<TOptions extends Options> = {
  [K in keyof TOptions]: TOptions[K] extends { type: 'boolean' }
    ? boolean | undefined
    : string | undefined
}

/**
 * Parses a command's arguments with Node's `util.parseArgs` (strict): an
 * unknown option, a missing value or a wrong count of positionals is a
 * usage error naming the command's help.
 */
export function parseCommandArgs<TOptions extends Options>(
  command: string,
  args: readonly string[],
  options: TOptions,
  positionals: { min: number; max: number; names: string },
): { values: ParsedValues<TOptions>; positionals: string[] } {
  const hint = `servicekit ${command} --help shows its usage`
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: TOptions; allowPositionals: true; strict: true }>
  >
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (e) {
    const message = (e as Error).message
      .replace(/\. To specify a positional argument.*$/s, '')
      .replace(/^Unknown option '(.*)'$/, 'Unknown option $1')
    throw usage(`${command}: ${message}`, hint)
  }
  const n = parsed.positionals.length
  if (n < positionals.min) throw usage(`${command}: missing ${positionals.names}`, hint)
  if (n > positionals.max)
    throw usage(
      `${command}: unexpected argument ${JSON.stringify(parsed.positionals[positionals.max])}`,
      hint,
    )
  return {
    values: parsed.values as unknown as ParsedValues<TOptions>,
    positionals: parsed.positionals,
  }
}

/** A path resolved against the command's working directory. */
export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path)
}

/** Reads a text file, or fails with a usage error (exit 2) naming it. */
export function readInput(cwd: string, path: string, what: string): string {
  try {
    return readFileSync(resolvePath(cwd, path), 'utf8')
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message
    throw usage(
      `Cannot read the ${what} ${path}: ${reason}`,
      'Check the path (relative paths start at the current directory)',
    )
  }
}
