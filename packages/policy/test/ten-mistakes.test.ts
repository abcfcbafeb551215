import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lintPolicy, safeParsePolicy } from '../src/index'

const source = readFileSync(new URL('./fixtures/ten-mistakes.json', import.meta.url), 'utf8')

describe('a policy with ten authoring mistakes', () => {
  it('yields ten findings with pointers, positions and readable messages', () => {
    const text = lintPolicy(source)
      .map((f) => `${f.line}:${f.column} ${f.severity} ${f.code} ${f.pointer}\n  ${f.message}`)
      .join('\n')
    expect(text).toBe(
      [
        '12:21 warning fact-unused /facts/case.channel',
        '  The fact "case.channel" is declared but no rule reads it',
        '43:23 error unknown-operator /priority/rules/0/when/operator',
        '  Unknown operator "equals". Did you mean "equal"? Operators: equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive',
        '53:20 warning value-not-allowed /priority/rules/1/when/value',
        '  "complaints" is not an allowed value of "case.category" ("complaint", "afterSales", "inquiry"), so this comparison never matches it',
        '57:7 warning rule-never-fires /priority/rules/2',
        '  "impossible" can never fire: no facts satisfy its condition',
        '91:7 warning rule-overlap /routing/rules/1',
        '  "route-complaint" and "route-key" both match when case.category = "complaint", customer.tier = "key" but decide differently; the earlier one wins. Make them exclusive, or put the more specific one first',
        '102:7 warning rule-shadowed /routing/rules/2',
        '  "route-complaint-again" never applies: "route-complaint" matches every case it matches, and the first match wins',
        '117:19 error undeclared-fact /routing/rules/3/when/fact',
        '  The fact "customer.teir" is not declared in "facts". Did you mean "customer.tier"?',
        '143:28 warning priority-without-target /sla/policies/0/metrics/firstResponse',
        '  "firstResponse" of "sla-all" has no target for "low", which can reach this SLA policy; such cases get no firstResponse clock',
        '153:25 error undefined-calendar /sla/policies/0/metrics/resolution/calendar',
        '  The calendar "ofice" is not defined in "calendars". Did you mean "office"?',
        '180:25 error undefined-level /escalation/rules/0/actions/0/escalate',
        '  "supervisr" is not a level of the escalation ladder. Did you mean "supervisor"?',
      ].join('\n'),
    )
  })

  it('does not load: its four errors are POLICY_INVALID issues at the same places', () => {
    const r = safeParsePolicy(source)
    expect(r.success).toBe(false)
    if (r.success) return
    const issues = (r.error.details as { issues: { pointer: string; line?: number }[] }).issues
    expect(issues.map((i) => `${i.line} ${i.pointer}`)).toEqual([
      '43 /priority/rules/0/when/operator',
      '117 /routing/rules/3/when/fact',
      '153 /sla/policies/0/metrics/resolution/calendar',
      '180 /escalation/rules/0/actions/0/escalate',
    ])
  })
})
