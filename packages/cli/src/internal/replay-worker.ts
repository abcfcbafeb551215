// A worker thread of `replayLog`: it receives batches of cases (their rows),
// analyses each, counts the batch's SLA clocks, and sends the outcomes back
// with the batch's number.
import { parentPort, workerData } from 'node:worker_threads'
import type { SlaReport } from '../replay-summary'
import type { CaseOutcome } from './analyze-case'
import { type AnalyzerInput, createCaseAnalyzer } from './case-analyzer'
import type { Row } from './read-rows'
import { SlaTally } from './sla-tally'

/**
 * A batch of cases sent to a worker: their ids, how many rows each has, the
 * rows' lines, and their cells, packed into one string when every cell is a
 * string (a CSV log; one long string crosses threads far faster than many
 * short ones), else as arrays.
 */
export interface WorkerBatch {
  seq: number
  ids: string[]
  sizes: number[]
  lines: number[]
  width: number
  packed?: string
  cells?: unknown[][]
}

/** A worker's answer: the outcomes of a batch (without clocks) and its SLA counts, or the error that stopped it. */
export type WorkerAnswer =
  | { seq: number; outcomes: CaseOutcome[]; sla: SlaReport; slaB: SlaReport | undefined }
  | { seq: number; error: { message: string; code?: string; details?: unknown; stack?: string } }

/** Worker input: the analyzer's, and how the SLA counts are labelled. */
export interface WorkerInput extends AnalyzerInput {
  timeZone: string
  readAt: string
}

const SEP = '\u001f'
/** The shortest piece of a string V8 keeps as a view into it rather than copying (SlicedString::kMinLength). */
const SLICE_MIN = 13
const NONE = '\u001e'

/** Packs the cases of a batch for a worker (see {@link WorkerBatch}). */
export function packBatch(seq: number, cases: { id: string; rows: Row[] }[]): WorkerBatch {
  const width = cases[0]?.rows[0]?.values.length ?? 0
  const batch: WorkerBatch = { seq, ids: [], sizes: [], lines: [], width }
  const parts: string[] = []
  let packable = true
  for (const c of cases) {
    batch.ids.push(c.id)
    batch.sizes.push(c.rows.length)
    for (const row of c.rows) {
      batch.lines.push(row.line)
      if (!packable) continue
      for (const v of row.values) {
        if (v === undefined) parts.push(NONE)
        else if (typeof v === 'string' && !v.includes(SEP) && v !== NONE) parts.push(v)
        else {
          packable = false
          break
        }
      }
    }
  }
  if (packable) batch.packed = parts.join(SEP)
  else batch.cells = cases.flatMap((c) => c.rows.map((r) => r.values))
  return batch
}

/** The cases of a batch, unpacked. */
export function unpackBatch(batch: WorkerBatch): { id: string; rows: Row[] }[] {
  const cells = batch.packed === undefined ? undefined : batch.packed.split(SEP)
  const out: { id: string; rows: Row[] }[] = []
  let r = 0
  for (let i = 0; i < batch.ids.length; i++) {
    const rows: Row[] = []
    for (let k = 0; k < batch.sizes[i]!; k++, r++) {
      let values: unknown[]
      if (cells) {
        values = cells.slice(r * batch.width, (r + 1) * batch.width)
        for (let j = 0; j < values.length; j++) {
          const v = values[j] as string
          if (v === NONE) values[j] = undefined
          // V8 makes a longer piece of a split string a view into the whole batch, which would
          // then live as long as any memo keeps the piece: copy it into a string of its own.
          else if (v.length >= SLICE_MIN) values[j] = ` ${v}`.slice(1)
        }
      } else values = batch.cells![r]!
      rows.push({ line: batch.lines[r]!, values })
    }
    out.push({ id: batch.ids[i]!, rows })
  }
  return out
}

if (parentPort) {
  const port = parentPort
  const input = workerData as WorkerInput
  const analyze = createCaseAnalyzer(input)
  port.on('message', (batch: WorkerBatch) => {
    try {
      const sla = new SlaTally(input.timeZone, input.readAt)
      const slaB =
        input.compare === undefined ? undefined : new SlaTally(input.timeZone, input.readAt)
      const outcomes = unpackBatch(batch).map((c) => {
        const o = analyze(c.id, c.rows)
        sla.add(o.clocks)
        o.clocks = []
        if (o.compare && slaB) {
          slaB.add(o.compare.clocks)
          o.compare.clocks = []
        }
        return o
      })
      port.postMessage({
        seq: batch.seq,
        outcomes,
        sla: sla.result(),
        slaB: slaB?.result(),
      } satisfies WorkerAnswer)
    } catch (e) {
      const err = e as { message?: string; code?: string; details?: unknown; stack?: string }
      port.postMessage({
        seq: batch.seq,
        error: {
          message: String(err.message ?? e),
          code: err.code,
          details: err.details,
          stack: err.stack,
        },
      } satisfies WorkerAnswer)
    }
  })
}
