// Every result the package README states, computed with the README's own inputs.
import { readFileSync } from 'node:fs'
import { parseCaseEvent } from '@servicekit/core'
import { parsePolicy } from '@servicekit/policy'
import { describe, expect, it } from 'vitest'
import { advanceSla, computeSla, nextDeadlines, summarizeSla, toSlaClocks } from '../src/index'

const policy = parsePolicy(
  readFileSync(
    new URL('../../../examples/policies/standard-after-sales.policy.json', import.meta.url),
    'utf8',
  ),
)
const history = [
  parseCaseEvent({
    id: 'e1',
    caseId: 'c-1',
    type: 'case.opened',
    at: '2026-09-30T18:40:00+08:00',
    actor: { id: 'cust-9', role: 'customer' },
    case: {
      id: 'c-1',
      customer: { id: 'cust-9', name: '王芳', tier: 'key' },
      channel: 'web',
      category: 'complaint',
      subcategory: 'service',
      subject: 'The installer was rude',
      openedAt: '2026-09-30T18:40:00+08:00',
    },
  }),
]

describe('README', () => {
  it('the clocks of a case', () => {
    const clocks = computeSla(history, policy, { now: '2026-10-08T10:00:00+08:00' })
    expect(clocks.map((c) => [c.metric, c.status, c.dueAt?.toISOString()])).toEqual([
      ['firstResponse', 'breached', '2026-10-01T10:40:00.000Z'],
      ['complaintInvestigation', 'running', '2026-10-09T01:00:00.000Z'],
      ['complaintVerification', 'running', '2026-10-12T01:00:00.000Z'],
      ['complaintSolution', 'running', '2026-10-14T01:00:00.000Z'],
    ])
    expect(nextDeadlines(clocks)[0]).toMatchObject({
      metric: 'complaintInvestigation',
      kind: 'warning',
      threshold: 75,
      at: new Date('2026-10-08T08:07:30Z'),
    })
  })

  it('one event at a time', () => {
    const agentReplied = parseCaseEvent({
      id: 'e2',
      caseId: 'c-1',
      type: 'agent.replied',
      at: '2026-10-08T09:30:00+08:00',
      actor: { id: 'rm-1', role: 'relationshipManager' },
    })
    let state = advanceSla(undefined, history, policy)
    state = advanceSla(state, [agentReplied], policy)
    const timers = nextDeadlines(toSlaClocks(state, policy, { now: agentReplied.at }))
    expect(timers.map((t) => [t.metric, t.kind])).toEqual([
      ['complaintInvestigation', 'warning'],
      ['complaintInvestigation', 'breach'],
      ['complaintVerification', 'warning'],
      ['complaintVerification', 'breach'],
      ['complaintSolution', 'warning'],
      ['complaintSolution', 'breach'],
    ])
  })

  it('attainment', () => {
    const now = '2026-10-08T10:00:00+08:00'
    const summary = summarizeSla(computeSla(history, policy, { now }), {
      timeZone: 'Asia/Shanghai',
    })
    expect(summary.byMetric.firstResponse!.attainment).toBe(0)
    expect(summary.byMonth['2026-09']!.total).toBe(4)
    expect(summary.atRisk).toEqual([])
  })
})
