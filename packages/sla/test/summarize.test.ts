import { describe, expect, it } from 'vitest'
import { computeSla, nextDeadlines, type SlaClock, summarizeSla } from '../src/index'
import { openCase } from './fixtures/history'
import { changePolicy } from './fixtures/policies'

const H = 3_600_000
const policy = changePolicy()
// Office hours Monday–Friday 09:00–17:00 UTC. Low: 16 h resolution, high: 8 h, urgent: 24 h (24×7).
const triaged = (id: string, at: string, priority: string, category = 'inquiry') =>
  openCase(at, { id, category }).add('case.triaged', at, { category, priority })

const cases = [
  // Resolved within 2 h: achieved (March).
  triaged('a', '2026-03-02T09:00:00Z', 'high').add('case.resolved', '2026-03-02T11:00:00Z').events,
  // Resolved after 10 office hours: breached (March).
  triaged('b', '2026-03-02T09:00:00Z', 'high').add('case.resolved', '2026-03-03T11:00:00Z').events,
  // Still open, 7.5 of 8 hours used (31 March 16:30–17:00, 1 April 09:00–16:00): at risk (March).
  triaged('c', '2026-03-31T16:30:00Z', 'high').events,
  // Open, 1 of 16 hours used: fine (April).
  triaged('d', '2026-04-01T15:00:00Z', 'low', 'complaint').events,
  // Cancelled: counts in neither (April).
  triaged('e', '2026-04-01T09:00:00Z', 'urgent').add('case.cancelled', '2026-04-01T10:00:00Z', {
    reason: 'duplicate',
  }).events,
]
const now = '2026-04-01T16:00:00Z'
const clocks: SlaClock[] = cases.flatMap((h) => computeSla(h, policy, { now }))

describe('summarizeSla', () => {
  it('gives attainment = achieved / (achieved + breached), with the counts behind it', () => {
    const s = summarizeSla(clocks)
    expect(s.overall).toEqual({
      achieved: 1,
      breached: 1,
      running: 2,
      paused: 0,
      cancelled: 1,
      total: 5,
      attainment: 0.5,
      atRisk: 1,
    })
    expect(s.byPriority.high!.attainment).toBe(0.5)
    expect(s.byPriority.low).toMatchObject({ running: 1, attainment: null })
    expect(s.byTeam).toMatchObject({ support: { total: 4 }, complaints: { total: 1 } })
    expect(Object.keys(s.byMonth)).toEqual(['2026-03', '2026-04'])
    expect(s.byMonth['2026-03']).toMatchObject({ achieved: 1, breached: 1, running: 1, atRisk: 1 })
    expect(s.byMetric.resolution!.total).toBe(5)
  })

  it('lists the open clocks at risk, least time left first', () => {
    const s = summarizeSla(clocks)
    expect(s.atRisk.map((c) => [c.caseId, c.remainingMs / H])).toEqual([['c', 0.5]])
    // At 5%, the case with 1 of 16 hours used is at risk too.
    expect(summarizeSla(clocks, { atRiskPercent: 5 }).atRisk.map((c) => c.caseId)).toEqual([
      'c',
      'd',
    ])
  })

  it('counts months in the time zone asked for', () => {
    // 2026-03-31T16:30Z is already 1 April in Auckland (UTC+13).
    const s = summarizeSla(clocks, { timeZone: 'Pacific/Auckland' })
    expect(s.byMonth['2026-03']!.total).toBe(2)
    expect(s.byMonth['2026-04']!.total).toBe(3)
  })
})

describe('nextDeadlines', () => {
  it('lists the warnings not yet fired and the breaches ahead of running clocks, earliest first', () => {
    const deadlines = nextDeadlines(clocks)
    expect(deadlines.map((d) => [d.caseId, d.kind, d.threshold, d.at.toISOString()])).toEqual([
      // Case c: half an hour left at 16:00; its 50% warning fired at 12:30.
      ['c', 'breach', null, '2026-04-01T16:30:00.000Z'],
      // Case d: 16 h from Wednesday 1 April 15:00: 2 h that day, 8 h on Thursday, 6 h on Friday.
      ['d', 'warning', 50, '2026-04-02T15:00:00.000Z'],
      ['d', 'breach', null, '2026-04-03T15:00:00.000Z'],
    ])
  })
})
