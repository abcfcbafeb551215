import schema from '../schemas/policy.schema.json'

/**
 * The JSON Schema (draft 7) of a policy file, generated from the zod schema at
 * build time. Point a file's `"$schema"` at
 * `node_modules/@servicekit/policy/schemas/policy.schema.json` (the file ships
 * with the package) and VS Code completes and checks it.
 * The schema checks structure; `parsePolicy` also checks references between
 * sections (declared facts, defined calendars, …).
 *
 * @example
 * ```ts
 * import Ajv from 'ajv'
 * const validate = new Ajv({ strict: false }).compile(policyJsonSchema)
 * validate(JSON.parse(text)) // true for a well-formed policy file
 * ```
 */
export const policyJsonSchema: Readonly<Record<string, unknown>> = schema
