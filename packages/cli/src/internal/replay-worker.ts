// A worker thread of `replayLog`: it receives batches of cases (their rows),
// analyses each, and sends the outcomes back with the batch's number.
import { parentPort, workerData } from 'node:worker_threads'
import type { CaseOutcome } from './analyze-case'
import { type AnalyzerInput, createCaseAnalyzer } from './case-analyzer'
import type { Row } from './read-rows'

/** A batch of cases sent to a worker. */
export interface WorkerBatch {
  seq: number
  cases: { id: string; rows: Row[] }[]
}

/** A worker's answer: the outcomes of a batch, or the error that stopped it. */
export type WorkerAnswer =
  | { seq: number; outcomes: CaseOutcome[] }
  | { seq: number; error: { message: string; code?: string; details?: unknown; stack?: string } }

if (parentPort) {
  const port = parentPort
  const analyze = createCaseAnalyzer(workerData as AnalyzerInput)
  port.on('message', (batch: WorkerBatch) => {
    try {
      const outcomes = batch.cases.map((c) => analyze(c.id, c.rows))
      port.postMessage({ seq: batch.seq, outcomes } satisfies WorkerAnswer)
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
