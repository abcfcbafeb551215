import { readFileSync } from 'node:fs'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { policyJsonSchema } from '../src/index'
import { generatePolicyJsonSchema } from '../src/internal/json-schema'
import { minimalPolicy } from './fixtures/minimal'

const read = (name: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../../../examples/policies/${name}.policy.json`, import.meta.url),
      'utf8',
    ),
  )

describe('policyJsonSchema', () => {
  it('is the committed schemas/policy.schema.json, and that file matches the zod schema', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../schemas/policy.schema.json', import.meta.url), 'utf8'),
    )
    // If this fails, run `npm run build -w @servicekit/policy` and commit schemas/policy.schema.json.
    expect(committed).toEqual(generatePolicyJsonSchema())
    expect(policyJsonSchema).toEqual(committed)
  })

  it('accepts both example policies and rejects structural mistakes, as an editor would', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(policyJsonSchema)
    expect(validate(read('standard-after-sales')), JSON.stringify(validate.errors)).toBe(true)
    expect(validate(read('itil-incident')), JSON.stringify(validate.errors)).toBe(true)
    expect(validate(minimalPolicy())).toBe(true)

    const bad = minimalPolicy()
    bad.priority.hitPolicy = 'any'
    bad.priority.rules[0].when.operator = 'equals'
    bad.routing.rules[0].then.tema = 'complaints'
    expect(validate(bad)).toBe(false)
    const where = validate.errors!.map((e) => e.instancePath)
    expect(where).toContain('/priority/hitPolicy')
    expect(where).toContain('/priority/rules/0/when/operator')
    expect(where).toContain('/routing/rules/0/then')
  })

  it('points every example policy at the generated schema by a relative path', () => {
    for (const name of ['standard-after-sales', 'itil-incident'])
      expect(read(name).$schema).toBe('../../packages/policy/schemas/policy.schema.json')
  })
})
