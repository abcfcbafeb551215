import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** One timed sample: how many operations ran in how many milliseconds. */
export interface Sample {
  ops: number
  ms: number
}

/**
 * Runs `batch` (which performs `opsPerBatch` operations and returns a value
 * that is kept, so the work cannot be optimised away) until `minMs` passed,
 * `samples` times, after a warm-up; returns operations per second per sample.
 */
export function opsPerSecond(
  batch: () => unknown,
  opsPerBatch: number,
  {
    samples = 7,
    minMs = 300,
    warmupMs = 300,
  }: { samples?: number; minMs?: number; warmupMs?: number } = {},
): number[] {
  let sink: unknown
  const run = (budget: number): Sample => {
    let ops = 0
    const start = performance.now()
    let elapsed = 0
    do {
      sink = batch()
      ops += opsPerBatch
      elapsed = performance.now() - start
    } while (elapsed < budget)
    return { ops, ms: elapsed }
  }
  run(warmupMs)
  const results: number[] = []
  for (let i = 0; i < samples; i++) {
    const { ops, ms } = run(minMs)
    results.push((ops / ms) * 1000)
  }
  keep(sink)
  return results
}

let kept: unknown
/** Keeps a value alive so the optimiser cannot drop the work that made it. */
export function keep(value: unknown): void {
  kept = value
}
export const _kept = () => kept

/** Formats a number with thousands separators and `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
}

/** A one-line description of the machine, for results files. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`
}

/** The short commit the benchmark ran at, with `-dirty` for uncommitted changes. */
export function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== ''
    return dirty ? `${sha}-dirty` : sha
  } catch {
    return 'unknown'
  }
}

const resultsFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'RESULTS.md')

/**
 * Replaces the section of `bench/RESULTS.md` between
 * `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` (appending it
 * when absent), so each benchmark owns its section.
 */
export function writeSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name}:start -->`
  const end = `<!-- bench:${name}:end -->`
  const block = `${start}\n${markdown.trim()}\n${end}`
  const current = readFileSync(resultsFile, 'utf8')
  const from = current.indexOf(start)
  const to = current.indexOf(end)
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`
  writeFileSync(resultsFile, next)
}
