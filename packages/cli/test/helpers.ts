import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type CliIo, runCli } from '../src/index'

/** The repository's root, for paths in tests. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
/** A path from the repository's root. */
export const fromRoot = (...parts: string[]) => join(repoRoot, ...parts)
/** A test fixture's path. */
export const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

/** A fresh temporary directory. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'servicekit-cli-'))

/** Runs the command with captured output, as on a terminal or not. */
export async function run(
  args: string[],
  options: { cwd?: string; tty?: boolean; env?: Record<string, string | undefined> } = {},
) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false, columns: 100 },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false, columns: 100 },
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
  }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}
