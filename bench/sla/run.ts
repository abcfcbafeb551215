// bench/sla: computeSla over 100,000 seeded after-sales cases of 11 events
// each under the standard after-sales policy (4 SLA clocks a case on two
// calendars: 24×7 and the Shanghai office with its lunch break and the 2026
// holidays), and the per-event path a desk takes (advanceSla one event at a
// time, then the clocks and their deadlines).
//
// Peer: no npm package computes SLA clocks from a case's history (the npm
// index has SLA timers only inside applications and help-desk clients), so
// the context is the naive baseline: the same four clocks computed by
// stepping through the history minute by minute and asking the calendar
// whether each minute is open. Both must give the same elapsed times and
// statuses on the cases the baseline runs (checked before timing).
//
// computeSla is judged on one core: 5 processes started with --compute-only, one after another,
// each pinned to one core with taskset where it exists, and the median of their medians.
//
// Run: npm run build && npx tsx --expose-gc bench/sla/run.ts
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { type Calendar, createCalendar } from '@servicekit/calendar'
import type { CaseEvent } from '@servicekit/core'
import { createPolicyEngine, parsePolicy } from '@servicekit/policy'
import { advanceSla, computeSla, nextDeadlines, type SlaClock, toSlaClocks } from '@servicekit/sla'
import { commit, fmt, keep, machine, median, writeSection } from '../lib/measure'
import { createHistories, nowOf } from './workload'

const N = 100_000
/** Run as one of the extra processes that only time computeSla. */
const computeOnly = process.argv.includes('--compute-only')
const BASELINE = 2_000
const MIN = 60_000
const policy = parsePolicy(
  readFileSync(
    new URL('../../examples/policies/standard-after-sales.policy.json', import.meta.url),
    'utf8',
  ),
)
const histories = createHistories(N, createPolicyEngine(policy))
const nows = histories.map(nowOf)
const events = histories.reduce((n, h) => n + h.length, 0)

// The naive baseline: minute stepping over each case, for its four metrics.
const calendars: Record<string, Calendar> = Object.fromEntries(
  Object.entries(policy.calendars).map(([k, d]) => [k, createCalendar(d)]),
)
const objective = (sla: string, metric: string) =>
  policy.sla.policies.find((p) => p.id === sla)!.metrics[metric]!
const at = (e: CaseEvent) => e.at.getTime()
const first = (h: CaseEvent[], ...types: string[]) => h.find((e) => types.includes(e.type))

interface Naive {
  metric: string
  elapsedMs: number
  status: 'running' | 'achieved' | 'breached'
}
function naive(h: CaseEvent[], now: number): Naive[] {
  const priority = h.find((e) => e.type === 'case.triaged')!
  const level = (priority as CaseEvent & { priority: string }).priority
  const waits = h.filter((e) => e.type === 'case.waiting').map(at)
  const resumes = h.filter((e) => e.type === 'case.resumed').map(at)
  const waiting = (m: number) => waits.some((w, i) => m >= w && m < (resumes[i] ?? Infinity))
  // Count the open minutes of [from, to) that are not paused, one by one.
  const count = (cal: Calendar, from: number, to: number, paused: (m: number) => boolean) => {
    let ms = 0
    for (let m = from; m < to; m += MIN) if (cal.isOpen(m) && !paused(m)) ms += MIN
    return ms
  }
  const clock = (
    metric: string,
    sla: string,
    from: number,
    stop: number | undefined,
    paused: (m: number) => boolean,
  ): Naive => {
    const o = objective(sla, metric)
    const target = o.targets[level]!
    const elapsedMs = count(calendars[o.calendar]!, from, stop ?? now, paused)
    const targetMs =
      target.kind === 'time' ? target.ms : businessDaysMs(calendars[o.calendar]!, from, target.days)
    return {
      metric,
      elapsedMs,
      status: elapsedMs > targetMs ? 'breached' : stop === undefined ? 'running' : 'achieved',
    }
  }
  const opened = at(h[0]!)
  const replied = first(h, 'agent.replied', 'case.resolved')
  const resolved = first(h, 'case.resolved')
  const started = first(h, 'execution.started') as CaseEvent & { plannedAt: Date }
  const arrived = first(h, 'execution.step')!
  const confirmed = first(h, 'resolution.confirmed')!
  const visit = count(calendars.allDay!, at(started), at(arrived), () => false)
  return [
    clock('firstResponse', 'sla-after-sales', opened, replied && at(replied), waiting),
    clock('resolution', 'sla-after-sales', opened, resolved && at(resolved), waiting),
    {
      metric: 'onsiteArrival',
      elapsedMs: visit,
      status: at(arrived) > started.plannedAt.getTime() ? 'breached' : 'achieved',
    },
    clock('followUp', 'sla-follow-up', at(confirmed), undefined, () => false),
  ]
}
// "n working days" stepped day by day: the same local time on the n-th working day after the next opening.
function businessDaysMs(cal: Calendar, from: number, days: number): number {
  let start = from
  while (!cal.isOpen(start)) start += MIN
  let end = start
  for (let d = 0; d < days; ) {
    end += 24 * 60 * MIN
    const dayStart = end - ((end - start) % (24 * 60 * MIN))
    if (calOpenOn(cal, dayStart)) d++
  }
  while (!cal.isOpen(end)) end += MIN
  let ms = 0
  for (let m = from; m < end; m += MIN) if (cal.isOpen(m)) ms += MIN
  return ms
}
const calOpenOn = (cal: Calendar, dayAt: number) => {
  // Any open minute on the local day of `dayAt` (Shanghai: UTC+8 all year).
  const local = Math.floor((dayAt + 8 * 60 * MIN) / (24 * 60 * MIN)) * 24 * 60 * MIN - 8 * 60 * MIN
  for (let m = local; m < local + 24 * 60 * MIN; m += 30 * MIN) if (cal.isOpen(m)) return true
  return false
}

// Same answers, first (once: not again in the processes that only time computeSla).
let disagreements = 0
for (let i = 0; i < (computeOnly ? 0 : BASELINE); i++) {
  const ours = computeSla(histories[i]!, policy, { now: nows[i]! })
  const theirs = naive(histories[i]!, nows[i]!)
  if (ours.length !== 4) throw new Error(`case ${i}: ${ours.length} clocks`)
  for (const t of theirs) {
    const o = ours.find((c) => c.metric === t.metric)!
    if (o.elapsedMs !== t.elapsedMs || o.status !== t.status) {
      disagreements++
      if (disagreements < 5)
        console.error('disagree', i, t, { elapsedMs: o.elapsedMs, status: o.status })
    }
  }
}
if (disagreements > 0) throw new Error(`${disagreements} clocks differ from the baseline`)

const gc = (globalThis as { gc?: () => void }).gc
gc?.()
const all = (f: (i: number) => unknown, count: number) => () => {
  let sink: unknown
  for (let i = 0; i < count; i++) sink = f(i)
  return sink
}
// The machine is shared, so each sample is also timed in this process's CPU
// time: the rate one core gives when it is not taken away by other work.
interface Rates {
  wall: number[]
  cpu: number[]
}
function measure(batch: () => unknown, ops: number, samples: number, warmups: number): Rates {
  const wall: number[] = []
  const cpu: number[] = []
  for (let k = -warmups; k < samples; k++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    keep(batch())
    const ms = performance.now() - t0
    const c = process.cpuUsage(c0)
    if (k < 0) continue
    wall.push((ops / ms) * 1000)
    cpu.push(ops / ((c.user + c.system) / 1e6))
  }
  return { wall, cpu }
}
const computeAll = all((i) => computeSla(histories[i]!, policy, { now: nows[i]! }), N)
// A fresh process only times computeSla and reports its medians (see PROCESSES below).
if (computeOnly) {
  const r = measure(computeAll, N, 7, 2)
  console.log(JSON.stringify({ wall: median(r.wall), cpu: median(r.cpu) }))
  process.exit(0)
}
const load = os.loadavg()[0]!
// In this process V8 may use the second core too: it compiles and collects garbage on helper
// threads, and their time (waiting for each other included) is counted in this process's CPU
// time. Shown for context; the target is judged on one core, below.
const compute = measure(computeAll, N, 7, 2)
// On one core: fresh processes pinned to one core with taskset (Linux), one after another, each
// timing computeSla alone; the target is judged on the median of their medians. Observed on
// 2026-11-22 (commit 5e70d97, 2 cores): unpinned, one process's median moved between about
// 170,000 and 235,000 from run to run, most of the difference in the threads V8 runs beside the
// code (with V8's --single-threaded it held at 226,000-235,000); pinned, within a few per cent.
const PROCESSES = 5
// The last core this process may run on (a cpuset can exclude some), or none: then unpinned.
const core = (() => {
  for (let k = os.cpus().length - 1; k >= 0; k--) {
    try {
      execFileSync('taskset', ['-c', String(k), 'true'], { stdio: 'ignore' })
      return k
    } catch {}
  }
  return -1
})()
const pinned = core >= 0
const perProcess: { wall: number; cpu: number }[] = []
for (let k = 0; k < PROCESSES; k++) {
  const node = [
    process.execPath,
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--compute-only',
  ]
  const [command, ...args] = pinned ? ['taskset', '-c', String(core), ...node] : node
  const out = execFileSync(command!, args, { encoding: 'utf8' })
  perProcess.push(JSON.parse(out.trim().split('\n').at(-1)!))
}
// The desk: each event advances the stored state, then the clocks and the timers to schedule.
const deskCases = 10_000
const desk = measure(
  all((i) => {
    const h = histories[i]!
    let state = advanceSla(undefined, h.slice(0, 1), policy)
    let timers = nextDeadlines(toSlaClocks(state, policy, { now: h[0]!.at }))
    for (let k = 1; k < h.length; k++) {
      state = advanceSla(state, [h[k]!], policy)
      timers = nextDeadlines(toSlaClocks(state, policy, { now: h[k]!.at }))
    }
    return timers
  }, deskCases),
  events * (deskCases / N),
  7,
  2,
)
const baseline = measure(
  all((i) => naive(histories[i]!, nows[i]!), 200),
  200,
  5,
  1,
)

const perCase: SlaClock[][] = histories
  .slice(0, 10_000)
  .map((h, i) => computeSla(h, policy, { now: nows[i]! }))
const clocks: SlaClock[] = perCase.flat()
const statuses = Object.entries(
  clocks.reduce<Record<string, number>>((n, c) => {
    n[c.status] = (n[c.status] ?? 0) + 1
    return n
  }, {}),
)
  .map(([s, n]) => `${s} ${fmt((100 * n) / clocks.length, 1)}%`)
  .join(', ')
const rows: [string, Rates, string][] = [
  [
    `servicekit \`computeSla(history, policy, { now })\`, ${pinned ? 'one core' : 'unpinned'}: median of ${PROCESSES} processes`,
    { wall: perProcess.map((r) => r.wall), cpu: perProcess.map((r) => r.cpu) },
    'cases / s',
  ],
  ['servicekit `computeSla`, one process free to use both cores', compute, 'cases / s'],
  [
    'servicekit per event: `advanceSla(state, [event])` + `toSlaClocks` + `nextDeadlines`',
    desk,
    'events / s',
  ],
  [
    'naive baseline: the same four clocks stepping minutes with `calendar.isOpen`',
    baseline,
    'cases / s',
  ],
]
const width = Math.max(...rows.map((r) => r[0].length))
const table = [
  `| ${'implementation'.padEnd(width)} | median / s, wall | median / s, CPU time | unit       |`,
  `| ${'-'.repeat(width)} | ---------------: | -------------------: | ---------- |`,
  ...rows.map(
    ([name, r, unit]) =>
      `| ${name.padEnd(width)} | ${fmt(median(r.wall)).padStart(16)} | ${fmt(median(r.cpu)).padStart(20)} | ${unit.padEnd(10)} |`,
  ),
].join('\n')
const processCpu = perProcess.map((r) => r.cpu)
const caseRate = median(processCpu)
const caseWall = median(perProcess.map((r) => r.wall))
const processRates = processCpu.map((r) => fmt(r)).join(', ')
const slowest = Math.min(...processCpu)
const spread = (Math.max(...processCpu) - slowest) / caseRate
// What the Dates alone cost: the clocks carry this many a case, and Node builds each in C++;
// the new ones are those that are neither an event's own `at` nor shared with another field.
const datesOf = (c: SlaClock) =>
  [c.startedAt, c.dueAt, c.stoppedAt, c.breachedAt, ...c.warnings.map((w) => w.at)].filter(
    (d): d is Date => d !== null,
  )
const datesPerCase = clocks.reduce((n, c) => n + datesOf(c).length, 0) / 10_000
const newDatesPerCase =
  perCase.reduce((n, cs, i) => {
    const own = new Set<unknown>(histories[i]!.map((e) => e.at))
    const made = new Set(cs.flatMap(datesOf).filter((d) => !own.has(d)))
    return n + made.size
  }, 0) / 10_000
const dateRate = measure(
  () => {
    let d: Date | undefined
    for (let i = 0; i < 1_000_000; i++) d = new Date(1_790_816_400_000 + i)
    return d
  },
  1_000_000,
  5,
  1,
)
const dateShare = (newDatesPerCase / median(dateRate.cpu)) * median(compute.cpu)

writeSection(
  'sla',
  `## sla: \`computeSla\` per second

${machine()} · commit ${commit()} · ${new Date().toISOString().slice(0, 10)}

Workload: ${fmt(N)} seeded after-sales cases (usage questions with an on-site visit) under
examples/policies/standard-after-sales.policy.json, ${fmt(events / N, 1)} events each (opened,
triaged, assigned, answered, waiting on the customer, customer reply, resumed, visit planned,
engineer on site, resolved, confirmed), opened anywhere in January–November 2026 and read a day
after their last event. Four clocks a case: first response, on-site arrival and resolution on the
24×7 calendar, follow-up (20 working days) on the Shanghai office calendar with the lunch break and
the 2026 holidays; every objective warns at 75%. Clocks: ${statuses}. A \`computeSla\` sample is
one pass over all ${fmt(N)} cases, after two warm-up passes; a process takes the median of 7.
${
  pinned
    ? `On one core (first row): ${PROCESSES} fresh processes, one after another, each pinned to core ${core}
with \`taskset\` so that V8's compiler and collector threads share that core, time
\`computeSla\` alone; the row gives the median of their medians (per process, CPU time:
${processRates}; spread ${fmt(100 * spread, 1)}% of the median).`
    : `The ${PROCESSES} processes of the first row could not be pinned to one core (no \`taskset\`, or it
failed), so they ran unpinned (per process, CPU time: ${processRates}).`
} The second row is one process free to use every core: V8 then also compiles and collects
garbage on helper threads on the other cores, and their time, waiting for each other included,
counts in the process's CPU time. The per-event row replays ${fmt(deskCases)} of the cases event by
event (median of 7 samples); the baseline runs on ${fmt(200)} cases (median of 5); both in the
unpinned process. The machine is shared with other work (load average ${fmt(load, 1)} on
${os.cpus().length} cores when the run began), so every sample is timed twice: by the wall clock,
and by the process's CPU time.

No npm package computes SLA clocks from a case's event log, so there is no peer library to run
beside it. The baseline computes the same four clocks naively, stepping minute by minute and
asking the calendar whether each minute is open; it gives the same elapsed times and statuses on
the first ${fmt(BASELINE)} cases (checked before timing).

${table}

A case's clocks carry ${fmt(datesPerCase, 1)} \`Date\`s, ${fmt(newDatesPerCase, 1)} of them new objects (the others are the events' own
\`at\`, or a breached clock's \`dueAt\` as its \`breachedAt\`); creating those alone takes ${fmt(100 * dateShare, 0)}% of the
\`computeSla\` time in the unpinned process (Node ${process.versions.node} builds ${fmt(median(dateRate.cpu) / 1e6, 1)} million \`Date\`s a second there).

Target: at least 200,000 cases per second on one core (${
    pinned
      ? `measured ${fmt(caseRate)} in CPU time and ${fmt(caseWall)} by the wall clock, the median of the ${PROCESSES} pinned processes; the slowest
gave ${fmt(slowest)}: ${caseRate >= 200_000 ? 'met' : 'NOT met'}`
      : `not judged: the processes could not be pinned to one core; unpinned they gave ${fmt(caseRate)}`
  }); ${fmt(caseRate / median(baseline.cpu), 0)}× the baseline.`,
)
console.log(table)
