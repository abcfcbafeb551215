import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isServiceKitError } from '@servicekit/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ReplaySummary, replayLog } from '../src/index'
import { fixture, run, tempDir } from './helpers'

const base = {
  log: fixture('tickets.csv'),
  mapping: fixture('tickets.mapping.json'),
  policy: fixture('tickets.policy.json'),
}

/** The command line replaying the small log on one thread. */
const oneThreadArgs = [
  'replay',
  base.log,
  '--mapping',
  base.mapping,
  '--policy',
  base.policy,
  '--workers',
  '0',
]

describe('replayLog on a small log with every kind of bad row', () => {
  let summary: ReplaySummary
  beforeAll(async () => {
    summary = await replayLog({
      ...base,
      compare: fixture('tickets-what-if.policy.json'),
      workers: 0,
    })
  })

  it('counts each bad row with its line and goes on', () => {
    expect(summary.issues.byKind).toEqual({
      'bad-timestamp': 1,
      'bad-value': 1,
      'malformed-row': 1,
      'missing-case-id': 1,
      'out-of-order': 1,
      'split-case': 1,
      'unknown-status': 1,
    })
    expect(summary.issues.first.map((i) => [i.line, i.kind, i.caseId])).toEqual([
      [8, 'out-of-order', 'T2'],
      [9, 'unknown-status', 'T2'],
      [12, 'bad-timestamp', 'T3'],
      [13, 'bad-value', 'T3'],
      [16, 'split-case', 'T1'],
      [17, 'malformed-row', undefined],
      [18, 'missing-case-id', undefined],
    ])
    expect(summary.issues.first[3]!.message).toBe('impact "three" is not an integer')
    expect(summary.input).toMatchObject({
      rows: 17,
      ignoredRows: 1,
      cases: 3,
      timeZone: 'Europe/Rome',
    })
  })

  it('reads local times in the mapping’s time zone, and sorts rows by the order column', () => {
    // 9:00 in Rome on 2 March 2026 is 08:00 UTC; T2's rows come in the order 2, 1, 3, … and are sorted.
    expect(summary.input.from).toBe('2026-03-02T08:00:00.000Z')
    expect(summary.input.to).toBe('2026-03-07T10:00:00.000Z')
    expect(summary.metrics.timeToResolve.n).toBe(2)
  })

  it('runs every case through the process and names the path and refusal of each non-conforming one', () => {
    expect(summary.conformance).toMatchObject({ cases: 3, conforming: 2, rejectedEvents: 2 })
    expect(summary.conformance.topPaths).toEqual([
      {
        path: 'open → working → closed',
        cases: 1,
        firstRejection: 'resolution.confirmed in inProgress.diagnosing',
        example: {
          caseId: 'T3',
          line: 15,
          message: expect.stringMatching(
            /^resolution\.confirmed is not accepted in inProgress\.diagnosing; accepted: /,
          ),
        },
      },
    ])
    expect(summary.conformance.finalStages).toEqual({ closed: 1, inProgress: 1, resolved: 1 })
  })

  it('checks the policy’s priority against the log’s, row by row, and counts escalations', () => {
    expect(summary.policy.observed.priority).toEqual({
      rows: 14,
      agree: 13,
      rate: 13 / 14,
      mismatches: [{ observed: 'high', decided: 'critical', rows: 1 }],
    })
    expect(summary.policy.priorities).toEqual({ critical: 1, low: 1, moderate: 1 })
    expect(summary.metrics.escalations).toEqual({ '0': 2, '1': 1 })
    expect(summary.policy.escalationLevels.map((l) => l.label)).toEqual([
      'Not escalated',
      'Supervisor',
    ])
  })

  it('computes the SLA clocks with @servicekit/sla, read at each case’s last event', () => {
    // T1 (moderate, 4 h) resolved in 2 h; T2 (critical, 2 h) in 4 h; T3 (low, 8 h) never resolved.
    expect(summary.sla.readAt).toBe("each case's last event")
    expect(summary.sla.overall).toEqual({
      achieved: 1,
      breached: 1,
      running: 1,
      paused: 0,
      cancelled: 0,
      total: 3,
      attainment: 0.5,
      atRisk: 0,
    })
    expect(summary.sla.byPriority.critical).toMatchObject({ breached: 1, attainment: 0 })
    expect(summary.sla.byPriorityMonth).toMatchObject({ moderate: { '2026-03': { achieved: 1 } } })
  })

  it('gives the what-if case by case, with the change in attainment per priority and team', () => {
    const c = summary.compare!
    expect(c).toMatchObject({
      policy: { id: 'tickets-what-if', version: '1', file: 'tickets-what-if.policy.json' },
      changedCases: 1,
      priorityChanges: [{ key: 'moderate → high', cases: 1 }],
      teamChanges: [{ key: 'network → desk', cases: 1 }],
      cases: [
        {
          caseId: 'T1',
          line: 2,
          priority: ['moderate', 'high'],
          team: ['network', 'desk'],
          breached: [0, 1],
        },
      ],
    })
    // Under the what-if T1 is high, with a 1-hour target it misses.
    expect(c.attainment.overall).toEqual({
      key: 'overall',
      a: 0.5,
      b: 0,
      delta: -50,
      decided: [2, 2],
    })
    expect(c.attainment.byTeam).toEqual([
      { key: 'desk', a: 0.5, b: 0, delta: -50, decided: [2, 2] },
    ])
    expect(c.attainment.byPriority.find((p) => p.key === 'high')).toEqual({
      key: 'high',
      a: null,
      b: 0,
      delta: null,
      decided: [0, 1],
    })
  })

  it('reads every clock at one moment with now', async () => {
    const later = await replayLog({ ...base, now: '2026-03-10T00:00:00Z', workers: 0 })
    expect(later.sla.readAt).toBe('2026-03-10T00:00:00.000Z')
    expect(later.sla.overall).toMatchObject({ achieved: 1, breached: 2, running: 0 })
  })

  it('reads the same log as JSONL to the same summary', async () => {
    const dir = tempDir()
    const lines = readFileSync(base.log, 'utf8').trimEnd().split('\n')
    const header = lines[0]!.split(',')
    const jsonl = lines
      .slice(1)
      .map((l) => {
        const cells = l.split(',')
        if (cells.length !== header.length) return '{"ticket": "T4", "broken": '
        return JSON.stringify(Object.fromEntries(header.map((h, i) => [h, cells[i]])))
      })
      .join('\n')
    const log = join(dir, 'tickets.jsonl')
    // The header line of the CSV becomes a blank first line, so line numbers match.
    writeFileSync(log, `\n${jsonl}\n`)
    const fromJsonl = await replayLog({ ...base, log, workers: 0 })
    const fromCsv = await replayLog({ ...base, workers: 0 })
    const { issues: a, input: ia, ...restJsonl } = fromJsonl
    const { issues: b, input: ib, ...restCsv } = fromCsv
    expect(restJsonl).toEqual(restCsv)
    expect(a.first.map((i) => [i.line, i.kind])).toEqual(b.first.map((i) => [i.line, i.kind]))
    expect(ia.rows).toBe(ib.rows)
  })
})

describe('--strict', () => {
  it('stops at the first bad row with REPLAY_INPUT_INVALID and its line', async () => {
    const error = await replayLog({ ...base, strict: true, workers: 0 }).catch((e: unknown) => e)
    expect(isServiceKitError(error, 'REPLAY_INPUT_INVALID')).toBe(true)
    expect((error as { details: { line: number; kind: string } }).details).toMatchObject({
      line: 8,
      kind: 'out-of-order',
    })
  })

  it('exits 1 from the command; without --strict the replay exits 0', async () => {
    const args = oneThreadArgs
    const strict = await run([...args, '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toMatch(
      /^error Line 8: .* \(out-of-order; --strict stops at the first bad row\)\n$/,
    )
    const lenient = await run(args)
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toContain(
      'Bad input    1 bad-timestamp, 1 bad-value, 1 malformed-row, 1 missing-case-id, 1 out-of-order, 1 split-case, 1 unknown-status; first: line 8 ',
    )
  })
})

describe('mapping and input errors', () => {
  it('refuses a mapping that names a column the log does not have (exit 2)', async () => {
    const dir = tempDir()
    const mapping = JSON.parse(readFileSync(base.mapping, 'utf8'))
    mapping.status = 'state'
    const file = join(dir, 'm.json')
    writeFileSync(file, JSON.stringify(mapping))
    const r = await run(['replay', base.log, '--mapping', file, '--policy', base.policy])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'error REPLAY_MAPPING_INVALID: The log has no column "state"; its columns are ticket, seq, time',
    )
  })

  it('refuses an invalid policy with its line and column (exit 2)', async () => {
    const dir = tempDir()
    const file = join(dir, 'p.json')
    writeFileSync(
      file,
      readFileSync(base.policy, 'utf8').replace('"default": "low"', '"default": "lowest"'),
    )
    const r = await run(['replay', base.log, '--mapping', base.mapping, '--policy', file])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /error POLICY_INVALID: .*\n {2}\d+:\d+ \/priority\/default "lowest" is not a priority/,
    )
  })

  it('refuses a policy whose calendars the process cannot choose between, naming the fix', async () => {
    const dir = tempDir()
    const mapping = JSON.parse(readFileSync(base.mapping, 'utf8'))
    delete mapping.process.calendar
    const policy = JSON.parse(readFileSync(base.policy, 'utf8'))
    policy.calendars.office = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } }
    writeFileSync(join(dir, 'm.json'), JSON.stringify(mapping))
    writeFileSync(join(dir, 'p.json'), JSON.stringify(policy))
    const r = await run([
      'replay',
      base.log,
      '--mapping',
      join(dir, 'm.json'),
      '--policy',
      join(dir, 'p.json'),
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      "/calendars The policy has 2 calendars (24x7, office): name the one the process's deadlines run on",
    )
  })
})

describe('worker threads', () => {
  it('give the same summary as one thread', async () => {
    const one = await replayLog({ ...base, workers: 0 })
    const two = await replayLog({ ...base, workers: 2 })
    expect(two).toEqual(one)
  })
})

describe('the progress bar', () => {
  const args = oneThreadArgs
  it('is drawn on a terminal, with cases per second and the time left, then cleared', async () => {
    const r = await run(args, { tty: true })
    // \u001b[K clears the rest of the line; shown here as <EL>.
    expect(r.stderr.replaceAll('\u001b[K', '<EL>')).toMatch(
      /^(\r█+ 100% {2}3 cases {2}[\d,]+ cases\/s {2}ETA 0s<EL>)+\r<EL>$/,
    )
  })

  it('stays quiet in CI, in a pipe, and with --quiet', async () => {
    expect((await run(args, { tty: true, env: { CI: 'true' } })).stderr).toBe('')
    expect((await run(args)).stderr).toBe('')
    const quiet = await run([...args, '--quiet'], { tty: true })
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' })
  })
})
