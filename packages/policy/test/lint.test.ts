// biome-ignore-all lint/suspicious/noThenProperty: rule outcomes are written "when … then …" in policy documents
import { describe, expect, it } from 'vitest'
import { lintPolicy, parsePolicy } from '../src/index'
import { minimalPolicy } from './fixtures/minimal'

const codes = (doc: unknown) => lintPolicy(doc).map((f) => `${f.code} ${f.pointer}`)

describe('lintPolicy', () => {
  it('finds nothing in a clean policy, parsed or not', () => {
    expect(lintPolicy(minimalPolicy())).toEqual([])
    expect(lintPolicy(parsePolicy(minimalPolicy()))).toEqual([])
  })

  it('reports structural errors alone when the document does not have the policy shape', () => {
    expect(lintPolicy({ id: 'x' }).every((f) => f.severity === 'error')).toBe(true)
    expect(lintPolicy('{ "id": ')[0]).toMatchObject({ code: 'invalid-json', line: 1 })
  })

  it('does not flag a specific rule written before a general one (the "first" idiom)', () => {
    const doc = minimalPolicy()
    doc.routing.rules.unshift({
      id: 'route-key-complaint',
      when: {
        all: [
          { fact: 'case.category', operator: 'equal', value: 'complaint' },
          { fact: 'customer.tier', operator: 'equal', value: 'key' },
        ],
      },
      then: { team: 'complaints', role: 'supervisor' },
    })
    expect(codes(doc)).toEqual([])
  })

  it('flags a general rule written before a specific one as shadowing it', () => {
    const doc = minimalPolicy()
    doc.routing.rules.push({
      id: 'route-key-complaint',
      when: {
        all: [
          { fact: 'case.category', operator: 'equal', value: 'complaint' },
          { fact: 'customer.tier', operator: 'equal', value: 'key' },
        ],
      },
      then: { team: 'complaints', role: 'supervisor' },
    })
    expect(codes(doc)).toEqual(['rule-shadowed /routing/rules/1'])
  })

  it('sees numeric ranges: lessThan 2 after lessThan 3 never applies', () => {
    const doc = minimalPolicy()
    doc.priority.rules = [
      { id: 'lt3', when: { fact: 'case.impact', operator: 'lessThan', value: 3 }, then: 'low' },
      {
        id: 'lt2',
        when: { fact: 'case.impact', operator: 'lessThanInclusive', value: 1 },
        then: 'high',
      },
      { id: 'key', when: { fact: 'customer.tier', operator: 'equal', value: 'key' }, then: 'high' },
      { id: 'tag', when: { fact: 'case.tags', operator: 'contains', value: 'vip' }, then: 'high' },
    ]
    expect(codes(doc)).toEqual([
      'rule-shadowed /priority/rules/1',
      'rule-overlap /priority/rules/2',
      'rule-overlap /priority/rules/3',
    ])
  })

  it('finds priorities without an SLA target only where they can reach the SLA policy', () => {
    const doc = minimalPolicy()
    delete doc.sla.policies[0].metrics.firstResponse.targets.low
    expect(codes(doc)).toEqual(['priority-without-target /sla/policies/0/metrics/firstResponse'])
    doc.sla.policies[0].when = { fact: 'decision.priority', operator: 'equal', value: 'high' }
    expect(codes(doc)).toEqual([])
  })

  it('finds incomplete matrices, unused calendars and escalation triggers that never fire', () => {
    const doc = minimalPolicy()
    doc.priority.matrix = {
      rows: { fact: 'case.impact', values: [1, 2] },
      columns: { fact: 'customer.tier', values: ['key', 'ordinary'] },
      cells: [
        ['high', 'high'],
        ['high', 'low'],
      ],
    }
    doc.calendars.spare = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } }
    doc.escalation.rules[0].on.threshold = 90
    expect(codes(doc)).toEqual([
      'calendar-unused /calendars/spare',
      'matrix-incomplete /priority/matrix/rows/values',
      'trigger-never-fires /escalation/rules/0/on',
    ])
  })

  it('checks values against decision facts too', () => {
    const doc = minimalPolicy()
    doc.sla.policies[0].when = { fact: 'decision.team', operator: 'equal', value: 'complaint' }
    expect(codes(doc)).toEqual(
      [
        'value-not-allowed /sla/policies/0/when/value',
        'trigger-never-fires /escalation/rules/0/on',
      ].slice(0, 1),
    )
  })
})
