import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { explain, parsePolicy } from '../src/index'

const policy = parsePolicy(
  readFileSync(
    new URL('../../../examples/policies/standard-after-sales.policy.json', import.meta.url),
    'utf8',
  ),
)

describe('explain', () => {
  it('says which rules fired and why, with the value of every fact they read', () => {
    const text = explain(policy, {
      case: { category: 'complaint', subcategory: 'service', channel: 'web', reopenCount: 1 },
      customer: { tier: 'key' },
    })
    expect(text).toBe(
      [
        'Priority: high (hit policy max: the most urgent match wins)',
        '  ✗ "safety-risk" → urgent: case.flags contains "safetyRisk" (is absent) ✗',
        '  ✗ "system-failure" → urgent: case.flags contains "systemFailure" (is absent) ✗',
        '  ✗ "angry-customer" → high: customer.emotion equal "angry" (is absent) ✗',
        '  ✓ "key-customer" → high: customer.tier equal "key" (is "key") ✓',
        '  ✓ "complaint" → medium: case.category equal "complaint" (is "complaint") ✓',
        '  ✗ matrix: no cell for case.impact = absent, case.urgency = absent',
        'Team: complaints, role relationshipManager (the first matching routing rule wins)',
        '  ✓ "route-key-complaint": (case.category equal "complaint" (is "complaint") ✓ and customer.tier equal "key" (is "key") ✓)',
        'SLA policies: sla-complaint, sla-follow-up (hit policy all)',
        '  ✗ "sla-phone": case.channel equal "phone" (is "web") ✗',
        '  ✓ "sla-complaint": case.category equal "complaint" (is "complaint") ✓',
        '  ✗ "sla-after-sales": case.category equal "afterSales" (is "complaint") ✗',
        '  ✗ "sla-repair": (case.category equal "afterSales" (is "complaint") ✗ and case.subcategory in ["technical","quality"] (is "service") ✗)',
        '  ✗ "sla-inquiry": case.category in ["productInquiry","technicalInquiry","account"] (is "complaint") ✗',
        '  ✓ "sla-follow-up": no condition (always)',
        'Escalations: key-customer-complaint, reopened-key-complaint',
        '  ✓ "key-customer-complaint": (case.category equal "complaint" (is "complaint") ✓ and customer.tier equal "key" (is "key") ✓) → escalate to manager (level 2), notify manager',
        '  ✓ "reopened-key-complaint": (case.category equal "complaint" (is "complaint") ✓ and customer.tier equal "key" (is "key") ✓ and case.reopenCount greaterThan 0 (is 1) ✓) → notify relationshipManager',
      ].join('\n'),
    )
  })

  it('explains an SLA event and the default when nothing matched', () => {
    const text = explain(
      policy,
      { case: { category: 'account', channel: 'email' }, customer: { tier: 'ordinary' } },
      {
        event: { type: 'sla.breached', metric: 'firstResponse' },
      },
    )
    expect(text).toContain(
      'Team: frontLine, role agent (the first matching routing rule wins)\n  ✗ "route-key-complaint"',
    )
    expect(text).toContain('  → no rule matched: the default, low')
    expect(text).toContain(
      'Escalations: breach-manager (for sla.breached of firstResponse)\n  ✓ "breach-manager": on sla.breached of * → notify manager, escalate to manager (level 2)',
    )
  })
})
