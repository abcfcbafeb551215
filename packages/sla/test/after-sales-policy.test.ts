// The standard after-sales policy (examples/policies/standard-after-sales.policy.json)
// on its Shanghai office calendar: 09:00–12:00 and 13:30–18:00 on working days,
// the 2026 holidays and make-up working days of the State Council's notice
// (chinaHolidayNotice2026: Mid-Autumn 25–27 September, National Day 1–7
// October, make-up days Sunday 20 September and Saturday 10 October).
import { readFileSync } from 'node:fs'
import {
  chinaHolidayNotice2026,
  createCalendar,
  defineChinaCalendar,
  type Interval,
} from '@servicekit/calendar'
import { parsePolicy } from '@servicekit/policy'
import { describe, expect, it } from 'vitest'
import { computeSla, nextDeadlines, type SlaClock } from '../src/index'
import { openCase } from './fixtures/history'

const policy = parsePolicy(
  readFileSync(
    new URL('../../../examples/policies/standard-after-sales.policy.json', import.meta.url),
    'utf8',
  ),
)
const keyCustomer = { id: 'cust-9', name: '王芳', tier: 'key' as const }
const clock = (clocks: SlaClock[], metric: string) => {
  const found = clocks.filter((c) => c.metric === metric)
  expect(found).toHaveLength(1)
  return found[0]!
}
const at = (iso: string) => new Date(iso)

describe('the office calendar of the policy', () => {
  it('is the 2026 State Council notice: same open days from 15 September to 20 October', () => {
    const lunch: Interval[] = [
      ['09:00', '12:00'],
      ['13:30', '18:00'],
    ]
    const week = { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch }
    const notice = createCalendar(defineChinaCalendar({ week, notices: [chinaHolidayNotice2026] }))
    const office = createCalendar(policy.calendars.office!)
    const closed: string[] = []
    for (
      let d = Date.parse('2026-09-15T10:00:00+08:00');
      d < Date.parse('2026-10-20T00:00:00+08:00');
      d += 86_400_000
    ) {
      expect(office.isOpen(d)).toBe(notice.isOpen(d))
      if (!office.isOpen(d)) closed.push(new Date(d + 8 * 3_600_000).toISOString().slice(5, 10))
    }
    // Weekends, Mid-Autumn (Fri 25 – Sun 27), National Day (1–7), and Sunday 11 October;
    // Sunday 20 September and Saturday 10 October are worked.
    expect(closed).toEqual([
      '09-19',
      '09-25',
      '09-26',
      '09-27',
      '10-01',
      '10-02',
      '10-03',
      '10-04',
      '10-05',
      '10-06',
      '10-07',
      '10-11',
      '10-17',
      '10-18',
    ])
  })
})

describe('a complaint from a key customer before National Day', () => {
  const complaint = (openedAt: string) =>
    openCase(openedAt, {
      customer: keyCustomer,
      channel: 'web',
      category: 'complaint',
      subcategory: 'service',
      subject: '安装师傅态度恶劣 The installer was rude',
    })

  it('opened on the Friday evening before National Day (25 September, 19:30, the Mid-Autumn holiday)', () => {
    const history = complaint('2026-09-25T19:30:00+08:00').events
    const clocks = computeSla(history, policy, { now: '2026-09-26T10:00:00+08:00' })
    expect(clocks.map((c) => [c.metric, c.policyId, c.priority, c.team])).toEqual([
      ['firstResponse', 'sla-complaint', 'high', 'complaints'],
      ['complaintInvestigation', 'sla-complaint', 'high', 'complaints'],
      ['complaintVerification', 'sla-complaint', 'high', 'complaints'],
      ['complaintSolution', 'sla-complaint', 'high', 'complaints'],
    ])
    // Nothing is open until Monday 28 September 09:00; one working day later is Tuesday 09:00.
    const investigation = clock(clocks, 'complaintInvestigation')
    expect(investigation.dueAt).toEqual(at('2026-09-29T09:00:00+08:00'))
    expect(investigation.targetMs).toBe(7.5 * 3_600_000) // Monday's open hours
    expect(investigation.elapsedMs).toBe(0)
    // Three working days: Tue 29, Wed 30 September, then (1–7 October closed) Thursday 8 October.
    expect(clock(clocks, 'complaintVerification').dueAt).toEqual(at('2026-10-08T09:00:00+08:00'))
    // Five: 29 and 30 September, 8 and 9 October, and the make-up Saturday 10 October.
    expect(clock(clocks, 'complaintSolution').dueAt).toEqual(at('2026-10-10T09:00:00+08:00'))
    // The first response is in calendar hours (the all-day calendar): 24 h.
    expect(clock(clocks, 'firstResponse').dueAt).toEqual(at('2026-09-26T19:30:00+08:00'))
  })

  it('opened the evening before the holiday week (Wednesday 30 September, 18:40)', () => {
    const history = complaint('2026-09-30T18:40:00+08:00').events
    const clocks = computeSla(history, policy, { now: '2026-10-05T12:00:00+08:00' })
    // Open again on Thursday 8 October 09:00: investigated by Friday 9 October 09:00.
    const investigation = clock(clocks, 'complaintInvestigation')
    expect(investigation.dueAt).toEqual(at('2026-10-09T09:00:00+08:00'))
    expect(investigation.status).toBe('running')
    expect(investigation.elapsedMs).toBe(0) // the whole holiday week holds no business time
    // Verified within three working days: 9 October, the make-up Saturday 10 October, Monday 12 October.
    expect(clock(clocks, 'complaintVerification').dueAt).toEqual(at('2026-10-12T09:00:00+08:00'))
    // The 75% warning of the investigation: 5 h 37.5 min of Thursday 8 October's 7.5 h,
    // 3 h in the morning and 2 h 37.5 min from 13:30.
    expect(investigation.warnings).toEqual([
      { threshold: 75, at: at('2026-10-08T16:07:30+08:00'), fired: false },
    ])
  })

  it('opened on Friday 9 October at 17:00: due on the make-up Saturday at 17:00', () => {
    const history = complaint('2026-10-09T17:00:00+08:00').events
    const clocks = computeSla(history, policy, { now: '2026-10-09T17:00:00+08:00' })
    expect(clock(clocks, 'complaintInvestigation').dueAt).toEqual(at('2026-10-10T17:00:00+08:00'))
  })

  it('is on time when investigated at the due moment, and breached a minute later', () => {
    const investigated = (when: string) =>
      clock(
        computeSla(
          complaint('2026-09-25T19:30:00+08:00').add('execution.step', when, {
            step: 'investigated',
          }).events,
          policy,
          { now: '2026-10-12T09:00:00+08:00' },
        ),
        'complaintInvestigation',
      )
    // Monday evening and Tuesday 09:00 hold no more open time than Monday's 7.5 h.
    expect(investigated('2026-09-28T20:00:00+08:00')).toMatchObject({
      status: 'achieved',
      elapsedMs: 7.5 * 3_600_000,
      remainingMs: 0,
      breachedAt: null,
    })
    expect(investigated('2026-09-29T09:00:00+08:00').status).toBe('achieved')
    expect(investigated('2026-09-29T09:01:00+08:00')).toMatchObject({
      status: 'breached',
      breachedAt: at('2026-09-29T09:00:00+08:00'),
      dueAt: at('2026-09-29T09:00:00+08:00'),
      remainingMs: -60_000,
    })
  })
})

describe('a repair reported at 11:50 on a working day', () => {
  const repair = () =>
    openCase('2026-09-28T11:50:00+08:00', {
      customer: { id: 'cust-3', name: '张伟', tier: 'ordinary' },
      channel: 'web',
      category: 'afterSales',
      subcategory: 'quality',
      impact: 2,
      urgency: 2,
      subject: '洗衣机漏水 Washing machine leaks',
    })
  const engineer = { id: 'eng-3', role: 'afterSalesEngineer' }

  it('has its 2-hour confirmation due at 15:20, across the lunch break', () => {
    const clocks = computeSla(repair().events, policy, { now: '2026-09-28T12:30:00+08:00' })
    const confirmation = clock(clocks, 'repairConfirmation')
    // 10 minutes before 12:00, then 1 h 50 min from 13:30.
    expect(confirmation).toMatchObject({
      policyId: 'sla-repair',
      calendar: 'office',
      status: 'running',
      targetMs: 2 * 3_600_000,
      elapsedMs: 10 * 60_000,
      remainingMs: 110 * 60_000,
      dueAt: at('2026-09-28T15:20:00+08:00'),
    })
    // 75% is 90 minutes: 10 before lunch and 80 after it.
    expect(confirmation.warnings).toEqual([
      { threshold: 75, at: at('2026-09-28T14:50:00+08:00'), fired: false },
    ])
    expect(nextDeadlines(clocks).filter((d) => d.metric === 'repairConfirmation')).toEqual([
      {
        caseId: 'case-1',
        metric: 'repairConfirmation',
        instance: 0,
        policyId: 'sla-repair',
        kind: 'warning',
        threshold: 75,
        at: at('2026-09-28T14:50:00+08:00'),
      },
      {
        caseId: 'case-1',
        metric: 'repairConfirmation',
        instance: 0,
        policyId: 'sla-repair',
        kind: 'breach',
        threshold: null,
        at: at('2026-09-28T15:20:00+08:00'),
      },
    ])
  })

  it('is confirmed on time by the engineer at 15:20, and late at 15:21', () => {
    const confirmed = (when: string) =>
      clock(
        computeSla(repair().add('agent.replied', when, {}, engineer).events, policy, {
          now: '2026-09-29T09:00:00+08:00',
        }),
        'repairConfirmation',
      )
    expect(confirmed('2026-09-28T15:20:00+08:00')).toMatchObject({
      status: 'achieved',
      stoppedAt: at('2026-09-28T15:20:00+08:00'),
      elapsedMs: 2 * 3_600_000,
    })
    expect(confirmed('2026-09-28T15:21:00+08:00')).toMatchObject({
      status: 'breached',
      breachedAt: at('2026-09-28T15:20:00+08:00'),
      elapsedMs: 2 * 3_600_000 + 60_000,
    })
    // A reply by an agent who is not the engineer does not confirm the repair.
    const byAgent = clock(
      computeSla(repair().add('agent.replied', '2026-09-28T12:00:00+08:00').events, policy, {
        now: '2026-09-28T13:00:00+08:00',
      }),
      'repairConfirmation',
    )
    expect(byAgent.status).toBe('running')
  })
})
