// Runs every benchmark (or those named on the command line) in its own Node
// process, so that one benchmark's heap and JIT state cannot colour another's.
// Each benchmark is bench/<name>/run.ts and writes its own section of
// bench/RESULTS.md. Usage: npm run bench [-- <name> ...]
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const all = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'run.ts')))
  .map((d) => d.name)
  .sort()
const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !all.includes(name))
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Available: ${all.join(', ') || '(none)'}`,
  )
  process.exit(2)
}
const selected = wanted.length > 0 ? wanted : all
if (selected.length === 0) console.log('No benchmarks are defined yet (bench/<name>/run.ts).')
let failed = 0
for (const name of selected) {
  console.log(`\n▶ bench/${name}`)
  const tsx = join(here, '..', 'node_modules', '.bin', 'tsx')
  const result = spawnSync(tsx, ['--expose-gc', join(here, name, 'run.ts')], { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`bench/${name} failed with exit code ${result.status}`)
    failed++
  }
}
process.exit(failed > 0 ? 1 : 0)
