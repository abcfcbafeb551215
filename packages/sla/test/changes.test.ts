// Mid-case changes, the worked examples of docs/sla.md ("Changes mid-case").
// Office hours are Monday to Friday 09:00–17:00 UTC; 2026-03-06 is a Friday.
import { readFileSync } from 'node:fs'
import { parsePolicy, type SlaChangeRule } from '@servicekit/policy'
import { describe, expect, it } from 'vitest'
import { computeSla } from '../src/index'
import { openCase } from './fixtures/history'
import { changePolicy } from './fixtures/policies'

const H = 3_600_000
const at = (iso: string) => new Date(iso)
const summary = (c: ReturnType<typeof computeSla>[number]) => ({
  instance: c.instance,
  policyId: c.policyId,
  status: c.status,
  calendar: c.calendar,
  startedAt: c.startedAt.toISOString(),
  elapsedH: c.elapsedMs / H,
  targetH: c.targetMs / H,
  dueAt: c.dueAt?.toISOString() ?? null,
})

describe('a priority change within one SLA policy (low 16 h → high 8 h at Monday 13:00)', () => {
  // Opened Monday 09:00 as low: 16 office hours. Raised to high after 4 hours.
  const history = openCase('2026-03-02T09:00:00Z', { category: 'inquiry' })
    .add('case.triaged', '2026-03-02T09:00:00Z', { category: 'inquiry', priority: 'low' })
    .add('priority.changed', '2026-03-02T13:00:00Z', { priority: 'high' }).events
  const run = (priority: SlaChangeRule) =>
    computeSla(history, changePolicy({ changes: { priority } }), {
      now: '2026-03-02T14:00:00Z',
    }).map(summary)

  // 8 office hours from Monday 09:00 are used up at 17:00; nothing more can be
  // lost before Tuesday 09:00, so that is the last on-time moment (dueAt).
  it('recalculate: the 4 hours used count against the new 8 h, due by Tuesday 09:00', () => {
    expect(run({ mode: 'recalculate' })).toEqual([
      {
        instance: 0,
        policyId: 'sla-normal',
        status: 'running',
        calendar: 'office',
        startedAt: '2026-03-02T09:00:00.000Z',
        elapsedH: 5,
        targetH: 8,
        dueAt: '2026-03-03T09:00:00.000Z',
      },
    ])
  })

  it('restart from the change: the old clock is cancelled, a new one runs from 13:00, due Tuesday 13:00', () => {
    expect(run({ mode: 'restart', from: 'change' })).toEqual([
      {
        instance: 0,
        policyId: 'sla-normal',
        status: 'cancelled',
        calendar: 'office',
        startedAt: '2026-03-02T09:00:00.000Z',
        elapsedH: 4,
        targetH: 16,
        // The deadline it had when cancelled: 12 h left from Monday 13:00.
        dueAt: '2026-03-04T09:00:00.000Z',
      },
      {
        instance: 1,
        policyId: 'sla-normal',
        status: 'running',
        calendar: 'office',
        startedAt: '2026-03-02T13:00:00.000Z',
        elapsedH: 1,
        targetH: 8,
        dueAt: '2026-03-03T13:00:00.000Z',
      },
    ])
  })

  it('restart from the original start: a new clock counting from Monday 09:00, due by Tuesday 09:00', () => {
    const [old, fresh] = run({ mode: 'restart', from: 'originalStart' })
    expect(old!.status).toBe('cancelled')
    expect(fresh).toEqual({
      instance: 1,
      policyId: 'sla-normal',
      status: 'running',
      calendar: 'office',
      startedAt: '2026-03-02T09:00:00.000Z',
      elapsedH: 5,
      targetH: 8,
      dueAt: '2026-03-03T09:00:00.000Z',
    })
  })

  it('a lower target can make a running clock breached at once, when it was missed', () => {
    // Opened as low at Monday 09:00, made high at Tuesday 10:00 after 9 office hours.
    const late = openCase('2026-03-02T09:00:00Z', { category: 'inquiry' })
      .add('case.triaged', '2026-03-02T09:00:00Z', { category: 'inquiry', priority: 'low' })
      .add('priority.changed', '2026-03-03T10:00:00Z', { priority: 'high' }).events
    const [c] = computeSla(late, changePolicy(), { now: '2026-03-03T10:00:00Z' })
    expect(c).toMatchObject({
      status: 'breached',
      elapsedMs: 9 * H,
      remainingMs: -H,
      // 8 office hours were used up at Monday 17:00; the last on-time moment is Tuesday 09:00.
      breachedAt: at('2026-03-03T09:00:00Z'),
    })
  })
})

describe('a calendar change (Friday 16:00 low on office hours → urgent on 24×7 at Monday 10:00)', () => {
  // By Monday 10:00 the case has used 2 office hours (Friday 16–17, Monday 9–10)
  // over 66 calendar hours. Urgent cases get 24 hours on the 24×7 calendar.
  const history = openCase('2026-03-06T16:00:00Z', { category: 'inquiry' })
    .add('case.triaged', '2026-03-06T16:00:00Z', { category: 'inquiry', priority: 'low' })
    .add('priority.changed', '2026-03-09T10:00:00Z', { priority: 'urgent' }).events
  const run = (calendar: 'perSegment' | 'last') =>
    computeSla(history, changePolicy({ changes: { calendar } }), {
      now: '2026-03-09T11:00:00Z',
    }).map(summary)

  it('perSegment: 2 h from the office span, then 24×7: due Tuesday 08:00', () => {
    expect(run('perSegment')).toEqual([
      {
        instance: 0,
        policyId: 'sla-urgent',
        status: 'running',
        calendar: 'allDay',
        startedAt: '2026-03-06T16:00:00.000Z',
        elapsedH: 3,
        targetH: 24,
        dueAt: '2026-03-10T08:00:00.000Z',
      },
    ])
  })

  it('last: the whole span on 24×7 is 67 h, breached since Saturday 16:00 (Zendesk’s rule)', () => {
    expect(run('last')).toEqual([
      {
        instance: 0,
        policyId: 'sla-urgent',
        status: 'breached',
        calendar: 'allDay',
        startedAt: '2026-03-06T16:00:00.000Z',
        elapsedH: 67,
        targetH: 24,
        dueAt: '2026-03-07T16:00:00.000Z',
      },
    ])
  })
})

describe('a category change in the standard after-sales policy (restart from the original start)', () => {
  const policy = parsePolicy(
    readFileSync(
      new URL('../../../examples/policies/standard-after-sales.policy.json', import.meta.url),
      'utf8',
    ),
  )
  // A usage question on Monday 28 September 2026, 09:00; at 11:00 it turns out to be a complaint.
  const history = openCase('2026-09-28T09:00:00+08:00', {
    customer: { id: 'c-5', name: 'Zhao Min', tier: 'ordinary' },
    category: 'afterSales',
    subcategory: 'usage',
    impact: 3,
    urgency: 3,
  }).add('category.changed', '2026-09-28T11:00:00+08:00', {
    category: 'complaint',
    subcategory: 'service',
  }).events
  const clocks = computeSla(history, policy, { now: '2026-09-28T12:00:00+08:00' })

  it('cancels the after-sales clocks and attaches the complaint ones as if from 09:00', () => {
    expect(clocks.map((c) => [c.metric, c.instance, c.policyId, c.status, c.startedAt])).toEqual([
      ['firstResponse', 0, 'sla-after-sales', 'cancelled', at('2026-09-28T09:00:00+08:00')],
      ['resolution', 0, 'sla-after-sales', 'cancelled', at('2026-09-28T09:00:00+08:00')],
      ['firstResponse', 1, 'sla-complaint', 'running', at('2026-09-28T09:00:00+08:00')],
      ['complaintInvestigation', 0, 'sla-complaint', 'running', at('2026-09-28T09:00:00+08:00')],
      ['complaintVerification', 0, 'sla-complaint', 'running', at('2026-09-28T09:00:00+08:00')],
      ['complaintSolution', 0, 'sla-complaint', 'running', at('2026-09-28T09:00:00+08:00')],
    ])
    // The complaint's first response: 24 calendar hours from the original start.
    expect(clocks[2]!.dueAt).toEqual(at('2026-09-29T09:00:00+08:00'))
    expect(clocks[2]!.elapsedMs).toBe(3 * H)
    // The investigation counts office hours from 09:00: 3 h by noon.
    expect(clocks[3]!.elapsedMs).toBe(3 * H)
    expect(clocks[3]!.dueAt).toEqual(at('2026-09-29T09:00:00+08:00'))
  })

  it('routes the clocks to the new team from the change', () => {
    expect(clocks.filter((c) => c.status === 'running').map((c) => c.team)).toEqual([
      'complaints',
      'complaints',
      'complaints',
      'complaints',
    ])
  })
})
