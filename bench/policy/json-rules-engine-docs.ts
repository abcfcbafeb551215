// The same policy as json-rules-engine's README shows it used: one Engine,
// rules with events, `await engine.run(facts)`, then read the events. Facts
// are passed as objects and read with `path`, as its docs show for nested data.
import { Engine, type NestedCondition } from 'json-rules-engine'
import type { HandDecision } from './hand-written'

const eq = (fact: string, path: string, value: unknown) => ({
  fact,
  path,
  operator: 'equal',
  value,
})

export function createDocsEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true })
  const add = (priority: number, all: NestedCondition[], type: string, params: object) =>
    engine.addRule({ priority, conditions: { all }, event: { type, params } })
  add(
    10,
    [{ fact: 'case', path: '$.flags', operator: 'contains', value: 'safetyRisk' }],
    'priority',
    { value: 'urgent' },
  )
  add(
    10,
    [{ fact: 'case', path: '$.flags', operator: 'contains', value: 'systemFailure' }],
    'priority',
    { value: 'urgent' },
  )
  add(10, [eq('customer', '$.emotion', 'angry')], 'priority', { value: 'high' })
  add(10, [eq('customer', '$.tier', 'key')], 'priority', { value: 'high' })
  add(10, [eq('case', '$.category', 'complaint')], 'priority', { value: 'medium' })
  const cells = [
    ['urgent', 'high', 'medium'],
    ['high', 'medium', 'low'],
    ['medium', 'low', 'low'],
  ]
  cells.forEach((row, i) => {
    row.forEach((value, j) => {
      add(10, [eq('case', '$.impact', i + 1), eq('case', '$.urgency', j + 1)], 'priority', {
        value,
      })
    })
  })
  const complaint = eq('case', '$.category', 'complaint')
  const key = eq('customer', '$.tier', 'key')
  const afterSales = eq('case', '$.category', 'afterSales')
  const repair = {
    fact: 'case',
    path: '$.subcategory',
    operator: 'in',
    value: ['technical', 'quality'],
  }
  add(5, [complaint, key], 'route', { order: 0, team: 'complaints', role: 'relationshipManager' })
  add(5, [complaint], 'route', { order: 1, team: 'complaints', role: 'agent' })
  add(5, [afterSales, repair], 'route', {
    order: 2,
    team: 'afterSales',
    role: 'afterSalesEngineer',
    skills: ['repair'],
  })
  add(5, [afterSales], 'route', { order: 3, team: 'afterSales', role: 'agent' })
  add(5, [eq('case', '$.category', 'technicalInquiry')], 'route', {
    order: 4,
    team: 'technicalSupport',
    role: 'technicalSupport',
  })
  add(3, [eq('case', '$.channel', 'phone')], 'sla', { order: 0, id: 'sla-phone' })
  add(3, [complaint], 'sla', { order: 1, id: 'sla-complaint' })
  add(3, [afterSales], 'sla', { order: 2, id: 'sla-after-sales' })
  add(3, [afterSales, repair], 'sla', { order: 3, id: 'sla-repair' })
  add(
    3,
    [
      {
        fact: 'case',
        path: '$.category',
        operator: 'in',
        value: ['productInquiry', 'technicalInquiry', 'account'],
      },
    ],
    'sla',
    { order: 4, id: 'sla-inquiry' },
  )
  add(3, [], 'sla', { order: 5, id: 'sla-follow-up' })
  add(1, [complaint, key], 'escalate', { order: 0, id: 'key-customer-complaint' })
  add(
    1,
    [complaint, key, { fact: 'case', path: '$.reopenCount', operator: 'greaterThan', value: 0 }],
    'escalate',
    { order: 1, id: 'reopened-key-complaint' },
  )
  return engine
}

const rank: Record<string, number> = { urgent: 0, high: 1, medium: 2, low: 3 }

/** Reads a decision from the events of one run. */
export async function decideWithDocsEngine(
  engine: Engine,
  facts: Record<string, unknown>,
): Promise<HandDecision> {
  const { events } = await engine.run(facts)
  let priority = 'low'
  let best = 99
  let route: { order: number; team: string; role: string; skills?: string[] } | undefined
  const sla: { order: number; id: string }[] = []
  const escalations: { order: number; id: string }[] = []
  for (const e of events) {
    const p = e.params as {
      value: string
      order: number
      id: string
      team: string
      role: string
      skills?: string[]
    }
    if (e.type === 'priority' && rank[p.value]! < best) {
      best = rank[p.value]!
      priority = p.value
    } else if (e.type === 'route' && (!route || p.order < route.order)) route = p
    else if (e.type === 'sla') sla.push(p)
    else if (e.type === 'escalate') escalations.push(p)
  }
  return {
    priority,
    team: route?.team ?? 'frontLine',
    role: route?.role ?? 'agent',
    skills: route?.skills ?? [],
    slaPolicies: sla.sort((a, b) => a.order - b.order).map((s) => s.id),
    escalations: escalations.sort((a, b) => a.order - b.order).map((s) => s.id),
  }
}
