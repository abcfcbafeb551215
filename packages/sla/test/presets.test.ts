// What each preset measures, event by event (the definitions are in docs/sla.md).
// Calendar hours in Asia/Shanghai; 2026-03-02 is a Monday.
import { describe, expect, it } from 'vitest'
import { computeSla, type SlaClock, slaPresets } from '../src/index'
import { allPresetsPolicy } from './fixtures/all-presets'
import { openCase } from './fixtures/history'

const H = 3_600_000
const policy = allPresetsPolicy()
const customer = { id: 'cust-1', role: 'customer' }
const engineer = { id: 'eng-1', role: 'afterSalesEngineer' }
const T = (hhmm: string, day = 2) => `2026-03-0${day}T${hhmm}:00+08:00`
const of = (clocks: SlaClock[], metric: string) => clocks.filter((c) => c.metric === metric)
const brief = (c: SlaClock) => [c.instance, c.status, c.elapsedMs / H]

describe('next response', () => {
  it('starts on a customer message only after the first reply, and measures from the oldest', () => {
    const h = openCase(T('09:00'))
      .add('customer.replied', T('09:30'), {}, customer) // before any reply: first response covers it
      .add('agent.replied', T('10:00'))
      .add('customer.replied', T('11:00'), {}, customer)
      .add('customer.replied', T('11:30'), {}, customer) // still unanswered: the same clock
      .add('agent.replied', T('13:00')).events
    const clocks = computeSla(h, policy, { now: T('14:00') })
    expect(of(clocks, 'firstResponse').map(brief)).toEqual([[0, 'achieved', 1]])
    expect(of(clocks, 'nextResponse').map(brief)).toEqual([[0, 'achieved', 2]])
  })

  it('is answered by the resolution as well as by a reply', () => {
    const h = openCase(T('09:00'))
      .add('agent.replied', T('09:10'))
      .add('customer.replied', T('10:00'), {}, customer)
      .add('case.resolved', T('10:45')).events
    expect(of(computeSla(h, policy, { now: T('11:00') }), 'nextResponse').map(brief)).toEqual([
      [0, 'achieved', 0.75],
    ])
  })
})

describe('first response', () => {
  it('is stopped by the first public reply, and cancelled with the case', () => {
    const replied = openCase(T('09:00')).add('agent.replied', T('09:20')).events
    expect(
      of(computeSla(replied, policy, { now: T('10:00') }), 'firstResponse').map(brief),
    ).toEqual([[0, 'achieved', 1 / 3]])
    const cancelled = openCase(T('09:00')).add('case.cancelled', T('09:30'), {
      reason: 'duplicate',
    }).events
    const clocks = computeSla(cancelled, policy, { now: T('10:00') })
    expect(of(clocks, 'firstResponse').map(brief)).toEqual([[0, 'cancelled', 0.5]])
    expect(clocks.every((c) => c.status === 'cancelled')).toBe(true)
  })

  it('runs once per case: a reopened case gets no second first response', () => {
    const h = openCase(T('09:00'))
      .add('agent.replied', T('09:30'))
      .add('case.resolved', T('10:00'))
      .add('resolution.rejected', T('11:00'), {}, customer).events
    expect(of(computeSla(h, policy, { now: T('12:00') }), 'firstResponse')).toHaveLength(1)
  })
})

describe('resolution and the reopen rules', () => {
  // Resolved at 11:00 after 2 h; the customer rejects it at 12:00; resolved again at 13:00.
  const h = openCase(T('09:00'))
    .add('case.resolved', T('11:00'))
    .add('resolution.rejected', T('12:00'), { reason: 'Still leaks' }, customer)
    .add('case.resolved', T('13:00')).events

  it('continues the clock by default: 3 h counted, the hour in resolved paused', () => {
    const [c] = of(computeSla(h, policy, { now: T('14:00') }), 'resolution')
    expect(c).toMatchObject({ instance: 0, status: 'achieved', elapsedMs: 3 * H, pausedMs: H })
    expect(c!.stoppedAt).toEqual(new Date(T('13:00')))
  })

  it('starts a new cycle when the policy says newCycle', () => {
    const clocks = of(
      computeSla(h, allPresetsPolicy('allDay', withReopen('newCycle')), { now: T('14:00') }),
      'resolution',
    )
    expect(clocks.map((c) => [c.instance, c.status, c.elapsedMs / H, c.startedAt])).toEqual([
      [0, 'achieved', 2, new Date(T('09:00'))],
      [1, 'achieved', 1, new Date(T('12:00'))],
    ])
  })

  it('does nothing under none: the first resolution stands', () => {
    const clocks = of(
      computeSla(h, allPresetsPolicy('allDay', withReopen('none')), { now: T('14:00') }),
      'resolution',
    )
    expect(clocks.map(brief)).toEqual([[0, 'achieved', 2]])
  })

  it('treats case.reopened after closing as a reopening too', () => {
    const closed = openCase(T('09:00'))
      .add('case.resolved', T('10:00'))
      .add('resolution.confirmed', T('11:00'), {}, customer)
      .add('case.closed', T('12:00'))
      .add('case.reopened', T('15:00'), {}, customer).events
    const clocks = computeSla(closed, allPresetsPolicy('allDay', withReopen('newCycle')), {
      now: T('16:00'),
    })
    expect(of(clocks, 'resolution').map(brief)).toEqual([
      [0, 'achieved', 1],
      [1, 'running', 1],
    ])
  })
})

/** The SLA section of a policy with only a 24 h resolution, reopening as told. */
function withReopen(onReopen: string) {
  return {
    policies: [
      {
        id: 'sla-all',
        calendar: 'allDay',
        metrics: { resolution: { target: 'PT24H', onReopen } },
      },
    ],
  }
}

describe('requester wait time and agent work time', () => {
  it('pause while waiting on the customer (both) and on a third party (agent work only)', () => {
    const h = openCase(T('09:00'))
      .add('case.waiting', T('10:00'), { on: 'customer' })
      .add('case.resumed', T('12:00'))
      .add('case.waiting', T('13:00'), { on: 'thirdParty' })
      .add('case.resumed', T('16:00'))
      .add('case.resolved', T('17:00')).events
    const clocks = computeSla(h, policy, { now: T('18:00') })
    expect(of(clocks, 'requesterWaitTime').map((c) => [c.elapsedMs / H, c.pausedMs / H])).toEqual([
      [6, 2],
    ])
    expect(of(clocks, 'agentWorkTime').map((c) => [c.elapsedMs / H, c.pausedMs / H])).toEqual([
      [3, 5],
    ])
  })
})

describe('periodic and pausable update', () => {
  it('owe no update once the case is resolved', () => {
    const h = openCase(T('09:00'))
      .add('agent.replied', T('10:00'))
      .add('case.resolved', T('12:00')).events
    const clocks = computeSla(h, policy, { now: T('13:00') })
    expect(of(clocks, 'periodicUpdate').map(brief)).toEqual([[0, 'cancelled', 2]])
  })
})

describe('on-site arrival', () => {
  const planned = (plannedAt: string | undefined) =>
    openCase(T('09:00'))
      .add('solution.proposed', T('09:30'), { solutionId: 's1', kind: 'onsite', summary: 'Visit' })
      .add('solution.accepted', T('09:40'), { solutionId: 's1' }, customer)
      .add('execution.started', T('10:00'), plannedAt ? { solutionId: 's1', plannedAt } : {})

  it('is due at the visit time the customer chose, and not paused by waiting', () => {
    const h = planned(T('15:00'))
      .add('case.waiting', T('11:00'), { on: 'thirdParty' })
      .add('execution.step', T('14:30'), { step: 'onsiteVisit' }, engineer).events
    const [c] = of(computeSla(h, policy, { now: T('16:00') }), 'onsiteArrival')
    expect(c).toMatchObject({
      status: 'achieved',
      dueAt: new Date(T('15:00')),
      targetMs: 5 * H,
      elapsedMs: 4.5 * H,
      pausedMs: 0,
    })
  })

  it('moves to the time agreed after a delay; late arrival is a breach', () => {
    const h = planned(T('15:00'))
      .add('execution.delayed', T('14:00'), { newDueAt: T('17:00'), reason: 'Traffic' })
      .add('execution.step', T('17:30'), { step: 'onsiteVisit' }, engineer).events
    const [c] = of(computeSla(h, policy, { now: T('18:00') }), 'onsiteArrival')
    expect(c).toMatchObject({
      status: 'breached',
      dueAt: new Date(T('17:00')),
      breachedAt: new Date(T('17:00')),
    })
  })

  it('stays breached when the delay is agreed after the visit time passed', () => {
    const h = planned(T('15:00'))
      .add('execution.delayed', T('15:30'), { newDueAt: T('17:00'), reason: 'Late' })
      .add('execution.step', T('16:30'), { step: 'onsiteVisit' }, engineer).events
    const [c] = of(computeSla(h, policy, { now: T('18:00') }), 'onsiteArrival')
    expect(c).toMatchObject({ status: 'breached', breachedAt: new Date(T('15:00')) })
    expect(c!.dueAt).toEqual(new Date(T('17:00')))
  })

  it('has no clock until a visit time is known', () => {
    const h = planned(undefined).events
    expect(of(computeSla(h, policy, { now: T('12:00') }), 'onsiteArrival')).toEqual([])
  })
})

describe('follow-up', () => {
  it('starts on the confirmed resolution and stops at the survey', () => {
    const h = openCase(T('09:00'))
      .add('case.resolved', T('10:00'))
      .add('resolution.confirmed', T('11:00'), {}, customer)
      .add('survey.sent', T('15:00'), { channel: 'phone' }).events
    expect(of(computeSla(h, policy, { now: T('16:00') }), 'followUp').map(brief)).toEqual([
      [0, 'achieved', 4],
    ])
  })

  it('is cancelled when the case is reopened, and due again after the next resolution', () => {
    const h = openCase(T('09:00'))
      .add('case.resolved', T('10:00'))
      .add('resolution.confirmed', T('11:00'), {}, customer)
      .add('case.closed', T('12:00'))
      .add('case.reopened', T('13:00'), {}, customer)
      .add('case.resolved', T('14:00'))
      .add('resolution.confirmed', T('15:00'), {}, customer).events
    expect(of(computeSla(h, policy, { now: T('16:00') }), 'followUp').map(brief)).toEqual([
      [0, 'cancelled', 2],
      [1, 'running', 1],
    ])
  })
})

describe('a metric defined as data: reset, pause and resume events, where', () => {
  it('restarts on each customer message, holds on a note, and stops on a phone reply', () => {
    const h = openCase(T('09:00'))
      .add('customer.replied', T('10:00'), {}, customer)
      .add('customer.replied', T('10:30'), {}, customer) // reset: cancel and start over
      .add('note.added', T('11:00'), { text: 'hold' })
      .add('agent.replied', T('11:30'), { channel: 'email' }) // not a phone reply
      .add('note.added', T('12:00'), { text: 'go' })
      .add('agent.replied', T('12:45'), { channel: 'phone' }).events
    const clocks = of(computeSla(h, policy, { now: T('13:00') }), 'callBack')
    expect(clocks.map((c) => [c.instance, c.status, c.elapsedMs / H, c.pausedMs / H])).toEqual([
      [0, 'cancelled', 0.5, 0],
      [1, 'achieved', 1.25, 1],
    ])
  })
})

describe('warnings', () => {
  it('come at a percentage and an offset before the target, and fire once now passes them', () => {
    const h = openCase(T('09:00')).events // low: 24 h first response
    const [c] = of(computeSla(h, policy, { now: T('21:00') }), 'firstResponse')
    expect(c!.warnings).toEqual([
      { threshold: 50, at: new Date(T('21:00')), fired: true },
      { threshold: 'PT1H', at: new Date(T('08:00', 3)), fired: false },
    ])
  })
})

describe('slaPresets', () => {
  it('are the definitions as data, frozen', () => {
    expect(Object.keys(slaPresets)).toHaveLength(9)
    expect(Object.isFrozen(slaPresets.firstResponse.start)).toBe(true)
    expect(slaPresets.onsiteArrival.dueAt).toEqual([
      { event: 'execution.started', field: 'plannedAt' },
      { event: 'execution.delayed', field: 'newDueAt' },
    ])
  })
})
