// One measured run in a fresh process (so peak memory is this run's own):
// `parse` reads the log with csv-parse as the replay does, `replay` replays it.
// Prints { ms, cpuMs, rows, events, cases, maxRssMiB } as JSON. Run by run.ts.
import { createReadStream } from 'node:fs'
import { replayLog } from '@servicekit/cli'
import { parse } from 'csv-parse'

const [mode, log, mapping, policy, workers] = process.argv.slice(2)
const start = performance.now()
let out: Record<string, number>
if (mode === 'parse') {
  // The same parser and options as the replay's reader (packages/cli/src/internal/read-rows.ts).
  const parser = createReadStream(log!, { highWaterMark: 1 << 20 }).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
    }),
  )
  let rows = 0
  for await (const _ of parser) rows++
  out = { rows: rows - 1 }
} else {
  const s = await replayLog({
    log: log!,
    mapping: mapping!,
    policy: policy!,
    ...(workers === undefined || workers === 'default' ? {} : { workers: Number(workers) }),
  })
  out = {
    rows: s.input.rows,
    events: s.input.events,
    cases: s.input.cases,
    conforming: s.conformance.conforming,
  }
}
const ms = performance.now() - start
const cpu = process.cpuUsage() // every thread of the process, since it started
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...out,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
)
