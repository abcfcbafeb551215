import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative, sep } from 'node:path'
import { parseCommandArgs, resolvePath, usage } from '../args'
import { createPaint, writeLines } from '../io'
import standard from '../standard-policy.json'
import type { Command } from './index'

/** The `$schema` a new policy points at: the installed policy package's schema, relative to the file. */
function schemaPath(cwd: string, file: string): string {
  let schema: string
  try {
    const pkg = createRequire(join(cwd, 'noop.js')).resolve('@servicekit/policy/package.json')
    schema = join(dirname(pkg), 'schemas', 'policy.schema.json')
  } catch {
    schema = join(cwd, 'node_modules', '@servicekit', 'policy', 'schemas', 'policy.schema.json')
  }
  const path = relative(dirname(file), schema).split(sep).join('/')
  return path.startsWith('.') ? path : `./${path}`
}

/** `servicekit init`. */
export const init: Command = {
  help: `Usage: servicekit init [file] [--force]

Writes a new policy to file (default policy.json), copied from the standard
after-sales policy: priorities, routing, service levels on a Shanghai office
calendar with the 2026 holidays, escalation and tests. Its "$schema" points at
the installed @servicekit/policy, so editors complete and check it. Its id is
the file's name. Then edit it, and run validate, lint and test.

  --force   overwrite the file if it exists

Exit codes: 0 written, 2 usage error or the file exists.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'init',
      args,
      { force: { type: 'boolean' } },
      { min: 0, max: 1, names: 'the file' },
    )
    const name = positionals[0] ?? 'policy.json'
    const file = resolvePath(io.cwd, name)
    if (existsSync(file) && !values.force)
      throw usage(`init: ${name} exists`, 'Choose another file, or overwrite it with --force')
    const id =
      basename(file)
        .replace(/(\.policy)?\.json$/i, '')
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^[^A-Za-z0-9]+/, '') || 'my-policy'
    const policy = { ...standard, $schema: schemaPath(io.cwd, file), id }
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`)
    const paint = createPaint(io.stdout, io.env)
    writeLines(io.stdout, [
      `${paint('green', '✓')} wrote ${name} (policy ${id}, from the standard after-sales policy)`,
      'Next:',
      `  servicekit validate ${name}`,
      `  servicekit lint ${name}`,
      `  servicekit test ${name}`,
      'Guide: docs/policies.md',
    ])
    return 0
  },
}
