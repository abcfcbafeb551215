import { readFileSync } from 'node:fs'
import { isServiceKitError } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import { parsePolicy, safeParsePolicy } from '../src/index'
import { minimalPolicy } from './fixtures/minimal'

const issuesOf = (input: unknown) => {
  const r = safeParsePolicy(input)
  if (r.success) throw new Error('expected a failure')
  expect(r.error.code).toBe('POLICY_INVALID')
  return (
    r.error.details as {
      issues: { pointer: string; code: string; message: string; line?: number; column?: number }[]
    }
  ).issues
}

describe('parsePolicy', () => {
  it('parses a valid policy and normalizes durations, inheritance and actions', () => {
    const p = parsePolicy(minimalPolicy())
    const o = p.sla.policies[0]!.metrics.firstResponse!
    expect(o).toEqual({
      metric: 'firstResponse',
      targets: { high: { kind: 'time', ms: 3_600_000 }, low: { kind: 'time', ms: 28_800_000 } },
      calendar: 'office',
      pauseStates: [],
      warnings: [{ percent: 75, threshold: 75 }],
    })
    expect(p.sla.policies[0]!.changes).toEqual({
      priority: { mode: 'recalculate' },
      category: { mode: 'recalculate' },
      calendar: 'perSegment',
    })
    expect(p.escalation.levels[0]).toEqual({
      id: 'supervisor',
      level: 1,
      role: 'supervisor',
      label: { en: 'Supervisor', 'zh-CN': '客服主管' },
    })
    expect(p.escalation.rules[0]!.actions).toEqual([
      { type: 'notify', role: 'supervisor' },
      { type: 'escalate', to: 'supervisor', level: 1 },
    ])
    expect(p.calendars.office!.holidays).toEqual([])
  })

  it('expands a target written once into one per priority', () => {
    const doc = minimalPolicy()
    doc.sla.policies[0].metrics.firstResponse = {
      target: { businessDays: 2 },
      targets: { high: 'PT4H' },
    }
    expect(parsePolicy(doc).sla.policies[0]!.metrics.firstResponse!.targets).toEqual({
      high: { kind: 'time', ms: 14_400_000 },
      low: { kind: 'businessDays', days: 2 },
    })
  })

  it('gives a warning before the target its ISO-8601 threshold', () => {
    const doc = minimalPolicy()
    doc.sla.policies[0].warnings = [{ before: { hours: 1, minutes: 30 } }, { percent: 50 }]
    expect(parsePolicy(doc).sla.policies[0]!.metrics.firstResponse!.warnings).toEqual([
      { before: { kind: 'time', ms: 5_400_000 }, threshold: 'PT1H30M' },
      { percent: 50, threshold: 50 },
    ])
  })

  it('throws POLICY_INVALID listing every issue', () => {
    const doc = minimalPolicy()
    doc.priority.hitPolicy = 'any'
    doc.teams = []
    try {
      parsePolicy(doc)
      expect.unreachable()
    } catch (e) {
      expect(isServiceKitError(e, 'POLICY_INVALID')).toBe(true)
      const issues = (e as { details: { issues: { pointer: string }[] } }).details.issues
      expect(issues.map((i) => i.pointer)).toEqual(['/teams', '/priority/hitPolicy'])
    }
  })

  it('makes unknown operators, undeclared facts and undefined calendars load errors', () => {
    const doc = minimalPolicy()
    doc.priority.rules[0].when.operator = 'equals'
    doc.priority.rules[1].when.fact = 'case.impakt'
    doc.sla.policies[0].calendar = 'ofice'
    expect(issuesOf(doc).map((i) => [i.pointer, i.code, i.message])).toEqual([
      [
        '/priority/rules/0/when/operator',
        'unknown-operator',
        'Unknown operator "equals". Did you mean "equal"? Operators: equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive',
      ],
      [
        '/priority/rules/1/when/fact',
        'undeclared-fact',
        'The fact "case.impakt" is not declared in "facts". Did you mean "case.impact"?',
      ],
      [
        '/sla/policies/0/calendar',
        'undefined-calendar',
        'The calendar "ofice" is not defined in "calendars". Did you mean "office"?',
      ],
    ])
  })

  it('rejects P1D as ambiguous and points at it', () => {
    const doc = minimalPolicy()
    doc.sla.policies[0].metrics.firstResponse.targets.low = 'P1D'
    const [issue] = issuesOf(doc)
    expect(issue!.pointer).toBe('/sla/policies/0/metrics/firstResponse/targets/low')
    expect(issue!.message).toMatch(/ambiguous in business time/)
  })

  it('reports unknown keys one by one, at the key', () => {
    const doc = minimalPolicy()
    doc.priority.rules[0].when = { fact: 'customer.tier', operater: 'equal', value: 'key' }
    const issues = issuesOf(JSON.stringify(doc, null, 2))
    expect(issues[0]).toMatchObject({
      pointer: '/priority/rules/0/when/operater',
      code: 'unrecognized_key',
      message: 'Unknown key "operater"',
    })
    expect(issues[0]!.line).toBeGreaterThan(1)
  })

  it('gives every issue a line and column when given the source text', () => {
    const text = `{
  "id": "x",
  "version": 1
}`
    const issues = issuesOf(text)
    expect(issues.find((i) => i.pointer === '/version')).toMatchObject({ line: 3, column: 14 })
    // A missing property is located at the object that lacks it.
    expect(issues.find((i) => i.pointer === '/facts')).toMatchObject({ line: 1, column: 1 })
  })

  it('locates JSON syntax errors', () => {
    const issues = issuesOf('{\n  "id": "x",\n  "version": "1",\n}')
    expect(issues).toEqual([
      {
        path: [],
        pointer: '',
        code: 'invalid_json',
        message: expect.stringMatching(/^JSON syntax error/),
        line: 4,
        column: 1,
      },
    ])
  })

  it('rejects fact names reaching object internals', () => {
    for (const name of ['case.__proto__', 'constructor', 'case.prototype.x']) {
      const doc = minimalPolicy()
      doc.facts[name] = { type: 'string' }
      expect(issuesOf(doc)[0]!.message).toMatch(/not allowed in a fact path/)
    }
  })

  it('rejects JSONPath expressions beyond simple member access', () => {
    const doc = minimalPolicy()
    doc.routing.rules[0].when.path = '$..[?(@.constructor)]'
    expect(issuesOf(doc)[0]).toMatchObject({
      pointer: '/routing/rules/0/when/path',
      code: 'invalid-fact-path',
    })
  })

  it('checks operators against the fact type and values against the operator', () => {
    const doc = minimalPolicy()
    doc.priority.rules[0].when = { fact: 'customer.tier', operator: 'greaterThan', value: 2 }
    doc.priority.rules[1].when = { fact: 'case.impact', operator: 'in', value: 1 }
    doc.priority.rules[2].when = { fact: 'case.tags', operator: 'equal', value: 'vip' }
    expect(issuesOf(doc).map((i) => i.code)).toEqual([
      'operator-type',
      'value-type',
      'operator-type',
    ])
  })

  it('rejects references to undefined teams, roles, levels, metrics, priorities and pause states', () => {
    const doc = minimalPolicy()
    doc.routing.rules[0].then.team = 'complaint'
    doc.routing.default.role = 'agnet'
    doc.sla.policies[0].metrics.firstRespnse = { target: 'PT1H' }
    doc.sla.policies[0].metrics.firstResponse.targets.urgent = 'PT1H'
    doc.escalation.rules[0].actions.push({ escalate: 'manager' }, { setPriority: 'urgent' })
    expect(issuesOf(doc).map((i) => [i.pointer, i.code])).toEqual([
      ['/routing/rules/0/then/team', 'undefined-team'],
      ['/routing/default/role', 'undefined-role'],
      ['/sla/policies/0/metrics/firstResponse/targets/urgent', 'unknown-priority'],
      ['/sla/policies/0/metrics/firstRespnse', 'undefined-metric'],
      ['/escalation/rules/0/actions/2/escalate', 'undefined-level'],
      ['/escalation/rules/0/actions/3/setPriority', 'unknown-priority'],
    ])
    const states = minimalPolicy()
    states.sla.policies[0].pauseStates = ['waiting.onCustomr']
    expect(issuesOf(states)[0]!.pointer).toBe('/sla/policies/0/pauseStates/0')
  })

  it('checks SLA metric definitions against the case event schemas', () => {
    const doc = minimalPolicy()
    doc.sla.metrics = {
      repairConfirmation: {
        start: [{ event: 'case.opened' }],
        stop: [{ event: 'agent.replied', where: { 'actr.role': 'afterSalesEngineer' } }],
      },
      firstResponse: { extends: 'firstResponse' },
      broken: { start: [{ event: 'case.openned' }] },
    }
    expect(issuesOf(doc).map((i) => [i.pointer, i.code])).toEqual([
      ['/sla/metrics/broken/start/0/event', 'invalid_value'],
    ])
    delete doc.sla.metrics.broken
    expect(issuesOf(doc).map((i) => [i.pointer, i.code, i.message])).toEqual([
      [
        '/sla/metrics/repairConfirmation/stop/0/where/actr.role',
        'invalid-event-field',
        expect.stringMatching(/has no field "actr". Did you mean "actor"\?/),
      ],
      ['/sla/metrics/firstResponse', 'metric-redefined', expect.any(String)],
    ])
  })

  it('reads a due time from one event field or the latest of several, and checks each', () => {
    const doc = minimalPolicy()
    doc.sla.metrics = {
      visit: {
        start: [{ event: 'execution.started' }],
        stop: [{ event: 'execution.completed' }],
        dueAt: { event: 'execution.started', field: 'plannedAt' },
      },
      callBack: {
        start: [{ event: 'customer.replied', after: 'agent.replied' }],
        stop: [{ event: 'agent.replied' }],
        dueAt: [
          { event: 'case.waiting', field: 'until' },
          { event: 'execution.delayed', field: 'newDueAt' },
        ],
      },
    }
    const p = parsePolicy(doc)
    expect(p.sla.metrics.visit!.dueAt).toEqual([{ event: 'execution.started', field: 'plannedAt' }])
    expect(p.sla.metrics.callBack!.dueAt).toHaveLength(2)
    expect(p.sla.metrics.callBack!.start).toEqual([
      { event: 'customer.replied', after: 'agent.replied' },
    ])
    doc.sla.metrics.callBack.dueAt[1].field = 'newDue'
    doc.sla.metrics.callBack.start[0].after = 'agent.reply'
    expect(issuesOf(doc).map((i) => [i.pointer, i.code])).toEqual([
      ['/sla/metrics/callBack/start/0/after', 'invalid_value'],
    ])
    doc.sla.metrics.callBack.start[0].after = 'agent.replied'
    expect(issuesOf(doc).map((i) => [i.pointer, i.code, i.message])).toEqual([
      [
        '/sla/metrics/callBack/dueAt',
        'invalid-event-field',
        expect.stringMatching(/"execution.delayed" event has no field "newDue"/),
      ],
    ])
  })

  it('validates the embedded tests against the fact declarations', () => {
    const doc = minimalPolicy()
    doc.tests = [
      { name: 't', facts: { case: { category: 'complaints' } }, expect: { priority: 'urgent' } },
    ]
    expect(issuesOf(doc).map((i) => [i.pointer, i.code])).toEqual([
      ['/tests/0/facts/case/category', 'test-facts-invalid'],
      ['/tests/0/expect/priority', 'unknown-priority'],
    ])
  })

  it('parses both example policies', () => {
    for (const f of ['standard-after-sales', 'itil-incident']) {
      const text = readFileSync(
        new URL(`../../../examples/policies/${f}.policy.json`, import.meta.url),
        'utf8',
      )
      expect(parsePolicy(text).id).toBe(f)
    }
  })
})
