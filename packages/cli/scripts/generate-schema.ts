// Writes schemas/replay-mapping.schema.json from the zod schema. Run by
// `npm run build`; the file is committed so that editors find it in a clone,
// and a test checks that it matches the zod schema.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateMappingJsonSchema } from '../src/internal/json-schema'

const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'schemas',
  'replay-mapping.schema.json',
)
writeFileSync(out, `${JSON.stringify(generateMappingJsonSchema(), null, 2)}\n`)
console.log(`wrote ${out}`)
