import { createCalendar } from '@servicekit/calendar'
import { describe, expect, it } from 'vitest'
import { getStateNodes } from 'xstate/graph'
import { exampleEvents } from '../../core/test/fixtures/events'
import { createServiceProcess, type ProcessOptions, replayCase, startCase } from '../src/index'
import { assignedLog, createLog } from './fixtures/log'

const replay = (events: unknown[], options?: ProcessOptions) =>
  replayCase(events as never, { process: createServiceProcess(options) })

describe('the standard process', () => {
  it('takes the worked example case of core through its life', () => {
    // packages/core/test/fixtures/events.ts: a key customer's leaking washing machine.
    const order = [
      ['case.opened', 'new'],
      ['case.updated', 'new'],
      ['case.triaged', 'triaged'],
      ['case.assigned', 'assigned'],
      ['agent.replied', 'inProgress.diagnosing'],
      ['customer.replied', 'inProgress.diagnosing'],
      ['case.waiting', 'waiting.onCustomer'],
      ['case.resumed', 'inProgress.diagnosing'],
      ['solution.proposed', 'inProgress.awaitingDecision'],
      ['solution.accepted', 'inProgress.executing'],
      ['execution.started', 'inProgress.executing'],
      ['execution.step', 'inProgress.executing'],
      ['execution.delayed', 'inProgress.executing'],
      ['execution.completed', 'inProgress.executing'],
      ['case.resolved', 'resolved'],
      ['resolution.confirmed', 'followUp'],
      ['survey.sent', 'followUp'],
      ['survey.answered', 'followUp'],
      ['case.closed', 'closed'],
    ] as const
    const c = startCase()
    for (const [type, state] of order) expect(c.send(exampleEvents[type]).lifecycle).toBe(state)
    expect(c.state.open).toBe(false)
  })

  it('has no XState delayed transition: deadlines are data, never in-memory timers', () => {
    // A persisted actor loses `after` timers on restore (statelyai/xstate#5331, #4860).
    const process = createServiceProcess()
    expect(getStateNodes(process).flatMap((n) => n.after)).toEqual([])
  })

  it('refuses every event before case.opened, and a second case.opened', () => {
    const log = createLog().add('case.triaged', { category: 'afterSales', priority: 'high' })
    const { rejected } = replay(log.events)
    expect(rejected[0]).toMatchObject({ index: 0, reason: 'guard', guard: 'canTriage' })
    expect(rejected[0]!.message).toContain('has not been opened')
    const opened = { case: exampleEvents['case.opened'].case }
    const twice = createLog().add('case.opened', opened).add('case.opened', opened)
    expect(replay(twice.events).rejected[0]).toMatchObject({ guard: 'notOpened', index: 1 })
    const late = assignedLog().add('case.opened', opened)
    expect(replay(late.events).rejected[0]).toMatchObject({ reason: 'unhandled', index: 3 })
  })
})

describe('required fields', () => {
  const opened = (fields: object) =>
    createLog().add('case.opened', { case: { ...exampleEvents['case.opened'].case, ...fields } })

  it('refuses triage until the description is recorded', () => {
    const log = opened({ description: undefined }).add('case.triaged', {
      category: 'afterSales',
      priority: 'high',
    })
    const first = replay(log.events)
    expect(first.state.lifecycle).toBe('new')
    expect(first.rejected[0]!.message).toContain('missing before triage: description')
    log.add('case.updated', { changes: { description: 'Leaks.' } })
    log.add('case.triaged', { category: 'afterSales', priority: 'high' })
    expect(replay(log.events).state.lifecycle).toBe('triaged')
  })

  it('asks after-sales cases for the product model, other categories not', () => {
    const log = opened({ product: undefined })
    const afterSales = [
      ...log.events,
      ...createLog().add('case.triaged', { category: 'afterSales', priority: 'low' }).events,
    ]
    expect(replay(afterSales).rejected[0]!.message).toContain('product.model')
    const account = [
      ...log.events,
      ...createLog().add('case.triaged', { category: 'account', priority: 'low' }).events,
    ]
    expect(replay(account).state.lifecycle).toBe('triaged')
  })

  it('follows the configured fields', () => {
    const log = opened({}).add('case.triaged', { category: 'afterSales', priority: 'high' })
    const options = { requiredFields: { triage: ['custom.warrantyCode'], triageByCategory: {} } }
    expect(replay(log.events, options).rejected[0]!.message).toContain('custom.warrantyCode')
    expect(replay(log.events, { requiredFields: { triage: [] } }).state.lifecycle).toBe('triaged')
  })

  it('refuses a resolution without its note, or a blank one', () => {
    for (const resolution of [undefined, '   ']) {
      const log = assignedLog().add('case.resolved', resolution ? { resolution } : {})
      const { state, rejected } = replay(log.events)
      expect(state.lifecycle).toBe('assigned')
      expect(rejected[0]).toMatchObject({ type: 'case.resolved', guard: 'canResolve' })
      expect(rejected[0]!.message).toContain('must carry: resolution')
    }
    const coded = assignedLog().add('case.resolved', { resolution: 'Fixed.' })
    const withCode = { requiredFields: { resolve: ['resolution', 'code'] as const } }
    expect(replay(coded.events, withCode).rejected[0]!.message).toContain('must carry: code')
  })
})

describe('authority limits: never promise on one’s own', () => {
  const propose = (payload: object) =>
    assignedLog()
      .add('agent.replied')
      .add('solution.proposed', { solutionId: 's1', summary: 'Offer', ...payload })

  it('refuses a replacement from an agent and names who may promise it', () => {
    const { rejected, state } = replay(propose({ kind: 'replacement' }).events)
    expect(state.lifecycle).toBe('inProgress.diagnosing')
    expect(rejected[0]).toMatchObject({ guard: 'withinAuthority', state: 'inProgress.diagnosing' })
    expect(rejected[0]!.message).toBe(
      'solution.proposed refused in inProgress.diagnosing: a replacement solution is beyond the authority of level0 (agent); escalate to level1 (supervisor) first',
    )
  })

  it('accepts it once the case is escalated', () => {
    const log = assignedLog()
      .add('case.escalated', { to: 'supervisor' })
      .add('solution.proposed', { solutionId: 's1', summary: 'New unit', kind: 'replacement' })
    const { rejected, state } = replay(log.events)
    expect(rejected).toEqual([])
    expect(state.lifecycle).toBe('inProgress.awaitingDecision')
    expect(state.escalation).toEqual({ level: 1, id: 'level1', role: 'supervisor' })
  })

  it('checks amounts against each level’s limit and currency', () => {
    const refund = (amount: number, extra: object = {}) =>
      replay(propose({ kind: 'refund', amount, ...extra }).events).rejected
    expect(refund(500)).toEqual([])
    expect(refund(800)[0]!.message).toContain('an amount of 800 (the limit is 500)')
    const euro = { authority: { maxAmount: 500, currency: 'EUR' } }
    const inYuan = propose({ kind: 'refund', amount: 10, currency: 'CNY' })
    expect(replay(inYuan.events, euro).rejected[0]!.message).toContain(
      'an amount in CNY (the limit is in EUR)',
    )
    const big = assignedLog().add('case.escalated').add('solution.proposed', {
      solutionId: 's1',
      summary: 'Refund',
      kind: 'refund',
      amount: 9000,
    })
    expect(replay(big.events).rejected[0]!.message).toContain(
      'beyond the authority of level1 (supervisor); escalate to level2 (manager) first',
    )
  })

  it('accepts only proposed solutions', () => {
    const log = propose({ kind: 'remote' }).add('solution.accepted', { solutionId: 's2' })
    const { rejected } = replay(log.events)
    expect(rejected[0]).toMatchObject({ guard: 'isProposed' })
    expect(rejected[0]!.message).toContain('solution "s2" was never proposed')
  })
})

describe('confirmation, reopening and auto-confirmation', () => {
  const resolved = () =>
    assignedLog().add(
      'case.resolved',
      { resolution: 'Reset the controller.' },
      '2026-10-01T10:00:00+08:00',
    )

  it('sends a case the customer says is not solved back to diagnosing, needing a new note', () => {
    const log = resolved().add('resolution.rejected', { reason: 'Still leaks' })
    const { state } = replay(log.events)
    expect(state.lifecycle).toBe('inProgress.diagnosing')
    expect(state.context.resolution).toBeNull()
    log.add('case.resolved')
    expect(replay(log.events).rejected[0]).toMatchObject({ guard: 'canResolve' })
  })

  it('returns from waiting to the step it left', () => {
    const log = assignedLog()
      .add('agent.replied')
      .add('solution.proposed', { solutionId: 's1', kind: 'remote', summary: 'Reset' })
      .add('solution.accepted', { solutionId: 's1' })
      .add('case.waiting', { on: 'thirdParty' })
    expect(replay(log.events).state.lifecycle).toBe('waiting.onThirdParty')
    log.add('case.resumed')
    expect(replay(log.events).state.lifecycle).toBe('inProgress.executing')
  })

  it('exposes auto-confirmation as a deadline, accepted at and after it, refused before', () => {
    const { state } = replay(resolved().events)
    // No calendar: alwaysOpen, so 3 business days are 72 hours.
    expect(state.deadlines).toEqual([
      {
        caseId: 'case-1',
        kind: 'autoConfirm',
        dueAt: new Date('2026-10-04T10:00:00+08:00'),
        event: { type: 'resolution.confirmed', auto: true },
      },
    ])
    const early = resolved().add(
      'resolution.confirmed',
      { auto: true },
      '2026-10-04T09:59:00+08:00',
    )
    expect(replay(early.events).rejected[0]!.message).toContain(
      'automatic confirmation is due at 2026-10-04T02:00:00.000Z, not before',
    )
    const due = resolved().add('resolution.confirmed', { auto: true }, '2026-10-04T10:00:00+08:00')
    expect(replay(due.events).state.lifecycle).toBe('followUp')
    // A customer's manual confirmation needs no deadline.
    const manual = resolved().add('resolution.confirmed', {}, '2026-10-01T11:00:00+08:00')
    expect(replay(manual.events).state.lifecycle).toBe('followUp')
  })

  it('starts the silence again when the customer writes', () => {
    const log = resolved().add(
      'customer.replied',
      { message: 'Testing it' },
      '2026-10-02T10:00:00+08:00',
    )
    expect(replay(log.events).state.deadlines[0]!.dueAt).toEqual(
      new Date('2026-10-05T10:00:00+08:00'),
    )
  })

  it('counts business days on the calendar: a National Day resolution confirms after the holiday', () => {
    const shanghai = createCalendar({
      timeZone: 'Asia/Shanghai',
      week: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
          d,
          [
            ['09:00', '12:00'],
            ['13:30', '18:00'],
          ],
        ]),
      ),
      holidays: [{ from: '2026-10-01', to: '2026-10-07', name: '国庆节' }],
      workdays: [{ date: '2026-10-10', as: 'mon', name: '调休' }],
    })
    const log = assignedLog().add(
      'case.resolved',
      { resolution: 'Fixed.' },
      '2026-09-30T15:00:00+08:00',
    )
    const { state } = replay(log.events, { calendar: shanghai })
    // Working days after 30 Sep: 8, 9 and (the make-up Saturday) 10 October, at the same local time.
    expect(state.deadlines[0]!.dueAt).toEqual(new Date('2026-10-10T15:00:00+08:00'))
  })

  it('has no deadline and refuses auto-confirmation when it is switched off', () => {
    const log = resolved().add('resolution.confirmed', { auto: true }, '2026-12-01T10:00:00+08:00')
    const { state, rejected } = replay(log.events, { autoConfirmAfter: null })
    expect(state.deadlines).toEqual([])
    expect(rejected[0]!.message).toContain('automatic confirmation is not configured')
  })

  const closed = (at: string) =>
    resolved()
      .add('resolution.confirmed', {}, '2026-10-01T11:00:00+08:00')
      .add('case.closed', {}, at)

  it('reopens within the window and refuses after it', () => {
    const inside = closed('2026-10-02T09:00:00+08:00').add(
      'case.reopened',
      {},
      '2026-10-09T08:59:00+08:00',
    )
    const r = replay(inside.events)
    expect(r.state.lifecycle).toBe('inProgress.diagnosing')
    expect(r.state.context.reopenCount).toBe(1)
    const late = closed('2026-10-02T09:00:00+08:00').add(
      'case.reopened',
      {},
      '2026-10-09T09:00:00+08:00',
    )
    const { rejected, state } = replay(late.events)
    expect(state.lifecycle).toBe('closed')
    expect(rejected[0]).toMatchObject({ guard: 'withinReopenWindow' })
    expect(rejected[0]!.message).toContain('the reopen window ended at 2026-10-09T01:00:00.000Z')
    expect(state.deadlines).toEqual([
      { caseId: 'case-1', kind: 'reopenWindowEnd', dueAt: new Date('2026-10-09T09:00:00+08:00') },
    ])
    expect(replay(late.events, { reopenWindow: null }).state.lifecycle).toBe(
      'inProgress.diagnosing',
    )
  })
})

describe('escalation, a parallel region', () => {
  const at = (events: unknown[]) => replay(events).state.escalation.level

  it('goes one level up by default, to a role, or to a level; down likewise', () => {
    expect(at(assignedLog().add('case.escalated').events)).toBe(1)
    expect(at(assignedLog().add('case.escalated', { to: 'manager' }).events)).toBe(2)
    expect(
      at(assignedLog().add('case.escalated', { level: 2 }).add('case.deescalated').events),
    ).toBe(1)
    expect(
      at(
        assignedLog().add('case.escalated', { level: 2 }).add('case.deescalated', { level: 0 })
          .events,
      ),
    ).toBe(0)
  })

  it('refuses an escalation that does not raise the level, or leaves the ladder', () => {
    const same = replay(
      assignedLog().add('case.escalated').add('case.escalated', { level: 1 }).events,
    )
    expect(same.rejected[0]!.message).toContain('already at level1 (supervisor)')
    const beyond = replay(assignedLog().add('case.escalated', { level: 5 }).events)
    expect(beyond.rejected[0]!.message).toContain(
      'there is no level 5; the ladder ends at level2 (manager)',
    )
    const down = replay(assignedLog().add('case.deescalated').events)
    expect(down.rejected[0]).toMatchObject({ reason: 'unhandled', escalation: 'level0' })
    expect(down.rejected[0]!.accepted).toContain('case.escalated')
    expect(down.rejected[0]!.accepted).not.toContain('case.deescalated')
  })

  it('runs beside the lifecycle, keeps its level across close and reopen, and stops with the case', () => {
    const log = assignedLog()
      .add('case.escalated')
      .add('case.resolved', { resolution: 'Fixed.' })
      .add('resolution.confirmed')
      .add('case.closed')
    expect(replay(log.events).state.escalation.level).toBe(1)
    log.add('case.escalated')
    expect(replay(log.events).rejected[0]!.message).toContain('closed or cancelled')
    log.add('case.reopened')
    expect(replay(log.events).state).toMatchObject({
      lifecycle: 'inProgress.diagnosing',
      escalation: { level: 1 },
    })
  })

  it('follows a configured ladder', () => {
    const options = {
      escalationLevels: [
        { id: 'lead', role: 'teamLead', labels: { en: 'Team lead', 'zh-CN': '组长' } },
      ],
    }
    const { state } = replay(
      assignedLog().add('case.escalated', { to: 'teamLead' }).events,
      options,
    )
    expect(state.escalation).toEqual({ level: 1, id: 'lead', role: 'teamLead' })
    expect(state.value).toEqual({ lifecycle: 'assigned', escalation: 'lead' })
  })
})

describe('cancellation', () => {
  it('ends a case for good', () => {
    const log = assignedLog().add('case.cancelled', { reason: 'duplicate', duplicateOf: 'case-0' })
    log.add('note.added', { text: 'late' }).add('case.escalated')
    const { state, rejected } = replay(log.events)
    expect(state).toMatchObject({ lifecycle: 'cancelled', open: false })
    expect(rejected.map((r) => r.type)).toEqual(['note.added', 'case.escalated'])
    expect(rejected[0]!.accepted).toEqual([])
  })
})
