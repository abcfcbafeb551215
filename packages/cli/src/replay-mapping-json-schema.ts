import schema from '../schemas/replay-mapping.schema.json'

/**
 * The JSON Schema (draft 7) of a replay mapping file, generated from the zod
 * schema at build time. Point a mapping's `"$schema"` at
 * `node_modules/@servicekit/cli/schemas/replay-mapping.schema.json` and
 * editors complete and check it.
 *
 * @example
 * ```ts
 * import Ajv from 'ajv'
 * const validate = new Ajv({ strict: false }).compile(replayMappingJsonSchema)
 * validate(JSON.parse(text)) // true for a well-formed mapping
 * ```
 */
export const replayMappingJsonSchema: Readonly<Record<string, unknown>> = schema
