import type { CaseEvent } from '@servicekit/core'
import type { Policy } from '@servicekit/policy'
import { describe, expectTypeOf, it } from 'vitest'
import {
  advanceSla,
  computeSla,
  nextDeadlines,
  type SlaClock,
  type SlaClockStatus,
  type SlaDeadline,
  type SlaState,
  type SlaSummary,
  summarizeSla,
  toSlaClocks,
} from '../src/index'

describe('types', () => {
  it('computeSla takes parsed events and a parsed policy, and gives clocks with Dates', () => {
    expectTypeOf(computeSla).parameter(0).toEqualTypeOf<readonly CaseEvent[]>()
    expectTypeOf(computeSla).parameter(1).toEqualTypeOf<Policy>()
    expectTypeOf(computeSla).returns.toEqualTypeOf<SlaClock[]>()
    expectTypeOf<SlaClock['startedAt']>().toEqualTypeOf<Date>()
    expectTypeOf<SlaClock['dueAt']>().toEqualTypeOf<Date | null>()
    expectTypeOf<SlaClockStatus>().toEqualTypeOf<
      'running' | 'paused' | 'achieved' | 'breached' | 'cancelled'
    >()
  })

  it('the state goes from advanceSla to advanceSla and toSlaClocks', () => {
    expectTypeOf(advanceSla).returns.toEqualTypeOf<SlaState>()
    expectTypeOf(advanceSla).parameter(0).toEqualTypeOf<SlaState | undefined>()
    expectTypeOf(toSlaClocks).parameter(0).toEqualTypeOf<SlaState>()
    expectTypeOf<SlaState['caseId']>().toEqualTypeOf<string>()
  })

  it('deadlines and summaries', () => {
    expectTypeOf(nextDeadlines).returns.toEqualTypeOf<SlaDeadline[]>()
    expectTypeOf<SlaDeadline['kind']>().toEqualTypeOf<'warning' | 'breach'>()
    expectTypeOf(summarizeSla).returns.toEqualTypeOf<SlaSummary>()
    expectTypeOf<SlaSummary['overall']['attainment']>().toEqualTypeOf<number | null>()
  })
})
