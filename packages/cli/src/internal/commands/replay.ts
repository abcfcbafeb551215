import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { isServiceKitError, tryToMillis, type ValidationIssue } from '@servicekit/core'
import { replayLog } from '../../replay-log'
import type { ReplaySummary } from '../../replay-summary'
import type { CliIo } from '../../run-cli'
import { byPriorityOrder, toHtmlReport } from '../../to-html-report'
import { parseCommandArgs, resolvePath, usage } from '../args'
import { createPaint, type Paint, writeLines } from '../io'
import { createProgressBar } from '../progress'
import type { Command } from './index'

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const pct = (rate: number | null, digits = 1) =>
  rate === null ? '—' : `${fmt(rate * 100, digits)}%`

/** `servicekit replay`. */
export const replay: Command = {
  help: `Usage: servicekit replay <log> --mapping <mapping.json> --policy <policy.json>
                         [--compare <other-policy.json>] [--report <file.html>] [--json <file.json>]
                         [--strict] [--now <time>] [--workers <n>] [--quiet]

Replays an exported event log (CSV or JSONL, read as a stream, one case held at
a time) through the mapping, the policy and the standard service process:
conformance (how many cases the process accepts, and the most frequent
non-conforming paths), the priority and team the policy decides (and how they
compare with the log's own), time to resolve, backlog, escalations and reopen
rate, SLA attainment (by priority, team and month) from the policy's SLA clocks. Rows
of one case must be contiguous in the log.

  --mapping <file>     how the log maps to servicekit events (examples/replay/*.mapping.json;
                       format: docs/replay.md, JSON Schema: schemas/replay-mapping.schema.json)
  --policy <file>      the policy to replay under
  --compare <file>     a second policy: what would change, case by case (a what-if)
  --report <file>      write a self-contained HTML report (no network needed to open it)
  --json <file>        write the summary as JSON (the report's numbers)
  --strict             stop at the first bad row (malformed, unknown status, bad time,
                       out of order) instead of counting it and going on
  --now <time>         read the SLA clocks at this ISO-8601 time with an offset (say, when the
                       log was exported); default: each case at its last event
  --workers <n>        threads for the per-case work beside the reading one (default:
                       the machine's cores; 0: one thread)
  --quiet              no progress bar and no summary on the terminal

A progress bar (cases per second, time left) is drawn on a terminal, not in CI.
Exit codes: 0 replayed (bad rows are counted in the summary), 1 --strict stopped
at a bad row, 2 usage error, or an unreadable or invalid log, mapping or policy.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'replay',
      args,
      {
        mapping: { type: 'string' },
        policy: { type: 'string' },
        compare: { type: 'string' },
        report: { type: 'string' },
        json: { type: 'string' },
        strict: { type: 'boolean' },
        workers: { type: 'string' },
        now: { type: 'string' },
        quiet: { type: 'boolean' },
      },
      { min: 1, max: 1, names: 'the event log (servicekit replay log.csv --mapping … --policy …)' },
    )
    const hint = 'servicekit replay --help shows its usage'
    if (values.mapping === undefined) throw usage('replay: missing --mapping <mapping.json>', hint)
    if (values.policy === undefined) throw usage('replay: missing --policy <policy.json>', hint)
    let workers: number | undefined
    if (values.workers !== undefined) {
      workers = Number(values.workers)
      if (!Number.isInteger(workers) || workers < 0 || workers > 64)
        throw usage(
          `replay: --workers is a whole number from 0 to 64, not ${JSON.stringify(values.workers)}`,
          hint,
        )
    }
    let now: number | undefined
    if (values.now !== undefined) {
      now = tryToMillis(values.now)
      if (now === undefined)
        throw usage(
          `replay: --now is not a time: ${JSON.stringify(values.now)}`,
          'Give ISO-8601 with an offset, e.g. --now 2017-02-18T23:59:00Z',
        )
    }
    const path = (p: string) => resolvePath(io.cwd, p)
    for (const [what, file] of [
      ['log', positionals[0]!],
      ['mapping', values.mapping],
      ['policy', values.policy],
      ...(values.compare ? [['policy to compare', values.compare]] : []),
    ] as const)
      if (!existsSync(path(file)))
        throw usage(
          `replay: cannot read the ${what} ${file}: no such file`,
          'Check the path (relative paths start at the current directory)',
        )

    const paint = createPaint(io.stdout, io.env)
    const progress = createProgressBar(io.stderr, io.env, values.quiet === true)
    let summary: ReplaySummary
    const started = performance.now()
    try {
      summary = await replayLog({
        log: path(positionals[0]!),
        mapping: path(values.mapping),
        policy: path(values.policy),
        ...(values.compare !== undefined && { compare: path(values.compare) }),
        strict: values.strict === true,
        ...(workers !== undefined && { workers }),
        ...(now !== undefined && { now }),
        onProgress: (p) => progress.update(p),
      })
    } catch (e) {
      progress.done()
      if (isServiceKitError(e, 'REPLAY_INPUT_INVALID')) {
        writeLines(io.stderr, [`${createPaint(io.stderr, io.env)('red', 'error')} ${e.message}`])
        return 1
      }
      if (isServiceKitError(e)) {
        const issues = (e.details as { issues?: ValidationIssue[] }).issues ?? []
        writeLines(io.stderr, [
          `${createPaint(io.stderr, io.env)('red', 'error')} ${e.code}: ${e.message}`,
          ...issues
            .slice(0, 20)
            .map(
              (i) =>
                `  ${i.line === undefined ? '' : `${i.line}:${i.column} `}${i.pointer} ${i.message}`,
            ),
          ...(e.code === 'POLICY_INVALID'
            ? [`Run servicekit validate ${values.policy} for every problem`]
            : []),
        ])
        return 2
      }
      throw e
    }
    progress.done()
    const seconds = (performance.now() - started) / 1000
    const written: string[] = []
    if (values.report !== undefined) {
      write(path(values.report), toHtmlReport(summary))
      written.push(`${paint('bold', 'Report')}       ${display(io, values.report)}`)
    }
    if (values.json !== undefined) {
      write(path(values.json), `${JSON.stringify(summary, null, 2)}\n`)
      written.push(`${paint('bold', 'JSON summary')} ${display(io, values.json)}`)
    }
    if (!values.quiet) writeLines(io.stdout, [...describe(summary, paint, seconds), ...written])
    return 0
  },
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/** A written file's path as the user can open it: relative to where they are, when inside it. */
function display(io: CliIo, file: string): string {
  const abs = resolvePath(io.cwd, file)
  const rel = relative(io.cwd, abs)
  return rel.startsWith('..') ? abs : rel
}

/** The summary in a few lines, for the terminal. */
function describe(s: ReplaySummary, paint: Paint, seconds: number): string[] {
  const c = s.conformance
  const lines = [
    `${paint('bold', 'Replayed')}     ${s.input.log}: ${fmt(s.input.rows)} rows, ${fmt(s.input.cases)} cases, ${fmt(s.input.events)} events, ${s.input.from?.slice(0, 10) ?? '—'} to ${s.input.to?.slice(0, 10) ?? '—'} (${fmt(seconds, 1)} s)`,
    `${paint('bold', 'Conformance')}  ${fmt(c.conforming)} of ${fmt(c.cases)} cases (${pct(c.rate)}) follow the standard process`,
    ...c.topPaths
      .slice(0, 3)
      .map((p) =>
        paint('dim', `             ${fmt(p.cases).padStart(6)}  ${p.path}  (${p.firstRejection})`),
      ),
  ]
  const a = s.policy.observed.priority
  if (a)
    lines.push(
      `${paint('bold', 'Priority')}     the policy's equals the log's on ${fmt(a.agree)} of ${fmt(a.rows)} rows (${pct(a.rate, 2)})`,
    )
  const t = s.metrics.timeToResolve
  const r = s.metrics.reopenRate
  lines.push(
    `${paint('bold', 'Resolution')}   median ${t.p50 === null ? '—' : `${fmt(t.p50, 1)} h`}, p90 ${t.p90 === null ? '—' : `${fmt(t.p90, 1)} h`}; reopen rate ${r.value === null ? '—' : `${fmt(r.value, 2)}%`}${r.ci ? ` (95% CI ${fmt(r.ci[0], 2)}–${fmt(r.ci[1], 2)}%)` : ''}`,
  )
  const o = s.sla.overall
  const byPriority = byPriorityOrder(s, s.sla.byPriority)
    .map(([p, a]) => `${p} ${pct(a.attainment)}`)
    .join(', ')
  lines.push(
    `${paint('bold', 'SLA')}          ${pct(o.attainment)} attained (${fmt(o.achieved)} of ${fmt(o.achieved + o.breached)} clocks)${byPriority ? `; ${byPriority}` : ''}`,
  )
  if (s.compare) {
    const a = s.compare.attainment.overall
    lines.push(
      `${paint('bold', 'What if')}      under ${s.compare.policy.id}, ${fmt(s.compare.changedCases)} cases change priority, team or breached clocks; SLA ${pct(a.a)} → ${pct(a.b)}`,
    )
  }
  if (s.issues.total > 0) {
    const kinds = Object.entries(s.issues.byKind)
      .map(([k, n]) => `${fmt(n)} ${k}`)
      .join(', ')
    const first = s.issues.first[0]!
    lines.push(
      `${paint('yellow', 'Bad input')}    ${kinds}; first: line ${fmt(first.line)} ${first.message}`,
    )
  }
  return lines
}
