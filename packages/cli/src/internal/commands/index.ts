import type { CliIo, ExitCode } from '../../run-cli'
import { diagram } from './diagram'
import { init } from './init'
import { explain, lint, test, validate } from './policy-commands'
import { replay } from './replay'

/** A subcommand of `servicekit`. */
export interface Command {
  help: string
  run(args: readonly string[], io: CliIo): Promise<ExitCode>
}

/** Every subcommand, by name. */
export const commands: Record<string, Command> = {
  validate,
  lint,
  test,
  explain,
  init,
  diagram,
  replay,
}
