import { readdirSync, readFileSync } from 'node:fs'
import { isServiceKitError, type ValidationErrorDetails } from '@servicekit/core'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { parseReplayMapping, replayMappingJsonSchema, safeParseReplayMapping } from '../src/index'
import { generateMappingJsonSchema } from '../src/internal/json-schema'
import { createTimestampReader } from '../src/internal/timestamp'
import { fixture, fromRoot } from './helpers'

const examples = readdirSync(fromRoot('examples/replay')).filter((f) => f.endsWith('.mapping.json'))

function issues(input: unknown): string[] {
  const r = safeParseReplayMapping(input)
  if (r.success) return []
  expect(isServiceKitError(r.error, 'REPLAY_MAPPING_INVALID')).toBe(true)
  return (r.error.details as ValidationErrorDetails).issues.map((i) => `${i.pointer} ${i.message}`)
}

const minimal = {
  caseId: 'id',
  timestamp: { column: 'time', format: 'iso' },
  status: 'status',
  statuses: { open: [] },
  open: { case: { channel: 'phone', category: 'x', customer: { id: 'c', name: 'c' } } },
}

describe('replay mappings', () => {
  it('parses every example mapping, and its JSON Schema accepts them', () => {
    const validate = new Ajv({ strict: false }).compile(replayMappingJsonSchema)
    expect(examples).toHaveLength(3)
    for (const name of [
      ...examples.map((e) => fromRoot('examples/replay', e)),
      fixture('tickets.mapping.json'),
    ]) {
      const text = readFileSync(name, 'utf8')
      expect(() => parseReplayMapping(text), name).not.toThrow()
      expect(validate(JSON.parse(text)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
  })

  it('is the committed schemas/replay-mapping.schema.json, generated from the zod schema', () => {
    // If this fails, run `npm run build -w @servicekit/cli` and commit the schema.
    expect(replayMappingJsonSchema).toEqual(generateMappingJsonSchema())
    for (const e of examples)
      expect(JSON.parse(readFileSync(fromRoot('examples/replay', e), 'utf8')).$schema).toBe(
        '../../packages/cli/schemas/replay-mapping.schema.json',
      )
  })

  it('reports every mistake with its JSON pointer (REPLAY_MAPPING_INVALID)', () => {
    expect(
      issues({
        ...minimal,
        timestamp: { column: 'time', format: 'HH:mm', timeZone: 'Mars/Olympus' },
        statuses: { open: { events: [{ type: 'case.reopen' }], from: { closed: [] } } },
        changes: [{ column: 'team' }],
        facts: { tier: { column: 'tier' } },
        extra: true,
      }),
    ).toEqual([
      '/timestamp/format The format names no year, month, day: use iso, epochMs, epochSeconds, or a pattern such as d/M/yyyy H:mm',
      '/timestamp/timeZone Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Rome or UTC',
      expect.stringMatching(
        /^\/statuses\/open\/events\/0\/type Invalid option: expected one of "case\.opened"/,
      ),
      '/changes/0 A change writes "events", or events by value ("values")',
      '/facts/tier A fact is a dotted name such as customer.tier',
      ' Unrecognized key: "extra"',
    ])
    expect(
      issues({ ...minimal, statuses: { open: { events: [], from: { closed: [] } } } }),
    ).toEqual(['/statuses/open/from/closed "closed" is not a status of this mapping'])
    expect(
      issues({ ...minimal, open: { case: {}, events: [{ type: 'case.assigned', id: 'x' }] } }),
    ).toEqual(['/open/events/0/id "id" is filled in by the replay; leave it out'])
  })

  it('says when the file is not JSON', () => {
    expect(issues('{ "caseId": ')).toEqual([
      expect.stringMatching(/^ (Unexpected end of JSON input|.*JSON.*)/),
    ])
    expect(() => parseReplayMapping('{')).toThrow(/^Invalid replay mapping: not JSON/)
  })
})

describe('timestamps', () => {
  it('reads patterns in a time zone, across a daylight-saving change', () => {
    const rome = createTimestampReader('d/M/yyyy H:mm', 'Europe/Rome')
    expect(new Date(rome('29/3/2026 1:30')!).toISOString()).toBe('2026-03-29T00:30:00.000Z') // CET
    expect(new Date(rome('29/3/2026 3:30')!).toISOString()).toBe('2026-03-29T01:30:00.000Z') // CEST
    expect(new Date(rome('1/7/2026 12:00')!).toISOString()).toBe('2026-07-01T10:00:00.000Z')
    const utc = createTimestampReader('yyyy/MM/dd HH:mm:ss.SSS', 'UTC')
    expect(utc('2012/10/09 14:50:17.250')).toBe(Date.UTC(2012, 9, 9, 14, 50, 17, 250))
  })

  it('refuses dates that do not exist and text that does not match', () => {
    const read = createTimestampReader('d/M/yyyy H:mm', 'UTC')
    for (const bad of [
      '31/4/2016 10:00',
      '29/2/2017 10:00',
      '1/13/2016 10:00',
      '1/1/2016 24:00',
      '2016-01-01',
      '',
    ])
      expect(read(bad), bad).toBeUndefined()
    expect(read('29/2/2016 01:16')).toBe(Date.UTC(2016, 1, 29, 1, 16))
  })

  it('reads ISO-8601 with an offset as it says, and without one in the time zone', () => {
    const iso = createTimestampReader('iso', 'Asia/Shanghai')
    expect(iso('2010-03-31T15:59:42+01:00')).toBe(Date.UTC(2010, 2, 31, 14, 59, 42))
    expect(iso('2026-10-01T09:00:00Z')).toBe(Date.UTC(2026, 9, 1, 9))
    expect(iso('2026-10-01 09:00')).toBe(Date.UTC(2026, 9, 1, 1))
    expect(iso('2026-02-30T09:00:00Z')).toBeUndefined()
    const epoch = createTimestampReader('epochSeconds', 'UTC')
    expect(epoch('1700000000')).toBe(1_700_000_000_000)
    expect(epoch('soon')).toBeUndefined()
  })
})
