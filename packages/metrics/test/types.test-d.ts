import type { SurveyResponse } from '@servicekit/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type Accumulator,
  type CesAgreeResult,
  type CesMeanResult,
  type CesNetResult,
  type CsatResult,
  ces,
  createNpsAccumulator,
  createServiceLevelAccumulator,
  csat,
  type Interval,
  type NpsResult,
  nps,
  type ScoreInput,
  wilsonInterval,
} from '../src/index'

describe('type contracts', () => {
  it('ces narrows its result by variant', () => {
    expectTypeOf(ces([5])).toEqualTypeOf<CesMeanResult>()
    expectTypeOf(ces([5], { variant: 'agree' })).toEqualTypeOf<CesAgreeResult>()
    expectTypeOf(ces([5], { variant: 'net' })).toEqualTypeOf<CesNetResult>()
  })

  it('score metrics take numbers and core survey responses', () => {
    expectTypeOf<SurveyResponse>().toMatchTypeOf<ScoreInput>()
    expectTypeOf(csat).parameter(0).toEqualTypeOf<Iterable<ScoreInput>>()
    expectTypeOf(csat([5])).toEqualTypeOf<CsatResult>()
    expectTypeOf(nps([] as SurveyResponse[])).toEqualTypeOf<NpsResult>()
  })

  it('values may be null; intervals are pairs', () => {
    expectTypeOf(csat([5]).value).toEqualTypeOf<number | null>()
    expectTypeOf(wilsonInterval(1, 2)).toEqualTypeOf<Interval | null>()
    expectTypeOf<Interval>().toEqualTypeOf<readonly [lower: number, upper: number]>()
  })

  it('accumulators are typed by input and result', () => {
    expectTypeOf(createNpsAccumulator()).toEqualTypeOf<Accumulator<ScoreInput, NpsResult>>()
    expectTypeOf(createServiceLevelAccumulator(1).addWait).toEqualTypeOf<
      (waitMs: number, abandoned?: boolean) => void
    >()
    // @ts-expect-error a string is not a score
    csat(['5'])
  })
})
