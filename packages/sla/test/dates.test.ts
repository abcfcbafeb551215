// Which Date objects a clock carries: the events' own for its start and stop,
// one object for its due time and its breach when they are the same instant,
// and copies only where no event's Date shows the time.
import { describe, expect, it } from 'vitest'
import { advanceSla, computeSla, type SlaClock, toSlaClocks } from '../src/index'
import { allPresetsPolicy } from './fixtures/all-presets'
import { openCase } from './fixtures/history'

const policy = allPresetsPolicy('office')
const customer = { id: 'cust-1', role: 'customer' }
// Illustrative: first response 11:50 → 13:40 (on time), next response from 14:00, never answered.
const history = openCase('2026-03-02T11:50:00+08:00')
  .add('agent.replied', '2026-03-02T13:40:00+08:00')
  .add('customer.replied', '2026-03-02T14:00:00+08:00', {}, customer).events
const now = '2026-03-06T09:00:00+08:00'
const clock = (clocks: SlaClock[], metric: string) => clocks.find((c) => c.metric === metric)!

describe('the Date objects of a clock', () => {
  it('are the events’ own Dates for startedAt and stoppedAt, not copies', () => {
    const clocks = computeSla(history, policy, { now })
    const first = clock(clocks, 'firstResponse')
    expect(first.status).toBe('achieved')
    expect(first.startedAt).toBe(history[0]!.at)
    expect(first.stoppedAt).toBe(history[1]!.at)
    expect(clock(clocks, 'nextResponse').startedAt).toBe(history[2]!.at)
  })

  it('share one Date between dueAt and breachedAt when the clock is breached', () => {
    const next = clock(computeSla(history, policy, { now }), 'nextResponse')
    expect(next.status).toBe('breached')
    expect(next.breachedAt).not.toBeNull()
    expect(next.breachedAt).toBe(next.dueAt)
  })

  it('are the events’ own on the per-event path too, and new ones after the state went through JSON', () => {
    const state = advanceSla(undefined, history, policy)
    const live = clock(toSlaClocks(state, policy, { now }), 'firstResponse')
    expect(live.startedAt).toBe(history[0]!.at)
    const stored = JSON.parse(JSON.stringify(state))
    const read = clock(toSlaClocks(stored, policy, { now }), 'firstResponse')
    expect(read.startedAt).not.toBe(history[0]!.at)
    expect(read.startedAt).toEqual(history[0]!.at)
    expect(read.stoppedAt).toEqual(history[1]!.at)
  })

  it('are new ones when an event gave its time as text', () => {
    const text = history.map((e) => ({ ...e, at: e.at.toISOString() }))
    const clocks = computeSla(text as unknown as typeof history, policy, { now })
    expect(clocks).toEqual(computeSla(history, policy, { now }))
    expect(clock(clocks, 'firstResponse').startedAt).toBeInstanceOf(Date)
  })

  it('keep a clock plain data: spread, JSON and toEqual see every field', () => {
    const [c] = computeSla(history, policy, { now })
    expect({ ...c! }).toEqual(c)
    expect(JSON.parse(JSON.stringify(c))).toMatchObject({
      startedAt: '2026-03-02T03:50:00.000Z',
      stoppedAt: '2026-03-02T05:40:00.000Z',
    })
  })
})
