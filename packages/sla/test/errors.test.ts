import { type CaseEvent, isServiceKitError } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import { advanceSla, computeSla, summarizeSla, toSlaClocks } from '../src/index'
import { allPresetsPolicy } from './fixtures/all-presets'
import { openCase } from './fixtures/history'
import { changePolicy } from './fixtures/policies'

const policy = allPresetsPolicy()
const now = '2026-03-03T00:00:00+08:00'
const caught = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return e
  }
  throw new Error('expected a throw')
}
const historyError = (history: CaseEvent[]) => {
  const e = caught(() => computeSla(history, policy, { now }))
  expect(isServiceKitError(e, 'SLA_HISTORY_INVALID')).toBe(true)
  return (e as { details: { index: number; reason: string; eventId?: string } }).details
}

describe('SLA_HISTORY_INVALID names the offending event', () => {
  const log = () =>
    openCase('2026-03-02T09:00:00+08:00')
      .add('agent.replied', '2026-03-02T10:00:00+08:00')
      .add('customer.replied', '2026-03-02T11:00:00+08:00').events

  it('for an empty history and one that does not begin with case.opened', () => {
    expect(historyError([])).toMatchObject({ index: 0, reason: 'empty' })
    expect(historyError(log().slice(1))).toMatchObject({
      index: 0,
      reason: 'not-opened',
      eventId: 'case-1-e2',
    })
  })

  it('for events of another case', () => {
    const other = openCase('2026-03-02T09:00:00+08:00', { id: 'case-2' }).events
    expect(historyError([...log(), ...other.slice(0, 1)])).toMatchObject({
      index: 3,
      reason: 'other-case',
    })
  })

  it('for events out of time order (equal times are fine)', () => {
    const h = log()
    expect(historyError([h[0]!, h[2]!, h[1]!])).toMatchObject({ index: 2, reason: 'out-of-order' })
    const same = openCase('2026-03-02T09:00:00+08:00').add(
      'agent.replied',
      '2026-03-02T09:00:00+08:00',
    ).events
    expect(computeSla(same, policy, { now })).not.toHaveLength(0)
  })

  it('for a second case.opened, an unknown type and a time that is not one', () => {
    const h = log()
    const again = { ...h[0]!, id: 'again', at: new Date('2026-03-02T12:00:00+08:00') }
    expect(historyError([...h, again])).toMatchObject({ index: 3, reason: 'opened-twice' })
    expect(historyError([h[0]!, { ...h[1]!, type: 'agent.typed' } as never])).toMatchObject({
      index: 1,
      reason: 'unknown-type',
    })
    expect(historyError([h[0]!, { ...h[1]!, at: '2026-03-02 10:00' } as never])).toMatchObject({
      index: 1,
      reason: 'invalid-time',
    })
  })

  it('counts the index within the events given, and the position in the whole log', () => {
    const h = log()
    const state = advanceSla(undefined, h.slice(0, 2), policy)
    const e = caught(() => advanceSla(state, [h[2]!, h[1]!], policy))
    expect((e as { details: object }).details).toMatchObject({ index: 1, position: 3 })
  })
})

describe('other failures', () => {
  const h = openCase('2026-03-02T09:00:00+08:00').events

  it('SLA_OPTIONS_INVALID for a now before the last event, or not a time', () => {
    for (const bad of ['2026-03-02T08:00:00+08:00', '2026-03-02 10:00', Number.NaN])
      expect(
        isServiceKitError(
          caught(() => computeSla(h, policy, { now: bad })),
          'SLA_OPTIONS_INVALID',
        ),
      ).toBe(true)
  })

  it('SLA_STATE_INVALID for a state of another policy, or not a state', () => {
    const state = advanceSla(undefined, h, policy)
    const other = changePolicy()
    expect(
      isServiceKitError(
        caught(() => toSlaClocks(state, other, { now })),
        'SLA_STATE_INVALID',
      ),
    ).toBe(true)
    expect(
      isServiceKitError(
        caught(() => advanceSla({ format: 2 } as never, h, policy)),
        'SLA_STATE_INVALID',
      ),
    ).toBe(true)
  })

  it('SLA_PRIORITY_UNKNOWN for a priority the policy does not know', () => {
    const triaged = openCase('2026-03-02T09:00:00+08:00').add(
      'case.triaged',
      '2026-03-02T09:05:00+08:00',
      { category: 'inquiry', priority: 'p1' },
    ).events
    const e = caught(() => computeSla(triaged, policy, { now }))
    expect(isServiceKitError(e, 'SLA_PRIORITY_UNKNOWN')).toBe(true)
    expect((e as { details: object }).details).toMatchObject({ priority: 'p1' })
  })

  it('POLICY_FACTS_INVALID when the case breaks the policy’s fact declarations', () => {
    const gold = openCase('2026-03-02T09:00:00+08:00', {
      customer: { id: 'c', name: 'N', tier: 'key' },
    }).events
    expect(computeSla(gold, policy, { now })).not.toHaveLength(0)
    const e = caught(() => computeSla(gold, policy, { now, facts: { customer: { tier: 'gold' } } }))
    expect(isServiceKitError(e, 'POLICY_FACTS_INVALID')).toBe(true)
  })

  it('SLA_OPTIONS_INVALID for summary options out of range', () => {
    expect(
      isServiceKitError(
        caught(() => summarizeSla([], { atRiskPercent: 0 })),
        'SLA_OPTIONS_INVALID',
      ),
    ).toBe(true)
    expect(
      isServiceKitError(
        caught(() => summarizeSla([], { timeZone: 'Mars/Base' })),
        'SLA_OPTIONS_INVALID',
      ),
    ).toBe(true)
  })
})
