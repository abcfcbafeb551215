import { z } from 'zod'
import { replayMappingSchema } from '../replay-mapping'

/**
 * Generates the mapping's JSON Schema from its zod schema (the input side),
 * draft 7 as editors read it best. `scripts/generate-schema.ts` writes it to
 * `schemas/replay-mapping.schema.json`; a test keeps the file in step.
 */
export function generateMappingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(replayMappingSchema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
    reused: 'inline',
  }) as Record<string, unknown>
  return {
    ...schema,
    title: 'servicekit replay mapping',
    description:
      'How an exported event log (CSV or JSONL) maps to servicekit case events: the case id, time, status and order columns, the events each status writes, the case fields, column changes, facts and observed outcomes. Guide: docs/replay.md.',
  }
}
