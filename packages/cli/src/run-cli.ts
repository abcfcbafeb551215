import { isServiceKitError, ServiceKitError } from '@servicekit/core'
import { usage } from './internal/args'
import { type Command, commands } from './internal/commands'
import { createPaint, writeLines } from './internal/io'
import { version } from './internal/version'

/** The streams and environment a run of the command uses; tests pass their own. */
export interface CliIo {
  /** Where results go (a terminal, a pipe, or a test's buffer). */
  stdout: OutputStream
  /** Where errors, hints and the progress bar go. */
  stderr: OutputStream
  env: Readonly<Record<string, string | undefined>>
  /** Relative paths are resolved against it. */
  cwd: string
}

/** An output stream: `process.stdout` or anything with `write`. */
export interface OutputStream {
  /** Writes text. */
  write(text: string): unknown
  /** Whether it is a terminal (colour and the progress bar are drawn only on one). */
  isTTY?: boolean
  /** Its width in characters, when it is a terminal. */
  columns?: number
}

/** Exit codes: 0 clean, 1 findings (an invalid policy, lint findings, failed tests), 2 usage or unreadable input. */
export type ExitCode = 0 | 1 | 2

const general = `servicekit ${version}: service policies and event-log replays

Usage: servicekit <command> [options]

Policies
  validate <policy.json>   load the policy; every mistake with its line and column
  lint <policy.json>       mistakes, and what is probably not meant
  test <policy.json>       run the test cases written in the policy
  explain <policy.json>    which rules decide a case, and why
  init [file]              write a new policy from the standard one

Process and logs
  diagram                  draw the service process (Mermaid, or SVG)
  replay <log>             replay an event log: conformance, priorities, metrics, report

Options
  -h, --help               help for servicekit or a command
  -v, --version            the version

Exit codes: 0 clean, 1 findings, 2 usage error or unreadable input.
Colour on a terminal; NO_COLOR turns it off. Guide: docs/cli.md.`

/**
 * Runs the `servicekit` command with its arguments (without `node` and the
 * script) and returns the exit code. Nothing is thrown for expected
 * failures: they are printed, and the code says what happened.
 *
 * @example
 * ```ts
 * const code = await runCli(['validate', 'my.policy.json'])
 * process.exitCode = code
 * ```
 */
export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<ExitCode> {
  const full: CliIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
  }
  const err = createPaint(full.stderr, full.env)
  const [name, ...rest] = argv
  try {
    if (name === undefined) {
      writeLines(full.stderr, [general])
      return 2
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined
      const command = topic === undefined ? undefined : commands[topic]
      writeLines(full.stdout, [command ? command.help : general])
      return 0
    }
    if (name === '--version' || name === '-v') {
      writeLines(full.stdout, [version])
      return 0
    }
    const command: Command | undefined = Object.hasOwn(commands, name) ? commands[name] : undefined
    if (!command) throw usage(`Unknown command "${name}"`, 'servicekit --help lists the commands')
    if (rest.includes('--help') || rest.includes('-h')) {
      writeLines(full.stdout, [command.help])
      return 0
    }
    return await command.run(rest, full)
  } catch (e) {
    if (isServiceKitError(e, 'CLI_USAGE')) {
      const hint = (e.details as { hint?: string }).hint
      writeLines(full.stderr, [
        `${err('red', 'error')} ${e.message}`,
        ...(hint ? [err('dim', hint)] : []),
      ])
      return 2
    }
    if (e instanceof ServiceKitError) {
      writeLines(full.stderr, [`${err('red', 'error')} ${e.code}: ${e.message}`])
      return 2
    }
    throw e
  }
}
