// How a desk uses the package: one event at a time, the state stored with the case.
import { describe, expect, it } from 'vitest'
import { advanceSla, computeSla, nextDeadlines, type SlaState, toSlaClocks } from '../src/index'
import { allPresetsPolicy } from './fixtures/all-presets'
import { openCase } from './fixtures/history'

const policy = allPresetsPolicy('office')
const customer = { id: 'cust-1', role: 'customer' }
const history = openCase('2026-03-02T11:50:00+08:00')
  .add('agent.replied', '2026-03-02T13:40:00+08:00')
  .add('customer.replied', '2026-03-02T14:00:00+08:00', {}, customer)
  .add('case.waiting', '2026-03-02T14:10:00+08:00', { on: 'customer' })
  .add('case.resumed', '2026-03-03T10:00:00+08:00')
  .add('case.resolved', '2026-03-03T11:00:00+08:00').events

describe('advanceSla, one event at a time', () => {
  it('ends where computeSla does, and the deadlines after each event are those of the clocks then', () => {
    let state: SlaState | undefined
    const stored: string[] = []
    for (const event of history) {
      state = advanceSla(
        state === undefined ? undefined : JSON.parse(stored.at(-1)!),
        [event],
        policy,
      )
      stored.push(JSON.stringify(state))
      const clocks = toSlaClocks(state, policy, { now: event.at })
      for (const d of nextDeadlines(clocks))
        expect(d.at.getTime()).toBeGreaterThan(event.at.getTime())
    }
    const now = '2026-03-04T09:00:00+08:00'
    expect(toSlaClocks(state!, policy, { now })).toEqual(computeSla(history, policy, { now }))
    expect(state).toMatchObject({ format: 1, policy: 'all-presets@1', caseId: 'case-1', events: 6 })
  })

  it('leaves the given state as it was', () => {
    const first = advanceSla(undefined, history.slice(0, 3), policy)
    const copy = JSON.stringify(first)
    advanceSla(first, history.slice(3), policy)
    expect(JSON.stringify(first)).toBe(copy)
  })
})
