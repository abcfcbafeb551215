import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'

/**
 * One row of the log: its line number (1-based, the line it ends on) and the
 * values of the columns the mapping reads, in the order of `columns`
 * (`undefined` where the row has no such column).
 */
export interface Row {
  line: number
  values: unknown[]
  /** Set when the row cannot be read (its values are then empty): what is wrong with it. */
  problem?: string
}

/** What the reader needs to know. */
export interface ReadOptions {
  format: 'csv' | 'jsonl'
  /** The columns to pick from each row. */
  columns: readonly string[]
  delimiter?: string
  quote?: string
  /** Called with the header (CSV) once it is read; may throw to stop (an unknown column). */
  onHeader?: (header: string[]) => void
  /** Bytes read so far, for progress. */
  onBytes?: (bytes: number) => void
}

/**
 * Streams the rows of a CSV or JSONL file with the chosen columns picked out.
 * CSV goes through csv-parse (RFC 4180 quoting, a UTF-8 BOM, CRLF or LF); a
 * row with another number of cells than the header comes as a row with a
 * `problem`, in its place, as does a JSONL line that is not a JSON object.
 */
export async function* readRows(path: string, options: ReadOptions): AsyncGenerator<Row[]> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 })
  if (options.onBytes) {
    let bytes = 0
    stream.on('data', (chunk) => {
      bytes += chunk.length
      options.onBytes?.(bytes)
    })
  }
  if (options.format === 'jsonl') yield* readJsonl(stream, options)
  else yield* readCsv(stream, options)
}

const BATCH = 512

async function* readCsv(
  stream: NodeJS.ReadableStream,
  options: ReadOptions,
): AsyncGenerator<Row[]> {
  const parser = stream.pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      delimiter: options.delimiter ?? ',',
      quote: options.quote ?? '"',
    }),
  )
  // What csv-parse itself cannot read (an unclosed quote) comes with the next batch.
  const skipped: Row[] = []
  parser.on('skip', (e: Error & { lines?: number }) =>
    skipped.push({ line: e.lines ?? 0, values: [], problem: e.message }),
  )
  let indexes: number[] | undefined
  let width = 0
  let batch: Row[] = []
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[]
    info: { lines: number }
  }>) {
    if (indexes === undefined) {
      options.onHeader?.(record)
      width = record.length
      // The first column of a name wins (a log may repeat a header, as the helpdesk log does).
      indexes = options.columns.map((c) => record.indexOf(c))
      continue
    }
    if (skipped.length > 0) batch.push(...skipped.splice(0))
    if (record.length !== width) {
      batch.push({
        line: info.lines,
        values: [],
        problem: `The row has ${record.length} cells; the header has ${width}`,
      })
      continue
    }
    const values = new Array<unknown>(indexes.length)
    for (let i = 0; i < indexes.length; i++) values[i] = record[indexes[i]!]
    batch.push({ line: info.lines, values })
    if (batch.length === BATCH) {
      yield batch
      batch = []
    }
  }
  batch.push(...skipped)
  if (batch.length > 0) yield batch
}

async function* readJsonl(
  stream: NodeJS.ReadableStream,
  options: ReadOptions,
): AsyncGenerator<Row[]> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })
  const paths = options.columns.map((c) => c.split('.'))
  let line = 0
  let batch: Row[] = []
  for await (const raw of lines) {
    line++
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw
    if (text.trim() === '') continue
    let record: unknown
    try {
      record = JSON.parse(text)
    } catch (e) {
      batch.push({ line, values: [], problem: `Not JSON: ${(e as Error).message}` })
      continue
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      batch.push({ line, values: [], problem: 'A JSONL line must be a JSON object' })
      continue
    }
    const values = options.columns.map((c, i) =>
      pick(record as Record<string, unknown>, c, paths[i]!),
    )
    batch.push({ line, values })
    if (batch.length === BATCH) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** A key of the object, or (when no key has that name) a dotted path into it. */
function pick(record: Record<string, unknown>, column: string, path: string[]): unknown {
  if (column in record) return record[column]
  let value: unknown = record
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}
