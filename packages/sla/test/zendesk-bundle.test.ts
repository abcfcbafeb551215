// The Zendesk metric bundle worked through in GitLab's handbook, "Zendesk
// metrics definitions" (https://handbook.gitlab.com/handbook/security/customer-support-operations/zendesk/metrics-definitions/),
// in calendar hours. Zendesk's statuses map to the process: pending is
// `case.waiting { on: 'customer' }`, on-hold is `case.waiting { on: 'thirdParty' }`,
// back to open is `case.resumed`, solved is `case.resolved`. The expected
// numbers are the issue's: the handbook's own sums for requester wait, agent
// work and on-hold time are wrong, these are right (checked by hand below).
import { parsePolicy } from '@servicekit/policy'
import { describe, expect, it } from 'vitest'
import { computeSla, type SlaClock } from '../src/index'
import { openCase } from './fixtures/history'

const H = 3_600_000
const allDay = [['00:00', '24:00']]

const policy = parsePolicy({
  id: 'zendesk-bundle',
  version: '1',
  facts: { 'case.category': { type: 'string', required: true } },
  calendars: {
    calendarHours: {
      timeZone: 'UTC',
      week: {
        mon: allDay,
        tue: allDay,
        wed: allDay,
        thu: allDay,
        fri: allDay,
        sat: allDay,
        sun: allDay,
      },
    },
  },
  teams: ['support'],
  roles: ['agent'],
  priority: { levels: ['normal'], hitPolicy: 'first', rules: [], default: 'normal' },
  routing: { rules: [], default: { team: 'support', role: 'agent' } },
  sla: {
    hitPolicy: 'all',
    // Time in one status, defined as data: the clock runs from the opening to
    // the resolution and is paused in every other state.
    metrics: {
      pendingTime: {
        label: { en: 'Pending time', 'zh-CN': '等待客户时间' },
        start: [{ event: 'case.opened' }],
        stop: [{ state: 'resolved' }],
        pause: [
          { state: 'new' },
          { state: 'triaged' },
          { state: 'assigned' },
          { state: 'inProgress' },
          { state: 'waiting.onThirdParty' },
        ],
      },
      onHoldTime: {
        label: { en: 'On-hold time', 'zh-CN': '等待第三方时间' },
        start: [{ event: 'case.opened' }],
        stop: [{ state: 'resolved' }],
        pause: [
          { state: 'new' },
          { state: 'triaged' },
          { state: 'assigned' },
          { state: 'inProgress' },
          { state: 'waiting.onCustomer' },
        ],
      },
    },
    policies: [
      {
        id: 'zendesk',
        calendar: 'calendarHours',
        metrics: Object.fromEntries(
          [
            'firstResponse',
            'nextResponse',
            'requesterWaitTime',
            'agentWorkTime',
            'resolution',
            'periodicUpdate',
            'pausableUpdate',
            'pendingTime',
            'onHoldTime',
          ].map((m) => [m, { target: 'PT100H' }]),
        ),
      },
    ],
  },
})

// Monday 2 March 2026, in UTC.
const customer = { id: 'cust-1', role: 'customer' }
const history = openCase('2026-03-02T09:00:00Z', { category: 'inquiry' })
  .add('agent.replied', '2026-03-02T14:00:00Z')
  .add('customer.replied', '2026-03-02T15:30:00Z', {}, customer)
  .add('agent.replied', '2026-03-02T16:00:00Z')
  .add('case.waiting', '2026-03-02T16:00:00Z', { on: 'customer' })
  .add('customer.replied', '2026-03-03T10:00:00Z', {}, customer)
  .add('case.resumed', '2026-03-03T10:00:00Z')
  .add('case.waiting', '2026-03-03T11:00:00Z', { on: 'thirdParty' })
  .add('case.resumed', '2026-03-04T14:00:00Z')
  .add('agent.replied', '2026-03-04T14:30:00Z')
  .add('case.resolved', '2026-03-04T14:30:00Z').events

const clocks = computeSla(history, policy, { now: '2026-03-05T09:00:00Z' })
const hours = (metric: string) =>
  clocks
    .filter((c: SlaClock) => c.metric === metric)
    .map((c) => {
      expect(c.status).toBe('achieved')
      return c.elapsedMs / H
    })

describe('the Zendesk metric bundle of GitLab’s handbook', () => {
  it('first reply: Mon 09:00 to the reply at 14:00 is 5 h', () => {
    expect(hours('firstResponse')).toEqual([5])
  })

  it('next reply: one instance per customer message, 0.5 h and 28.5 h', () => {
    // Mon 15:30 → 16:00; Tue 10:00 → Wed 14:30 (24 h + 4.5 h).
    expect(hours('nextResponse')).toEqual([0.5, 28.5])
  })

  it('requester wait: everything but pending, 35.5 h', () => {
    // 53.5 h open to solved, less 18 h pending (Mon 16:00 → Tue 10:00).
    expect(hours('requesterWaitTime')).toEqual([35.5])
  })

  it('agent work: new and open only, 8.5 h', () => {
    // Mon 09:00 → 16:00 (7 h) + Tue 10:00 → 11:00 (1 h) + Wed 14:00 → 14:30 (0.5 h).
    expect(hours('agentWorkTime')).toEqual([8.5])
  })

  it('pending 18 h and on-hold 27 h, as metrics the policy defines in JSON', () => {
    expect(hours('pendingTime')).toEqual([18])
    // Tue 11:00 → Wed 14:00.
    expect(hours('onHoldTime')).toEqual([27])
  })

  it('total resolution: Mon 09:00 → Wed 14:30 is 53.5 h', () => {
    expect(hours('resolution')).toEqual([53.5])
  })

  it('periodic update: between agent replies, 2 h and 46.5 h', () => {
    // The reply at the resolution starts no third update clock that counts.
    expect(hours('periodicUpdate')).toEqual([2, 46.5])
  })

  it('pausable update: as periodic, less pending time, 2 h and 28.5 h', () => {
    expect(hours('pausableUpdate')).toEqual([2, 28.5])
  })

  it('pausing is counted too: elapsed + paused is the span of each clock', () => {
    for (const c of clocks)
      expect(c.elapsedMs + c.pausedMs).toBe(c.stoppedAt!.getTime() - c.startedAt.getTime())
    const pending = clocks.find((c) => c.metric === 'requesterWaitTime')!
    expect(pending.pausedMs / H).toBe(18)
  })
})
