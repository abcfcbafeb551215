// bench/process: replay of 25,000 synthetic cases with 141,712 events in
// total (the size of the UCI ServiceNow incident log in shared/data), through
// replayCase and, beside it in the same process, through a plain XState
// actor given the same machine and the same events. Run: npm run bench -- process

import { type CaseEvent, parseCaseEvent } from '@servicekit/core'
import { createServiceProcess, replayCase } from '@servicekit/process'
import { createActor } from 'xstate'
import { commit, fmt, keep, machine, median, writeSection } from '../lib/measure'
import { createSyntheticLogs } from './synthetic'

const CASES = 25_000
const EVENTS = 141_712
const RUNS = 5

const process = createServiceProcess()
// Parsed once, outside the timings, as a replay would read them from a store.
const logs: CaseEvent[][] = createSyntheticLogs(CASES, EVENTS).map((events) =>
  events.map((e) => parseCaseEvent(e)),
)
const total = logs.reduce((n, events) => n + events.length, 0)
if (logs.length !== CASES || total !== EVENTS)
  throw new Error(`workload is ${logs.length} / ${total}`)

function ours(validate = false): unknown {
  let rejected = 0
  for (const events of logs) rejected += replayCase(events, { process, validate }).rejected.length
  return rejected
}

function plainActor(): unknown {
  let last: unknown
  for (const events of logs) {
    const actor = createActor(process).start()
    for (const event of events) actor.send(event)
    last = actor.getPersistedSnapshot()
    actor.stop()
  }
  return last
}

const gc = (globalThis as { gc?: () => void }).gc
function eventsPerSecond(run: () => unknown): number {
  gc?.()
  const start = performance.now()
  keep(run())
  return (total / (performance.now() - start)) * 1000
}

// The workload, described from our own replay (and checked against the actor).
const stages = new Map<string, number>()
let rejected = 0
let conforming = 0
for (const events of logs) {
  const result = replayCase(events, { process })
  stages.set(result.state.stage, (stages.get(result.state.stage) ?? 0) + 1)
  rejected += result.rejected.length
  if (result.rejected.length === 0) conforming++
  const actor = createActor(process).start()
  for (const event of events) actor.send(event)
  if (JSON.stringify(actor.getPersistedSnapshot()) !== JSON.stringify(result.snapshot.snapshot)) {
    throw new Error(`replayCase and the plain actor disagree on ${events[0]?.caseId}`)
  }
}

// Warm up both, then alternate so that machine noise falls on both sides.
eventsPerSecond(() => ours())
eventsPerSecond(plainActor)
const samples = { ours: [] as number[], actor: [] as number[], validated: [] as number[] }
for (let i = 0; i < RUNS; i++) {
  samples.ours.push(eventsPerSecond(() => ours()))
  samples.actor.push(eventsPerSecond(plainActor))
  samples.validated.push(eventsPerSecond(() => ours(true)))
  console.log(
    `run ${i + 1}: ours ${fmt(samples.ours[i]!)}, actor ${fmt(samples.actor[i]!)}, validated ${fmt(samples.validated[i]!)} events/s`,
  )
}
const m = {
  ours: median(samples.ours),
  actor: median(samples.actor),
  validated: median(samples.validated),
}
const overhead = m.actor / m.ours

const table = [
  '| replay of the whole workload | median events/s | cases/s | time per pass | × plain actor time |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...(
    [
      ['servicekit `replayCase(events, { process })`', m.ours],
      [
        'plain XState actor: `createActor(process)`, `send` each event, `getPersistedSnapshot()`',
        m.actor,
      ],
      [
        'servicekit `replayCase(events, { process, validate: true })` (zod-parses every event)',
        m.validated,
      ],
    ] as const
  ).map(
    ([name, eps]) =>
      `| ${name} | ${fmt(eps)} | ${fmt((eps * CASES) / total)} | ${fmt((total / eps) * 1000)} ms | ${fmt(m.actor / eps, 2)} |`,
  ),
].join('\n')

const stageList = [...stages]
  .sort((a, b) => b[1] - a[1])
  .map(([stage, n]) => `${stage} ${fmt(n)}`)
  .join(', ')

writeSection(
  'process',
  `## process

${machine()} · commit ${commit()} · ${new Date().toISOString().slice(0, 10)}

Workload: ${fmt(CASES)} synthetic cases with ${fmt(total)} events in total (the size of the UCI
ServiceNow incident log in shared/data: 141,712 events), generated with a fixed seed by
\`bench/process/synthetic.ts\` (illustrative: about 70% of the cases resolved at first contact, the
others diagnosed, waiting, escalated, with solutions and execution; some cancelled, reopened or
still open when the log ends; a few non-conforming events). End states: ${stageList}.
${fmt(conforming)} cases conform; ${fmt(rejected)} events are rejected. Both sides run the same
machine (\`createServiceProcess()\`) on the same parsed events and reach the same snapshots
(checked before timing). Medians of ${RUNS} passes over the whole workload, alternating sides
after a warm-up pass of each; one process, one core.

${table}

\`replayCase\` takes **${fmt(overhead, 2)}×** the plain actor's time (target: at most 1.5×). It runs the
machine's transitions directly (XState's actor logic, as XState's \`transition()\` helper does),
without starting an actor per case, and that saving pays for what it adds: the rejection check
(identity of the snapshot), the explanation of each rejected event, the state summary and the
versioned snapshot envelope. Validating every event with zod costs
${fmt(m.ours / m.validated, 1)}× the time of a replay of parsed events.`,
)
console.log(table)
console.log(`overhead ${fmt(overhead, 2)}×`)
