// The benchmark's workload: seeded after-sales cases under the standard
// after-sales policy, about 11 events each, 4 SLA metrics per case.
import type { CaseEvent } from '@servicekit/core'
import type { Policy, PolicyEngine } from '@servicekit/policy'

const MIN = 60_000
const H = 60 * MIN

/** A small deterministic generator (mulberry32), so every run measures the same cases. */
export function seeded(seed: number): () => number {
  let s = seed
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let x = Math.imul(s ^ (s >>> 15), 1 | s)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * `n` histories of repair-free after-sales cases (category afterSales, usage
 * questions with an on-site visit): opened anywhere in January–November 2026,
 * triaged with the policy's own priority, assigned, answered, waiting on the
 * customer, resumed, visited at (or around) the time the customer chose,
 * resolved and confirmed. Clocks: firstResponse, onsiteArrival and resolution
 * (sla-after-sales, 24×7) and followUp (sla-follow-up, office hours).
 */
export function createHistories(n: number, engine: PolicyEngine): CaseEvent[][] {
  const random = seeded(20_261_001)
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const start0 = Date.parse('2026-01-01T00:00:00+08:00')
  const span = Date.parse('2026-11-20T00:00:00+08:00') - start0
  const tiers = ['key', 'potential', 'ordinary'] as const
  const out: CaseEvent[][] = []
  for (let i = 0; i < n; i++) {
    const caseId = `case-${i}`
    let t = start0 + Math.floor((random() * span) / MIN) * MIN
    const impact = between(1, 3)
    const urgency = between(1, 3)
    const tier = tiers[between(0, 2)]!
    const c = {
      id: caseId,
      customer: { id: `cust-${i}`, name: 'Customer', tier },
      channel: 'web',
      category: 'afterSales',
      subcategory: 'usage',
      impact,
      urgency,
      subject: 'Washing machine does not drain',
      tags: [],
      custom: {},
      openedAt: new Date(t),
    }
    const priority = engine.decide({ case: c, customer: c.customer }).priority
    const events: CaseEvent[] = []
    let k = 0
    const agent = { id: 'agent-1', role: 'agent' }
    const customer = { id: `cust-${i}`, role: 'customer' }
    const add = (type: string, fields: Record<string, unknown>, actor = agent) => {
      events.push({
        id: `${caseId}-${++k}`,
        caseId,
        type,
        at: new Date(t),
        actor,
        ...fields,
      } as CaseEvent)
    }
    add('case.opened', { case: c }, customer)
    t += between(1, 30) * MIN
    add('case.triaged', { category: 'afterSales', subcategory: 'usage', priority, impact, urgency })
    t += between(5, 60) * MIN
    add('case.assigned', { team: 'afterSales', assigneeId: 'agent-1' })
    t += between(10, 900) * MIN
    add('agent.replied', {})
    t += between(0, 30) * MIN
    add('case.waiting', { on: 'customer' })
    t += between(30, 2000) * MIN
    add('customer.replied', {}, customer)
    add('case.resumed', {})
    t += between(60, 600) * MIN
    const plannedAt = t + between(1, 48) * H
    add('execution.started', { plannedAt: new Date(plannedAt) })
    t = Math.max(t, plannedAt + between(-120, 120) * MIN)
    add('execution.step', { step: 'onsiteVisit' })
    t += between(30, 240) * MIN
    add('case.resolved', {})
    t += between(60, 3000) * MIN
    add('resolution.confirmed', { auto: false }, customer)
    out.push(events)
  }
  return out
}

/** The moment each case is read at: a day after its last event. */
export const nowOf = (history: CaseEvent[]): number => history.at(-1)!.at.getTime() + 24 * H

export type { Policy }
