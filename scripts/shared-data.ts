// Where the public event logs live. Tests and benchmarks read them from the
// team's shared folder (../shared/data beside the repository); they are never
// copied into the repository. Resolution order:
//   1. $SERVICEKIT_DATA_DIR
//   2. <dir>/shared/data for the repository's parent and each ancestor above it
//   3. /work/shared/data (this workplace's shared folder, for clones elsewhere)
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function locate(): string | undefined {
  const fromEnv = process.env.SERVICEKIT_DATA_DIR
  if (fromEnv) return existsSync(fromEnv) ? resolve(fromEnv) : undefined
  let dir = dirname(repoRoot)
  for (;;) {
    const candidate = join(dir, 'shared', 'data')
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return existsSync('/work/shared/data') ? '/work/shared/data' : undefined
}

/** The shared data folder, or undefined when this machine has none. */
export const sharedDataDir: string | undefined = locate()

/** The three public logs, by the folder names of shared/data. */
export const sharedLogs = {
  uci: 'uci-incident-management-event-log/incident_event_log.csv',
  helpdesk: 'helpdesk-italian-software-company/finale.csv',
  volvo: 'bpic2013-volvo-it-incidents/VINST-new.csv',
} as const

/**
 * The path of a file in the shared data folder, or undefined when it is
 * missing. In CI (CI=true) a missing file throws, so that tests reading the
 * real logs can never pass by being skipped there.
 */
export function sharedDataPath(relative: string): string | undefined {
  const path = sharedDataDir ? join(sharedDataDir, relative) : undefined
  if (path && existsSync(path)) return path
  if (process.env.CI === 'true') {
    throw new Error(
      `Shared data file ${relative} not found (looked in ${sharedDataDir ?? 'no shared/data folder'}); set SERVICEKIT_DATA_DIR`,
    )
  }
  return undefined
}
