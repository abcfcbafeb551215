// The numbers the package README shows, so the README stays true.
import { describe, expect, it } from 'vitest'
import {
  abandonmentRate,
  averageHandleTime,
  ces,
  createNpsAccumulator,
  csat,
  csatMean,
  customerLifetimeValue,
  expectationDisconfirmation,
  healthScore,
  nps,
  npsDifference,
  percentile,
  serviceLevel,
  weightedIndex,
} from '../src/index'

describe('README examples', () => {
  it('satisfaction and recommendation', () => {
    expect(csat([5, 4, 4, 3, 5, 2, 5, 4], { round: 1 })).toEqual({
      value: 75,
      satisfied: 6,
      n: 8,
      ci: [40.9, 92.9],
      lowSample: true,
      invalid: 0,
      unanswered: 0,
    })
    expect(csatMean([5, 4, 4, 3, 5, 2, 5, 4], { round: 2 }).ci).toEqual([3.11, 4.89])
    const r = nps([10, 9, 10, 8, 7, 5, 6, 9, 10], { round: 1 })
    expect([r.score, r.ci, r.adjusted?.ci]).toEqual([33.3, [-20, 86.7], [-20.5, 70.5]])
    expect(
      npsDifference(
        { promoters: 150, passives: 55, detractors: 45 },
        { promoters: 120, passives: 60, detractors: 70 },
        { round: 3 },
      ),
    ).toEqual({
      difference: 22,
      adjustedDifference: 21.739,
      standardError: 7.229,
      statistic: 3.007,
      pValue: 0.003,
      ci: [7.569, 35.909],
      significant: true,
    })
    expect(ces([7, 6, 5, 4, 2, 7], { round: 2 }).mean).toBe(5.17)
    expect(ces([7, 6, 5, 4, 2, 7], { variant: 'net' }).value).toBe(50)
    expect(csat([5, 6, null, 4], { invalid: 'skip' })).toMatchObject({
      value: 100,
      n: 2,
      invalid: 2,
    })
    expect(csat([5, 4, 1], { round: 2 }).value).toBe(66.67)
  })

  it('service operations', () => {
    const contacts = [
      { waitMs: 12_000 },
      { waitMs: 95_000 },
      { waitMs: 150_000 },
      { waitMs: 30_000, abandoned: true },
      { waitMs: 2_000, abandoned: true },
    ]
    expect(serviceLevel(contacts, 120_000).value).toBe(40)
    expect(
      serviceLevel(contacts, 120_000, { abandoned: 'excludedIfWithin', shortAbandonMs: 5_000 })
        .value,
    ).toBeCloseTo(200 / 3, 12)
    expect(abandonmentRate(contacts).value).toBe(40)
    expect(
      averageHandleTime([240_000, { talkMs: 250_000, holdMs: 20_000, afterCallWorkMs: 30_000 }])
        .mean,
    ).toBe(270_000)
    const times = [180_000, 240_000, 300_000, 420_000, 1_500_000]
    expect(percentile(times, 95).value).toBe(1_500_000)
    expect(percentile(times, 95, { method: 'linear' }).value).toBeCloseTo(1_284_000, 6)
  })

  it('indices, loyalty and value', () => {
    expect(
      weightedIndex(
        {
          responseSpeed: 4,
          serviceQuality: 5,
          productSatisfaction: 4,
          supportEffectiveness: 3,
          recommendation: 5,
        },
        undefined,
        { round: 2 },
      ),
    ).toMatchObject({ value: 4.25, percent: 81.25 })
    const d = expectationDisconfirmation(
      [
        { expected: 4, perceived: 5 },
        { expected: 4, perceived: 4 },
        { expected: 5, perceived: 3 },
      ],
      { tolerance: 0.5 },
    )
    expect([d.positive, d.confirmed, d.negative, d.net]).toEqual([1, 1, 1, 0])
    expect(
      customerLifetimeValue(
        { method: 'retention', margin: 100, retention: 0.8, discountRate: 0.1, horizon: 5 },
        { round: 2 },
      ).value,
    ).toBe(212.41)
    expect(
      healthScore(
        { usage: 80, support: 60, nps: 70 },
        { usage: 0.5, support: 0.3, nps: 0.2 },
        { round: 1 },
      ),
    ).toMatchObject({ value: 72, band: 'average' })
    const [a, b] = [createNpsAccumulator(), createNpsAccumulator()]
    a.add(10)
    b.add(3)
    expect(a.merge(b).result().score).toBe(0)
  })
})
