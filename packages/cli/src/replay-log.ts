import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { basename, dirname, extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { ServiceKitError, type TimeInput, toMillis } from '@servicekit/core'
import { parsePolicy } from '@servicekit/policy'
import type { CaseOutcome } from './internal/analyze-case'
import type { Issue } from './internal/build-case'
import { createCaseAnalyzer, createReplayProcess } from './internal/case-analyzer'
import { compileMapping } from './internal/compile-mapping'
import { type Row, readRows } from './internal/read-rows'
import { packBatch, type WorkerAnswer, type WorkerInput } from './internal/replay-worker'
import { ReplayTally } from './internal/summarize'
import { parseReplayMapping } from './replay-mapping'
import type { ReplayIssue, ReplaySummary, SlaReport } from './replay-summary'

/** How far a replay has come, for a progress bar. */
export interface ReplayProgress {
  /** Bytes of the log read so far, and in all. */
  bytes: number
  totalBytes: number
  /** Rows and cases read so far. */
  rows: number
  cases: number
  /** Milliseconds since the replay started. */
  elapsedMs: number
}

/** Options of {@link replayLog}. */
export interface ReplayLogOptions {
  /** The event log (CSV or JSONL). */
  log: string
  /** The mapping file (JSON). */
  mapping: string
  /** The policy file (JSON). */
  policy: string
  /** Another policy file, for a what-if. */
  compare?: string
  /** Stop at the first bad row with `REPLAY_INPUT_INVALID` instead of counting it. */
  strict?: boolean
  /**
   * Worker threads for the per-case work, beside the thread that parses the
   * file; `0` does everything on one thread. Default: the machine's available
   * parallelism for logs of 8 MiB or more, none for smaller ones.
   */
  workers?: number
  /**
   * When the SLA clocks are read: a `Date`, epoch milliseconds or ISO-8601
   * with an offset (say, when the log was exported). Default: each case at
   * its last event, so an open case's clock is not counted as breached later.
   */
  now?: TimeInput
  /** Called about ten times a second while the log is read. */
  onProgress?: (progress: ReplayProgress) => void
}

const CASES_PER_BATCH = 200

/**
 * Replays an event log through a mapping, the policy and the standard
 * process, case by case, holding one case at a time: conformance, the
 * policy's decisions (and how they compare with what the log records), time
 * to resolve, reopen rate, backlog and escalations, and with `compare` a
 * what-if under another policy. Bad rows are counted with their lines and the
 * replay goes on (unless `strict`).
 *
 * @throws ServiceKitError `REPLAY_MAPPING_INVALID`, `POLICY_INVALID`,
 * `PROCESS_OPTIONS_INVALID`, and under `strict` `REPLAY_INPUT_INVALID` with
 * the row's line in `details.line`.
 * @example
 * ```ts
 * const summary = await replayLog({
 *   log: 'examples/replay/uci-incident.sample.csv',
 *   mapping: 'examples/replay/uci-incident.mapping.json',
 *   policy: 'examples/replay/uci-incident.policy.json',
 * })
 * summary.conformance.conforming // cases the standard process accepts
 * ```
 */
export async function replayLog(options: ReplayLogOptions): Promise<ReplaySummary> {
  const mapping = parseReplayMapping(readText(options.mapping, 'mapping'))
  const policyText = readText(options.policy, 'policy')
  const policy = parsePolicy(policyText)
  createReplayProcess(policy, mapping) // fails early on a ladder or calendar the process cannot take
  const compareText =
    options.compare === undefined ? undefined : readText(options.compare, 'policy')
  const compare = compareText === undefined ? undefined : parsePolicy(compareText)
  const compiled = compileMapping(mapping)
  const now = options.now === undefined ? undefined : toMillis(options.now)
  const totalBytes = statSync(options.log).size
  const tally = new ReplayTally({
    log: basename(options.log),
    mapping: basename(options.mapping),
    policy: { id: policy.id, version: policy.version, file: basename(options.policy) },
    ...(compare && {
      comparePolicy: { id: compare.id, version: compare.version, file: basename(options.compare!) },
    }),
    timeZone: compiled.timeZone,
    readAt: now === undefined ? "each case's last event" : new Date(now).toISOString(),
    priorityLevels: [...policy.priority.levels],
    escalationLevels: [
      { level: 0, id: 'level0', label: 'Not escalated' },
      ...policy.escalation.levels.map((l) => ({ level: l.level, id: l.id, label: l.label.en })),
    ],
  })
  const strict = options.strict === true
  const fatal = (issue: ReplayIssue) =>
    new ServiceKitError(
      'REPLAY_INPUT_INVALID',
      `Line ${issue.line}: ${issue.message} (${issue.kind}; --strict stops at the first bad row)`,
      { details: { ...issue } },
    )
  const addIssue = (issue: Issue | ReplayIssue) => {
    if (strict) throw fatal(issue)
    tally.addIssue(issue)
  }
  const addOutcome = (o: CaseOutcome) => {
    if (strict && o.issues.length > 0) throw fatal(o.issues.sort((a, b) => a.line - b.line)[0]!)
    tally.add(o)
  }

  const readAt = now === undefined ? "each case's last event" : new Date(now).toISOString()
  const input: WorkerInput = {
    timeZone: compiled.timeZone,
    readAt,
    ...(now !== undefined && { now }),
    mapping,
    policy: policyText,
    ...(compareText && { compare: compareText }),
  }
  const pool = createPool(input, workerCount(options.workers, totalBytes), addOutcome, (a, b) =>
    tally.addSla(a, b),
  )
  const started = performance.now()
  let bytes = 0
  let rows = 0
  let cases = 0
  let lastReport = 0
  const report = (force = false) => {
    const now = performance.now()
    if (!options.onProgress || (!force && now - lastReport < 100)) return
    lastReport = now
    options.onProgress({ bytes, totalBytes, rows, cases, elapsedMs: now - started })
  }
  const format =
    mapping.format ?? (/\.(jsonl|ndjson)$/i.test(extname(options.log)) ? 'jsonl' : 'csv')
  const seen = new Set<string>()
  let current: { id: string; rows: Row[]; skip: boolean } | undefined
  const finishCase = async () => {
    if (!current || current.skip) return
    cases++
    await pool.add(current.id, current.rows)
  }
  try {
    for await (const batch of readRows(options.log, {
      format,
      columns: compiled.columns,
      ...(mapping.csv?.delimiter && { delimiter: mapping.csv.delimiter }),
      ...(mapping.csv?.quote && { quote: mapping.csv.quote }),
      onHeader: (header) => {
        const absent = compiled.columns.filter((c) => !header.includes(c))
        if (absent.length > 0)
          throw new ServiceKitError(
            'REPLAY_MAPPING_INVALID',
            `The log has no column ${absent.map((c) => JSON.stringify(c)).join(', ')}; its columns are ${header.join(', ')}`,
            { details: { issues: [], absent, header } },
          )
      },
      onBytes: (b) => {
        bytes = b
      },
    })) {
      for (const row of batch) {
        if (row.problem !== undefined) {
          const issue: ReplayIssue = { line: row.line, kind: 'malformed-row', message: row.problem }
          if (strict) {
            // The cases before it come first: their bad rows have earlier lines.
            await finishCase()
            current = undefined
            await pool.drain()
          }
          addIssue(issue)
          continue
        }
        rows++
        const raw = row.values[compiled.caseId]
        if (raw === undefined || raw === null || raw === '') {
          addIssue({
            line: row.line,
            kind: 'missing-case-id',
            message: `${mapping.caseId} is empty`,
          })
          continue
        }
        const id = String(raw)
        if (current?.id === id) {
          if (!current.skip) current.rows.push(row)
          continue
        }
        await finishCase()
        const split = seen.has(id)
        if (split)
          addIssue({
            line: row.line,
            kind: 'split-case',
            caseId: id,
            message: `Rows of case ${id} appear again after other cases; these rows are skipped (a log must keep each case's rows together)`,
          })
        seen.add(id)
        current = { id, rows: [row], skip: split }
      }
      report()
    }
    await finishCase()
    await pool.drain()
  } finally {
    await pool.close()
  }
  report(true)
  return tally.result(rows + (tally.issueKinds.get('malformed-row') ?? 0))
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (cause) {
    throw new ServiceKitError(
      'CLI_USAGE',
      `Cannot read the ${what} file ${path}: ${(cause as Error).message}`,
      {
        details: { path },
        cause,
      },
    )
  }
}

/**
 * How to start a worker: from the built package, the worker module beside
 * this one; from TypeScript sources (tests, `npm start`), a bootstrap that
 * registers tsx first, since a worker thread does not inherit tsx's loader.
 */
function workerEntry(): { entry: URL | string; eval: boolean; execArgv?: string[] } | undefined {
  const here = import.meta.url
  if (!here.endsWith('.ts')) {
    // Node's options pass on by inheritance; given explicitly, one a worker cannot take
    // (`--max-old-space-size` for a large log, `--trace-gc`) would stop the replay.
    const file = new URL(here.endsWith('.cjs') ? './replay-worker.cjs' : './replay-worker.js', here)
    return { entry: file, eval: false }
  }
  let tsx: string
  try {
    tsx = dirname(createRequire(here).resolve('tsx/package.json'))
  } catch {
    return undefined
  }
  const api = pathToFileURL(join(tsx, 'dist/esm/api/index.mjs')).href
  const worker = new URL('./internal/replay-worker.ts', here).href
  return {
    entry: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}) })`,
    eval: true,
    execArgv: ['--conditions=@servicekit/source'],
  }
}

/** Worker threads pay off on large logs only: starting one costs about as much as reading a few MB. */
function workerCount(requested: number | undefined, bytes: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested))
  if (bytes < 8 * 2 ** 20 || workerEntry() === undefined) return 0
  return Math.min(availableParallelism(), 4)
}

interface Pool {
  add(id: string, rows: Row[]): Promise<void>
  drain(): Promise<void>
  close(): Promise<void>
}

/**
 * The per-case work: on this thread (`size` 0), or on worker threads fed in
 * batches, with the outcomes taken back in the log's order so the summary is
 * the same whatever the number of workers.
 */
function createPool(
  input: WorkerInput,
  size: number,
  take: (o: CaseOutcome) => void,
  takeSla: (a: SlaReport, b: SlaReport | undefined) => void,
): Pool {
  if (size === 0) {
    const analyze = createCaseAnalyzer(input)
    return {
      add: async (id, rows) => take(analyze(id, rows)),
      drain: async () => {},
      close: async () => {},
    }
  }
  const start = workerEntry()
  if (!start) throw new Error('Worker threads need the built package, or tsx beside the sources')
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(start.entry, {
        eval: start.eval,
        workerData: input,
        ...(start.execArgv && { execArgv: start.execArgv }),
      }),
  )
  const done = new Map<number, Extract<WorkerAnswer, { outcomes: unknown }>>()
  let failure: unknown
  let next = 0 // the next batch to take, in order
  let sent = 0
  let wake: (() => void) | undefined
  for (const w of workers) {
    w.on('message', (answer: WorkerAnswer) => {
      if ('error' in answer) {
        const { message, code, details } = answer.error
        failure ??= code
          ? new ServiceKitError(code as never, message, { details: details as never })
          : new Error(message)
      } else done.set(answer.seq, answer)
      wake?.()
    })
    w.on('error', (e) => {
      failure ??= e
      wake?.()
    })
  }
  let batch: { id: string; rows: Row[] }[] = []
  const flushTaken = () => {
    for (let answer = done.get(next); answer; answer = done.get(next)) {
      done.delete(next)
      next++
      for (const outcome of answer.outcomes) take(outcome)
      takeSla(answer.sla, answer.slaB)
    }
  }
  const wait = () =>
    new Promise<void>((resolve) => {
      wake = () => {
        wake = undefined
        resolve()
      }
    })
  const send = async () => {
    if (batch.length === 0) return
    workers[sent % workers.length]!.postMessage(packBatch(sent, batch))
    sent++
    batch = []
    // Keep at most two batches per worker in flight: memory stays flat however long the log.
    while (sent - next > workers.length * 2 && failure === undefined) {
      flushTaken()
      if (sent - next > workers.length * 2) await wait()
    }
    if (failure !== undefined) throw failure
    flushTaken()
  }
  return {
    async add(id, rows) {
      batch.push({ id, rows })
      if (batch.length >= CASES_PER_BATCH) await send()
    },
    async drain() {
      await send()
      while (next < sent && failure === undefined) {
        flushTaken()
        if (next < sent) await wait()
      }
      if (failure !== undefined) throw failure
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
