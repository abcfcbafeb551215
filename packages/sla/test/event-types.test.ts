// The one test that reaches into an internal module: the fast switch that maps
// an event type to its bit must agree with core's list of event types, which
// the public API cannot show directly.
import { caseEventTypes } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import { bitOf, typeBits } from '../src/internal/plan'

describe('event type bits', () => {
  it('are the same from the switch and from core’s list, one bit per type', () => {
    for (const type of caseEventTypes) expect(bitOf(type)).toBe(typeBits.get(type))
    expect(new Set(caseEventTypes.map(bitOf)).size).toBe(caseEventTypes.length)
    expect(bitOf('agent.typed')).toBe(0)
  })
})
