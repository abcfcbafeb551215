import { z } from 'zod'
import { policyShapeSchema } from '../policy-schema'

/**
 * Generates the policy's JSON Schema from its zod schema (the input side: what
 * a file may contain). Draft 7, because that is what editors support best.
 * `scripts/generate-schema.ts` writes it to `schemas/policy.schema.json`.
 */
export function generatePolicyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policyShapeSchema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
    reused: 'inline',
  }) as Record<string, unknown>
}
