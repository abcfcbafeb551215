import { type CaseEvent, isServiceKitError, parseCaseEvent } from '@servicekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { createServiceProcess, replayCase, toCaseState } from '../src/index'
import { extendedProcess } from './fixtures/extended-process'
import { assignedLog, createLog } from './fixtures/log'
import { modelEvents } from './fixtures/model'

const process = createServiceProcess()

describe('replayCase', () => {
  it('returns a versioned snapshot, the state and no rejection for a conforming log', () => {
    const log = assignedLog().add('case.resolved', { resolution: 'Reset.' })
    const { snapshot, state, rejected } = replayCase(log.events)
    expect(rejected).toEqual([])
    expect(state).toMatchObject({ caseId: 'case-1', lifecycle: 'resolved', stage: 'resolved' })
    expect(snapshot).toMatchObject({
      format: 'servicekit.process',
      formatVersion: 1,
      machineId: 'servicekit-process',
      machineVersion: process.version,
      snapshot: { status: 'active', value: { lifecycle: 'resolved', escalation: 'level0' } },
    })
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
  })

  it('explains each rejection with its index, state, the accepted events and the guard', () => {
    const log = assignedLog()
      .add('case.closed')
      .add('case.resolved')
      .add('case.resolved', { resolution: 'Fixed.' })
    const { rejected, state } = replayCase(log.events)
    expect(state.lifecycle).toBe('resolved')
    expect(rejected).toEqual([
      {
        index: 3,
        eventId: 'evt-4',
        type: 'case.closed',
        at: new Date(log.events[3]!.at as string),
        state: 'assigned',
        escalation: 'level0',
        accepted: [
          'case.updated',
          'case.assigned',
          'agent.replied',
          'customer.replied',
          'note.added',
          'case.waiting',
          'solution.proposed',
          'case.resolved',
          'case.cancelled',
          'case.escalated',
          'priority.changed',
          'category.changed',
          'sla.warning',
          'sla.breached',
        ],
        reason: 'unhandled',
        message: expect.stringContaining(
          'case.closed is not accepted in assigned; accepted: case.updated,',
        ),
      },
      expect.objectContaining({ index: 4, reason: 'guard', guard: 'canResolve' }),
    ])
  })

  it('leaves the snapshot byte-identical when an event is rejected', () => {
    const log = assignedLog().add('agent.replied')
    const without = JSON.stringify(replayCase(log.events).snapshot)
    for (const type of ['case.closed', 'case.reopened', 'resolution.confirmed', 'survey.sent']) {
      const events = [...log.events, ...createLog('2026-10-01T00:00:00+08:00').add(type).events]
      const result = replayCase(events)
      expect(result.rejected).toHaveLength(1)
      expect(JSON.stringify(result.snapshot)).toBe(without)
    }
  })

  it('parses raw events, and refuses malformed ones and mixed cases with a code', () => {
    const raw = assignedLog().events
    expect(replayCase(raw).state.lifecycle).toBe('assigned')
    const parsed = raw.map((e) => parseCaseEvent(e))
    expect(replayCase(parsed, { validate: true }).snapshot).toEqual(replayCase(raw).snapshot)
    const broken = [...raw, { ...raw[2]!, id: 'evt-x', type: 'case.waiting', on: 'lunch' }]
    expect(() => replayCase(broken as never)).toThrow(
      expect.objectContaining({ code: 'CASE_EVENT_INVALID' }),
    )
    const mixed = [...raw, { ...raw[2]!, id: 'evt-y', caseId: 'case-2' }]
    try {
      replayCase(mixed)
      expect.unreachable()
    } catch (e) {
      expect(isServiceKitError(e, 'PROCESS_EVENT_CASE_MISMATCH')).toBe(true)
      expect((e as { details: object }).details).toEqual({
        index: 3,
        eventId: 'evt-y',
        caseId: 'case-2',
        expected: 'case-1',
      })
    }
  })

  it('replays an empty log to a case not yet opened', () => {
    const { state, rejected } = replayCase([])
    expect(state).toMatchObject({ caseId: null, lifecycle: 'new', open: false, deadlines: [] })
    expect(rejected).toEqual([])
  })

  // Oracle: a plain XState actor receiving the same events. replayCase must
  // reach the same snapshot and reject exactly the events the actor ignored.
  it.each([
    ['standard', process],
    ['extended', extendedProcess],
  ])('agrees with a plain XState actor on random logs (%s)', (_, machine) => {
    let deepest = 0
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat()), { minLength: 20, maxLength: 60 }),
        (picks) => {
          const actor = createActor(machine).start()
          const log: CaseEvent[] = []
          const ignored: number[] = []
          for (const [i, [valid, pick]] of picks.entries()) {
            // Half the time an event the state takes, so logs get deep into the process.
            const all = modelEvents(actor.getSnapshot())
            const taken = all.filter((e) => actor.getSnapshot().can(e))
            const options = valid && taken.length ? taken : all
            const event = options[pick % options.length]!
            const before = actor.getSnapshot()
            actor.send(event)
            if (actor.getSnapshot() === before) ignored.push(i)
            log.push(event)
          }
          const result = replayCase(log, { process: machine })
          expect(result.rejected.map((r) => r.index)).toEqual(ignored)
          expect(result.snapshot.snapshot).toEqual(
            JSON.parse(JSON.stringify(actor.getPersistedSnapshot())),
          )
          expect(result.state).toEqual(toCaseState(actor.getSnapshot()))
          deepest = Math.max(deepest, result.state.context.events)
        },
      ),
      { numRuns: 100 },
    )
    expect(deepest).toBeGreaterThan(12)
  })
})
