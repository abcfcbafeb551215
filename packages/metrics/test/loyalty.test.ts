import { describe, expect, it } from 'vitest'
import {
  churnRate,
  createWeightedIndexAccumulator,
  customerLifetimeValue,
  expectationDisconfirmation,
  healthScore,
  repeatPurchaseRate,
  retentionRate,
  rfm,
  rfmSegments,
  standardIndexWeights,
  weightedIndex,
} from '../src/index'

describe('retention and churn', () => {
  it('rejects impossible counts', () => {
    expect(() => retentionRate({ start: 10, new: 5, end: 20 })).toThrow(/between 0 and start/)
    expect(() => churnRate({ start: 10, new: 5, end: 2 })).toThrow(/between 0 and start/)
    expect(() => retentionRate({ start: 10.5, new: 0, end: 10 })).toThrow(/integer/)
    expect(retentionRate({ start: 0, new: 3, end: 3 }).value).toBeNull()
  })

  it('repeat purchase from counts or transactions', () => {
    expect(repeatPurchaseRate([0, 1, 2, 5, 1]).value).toBe(50)
    expect(
      repeatPurchaseRate([{ customerId: 'a' }, { customerId: 'a' }, { customerId: 'b' }]).value,
    ).toBe(50)
  })
})

describe('customerLifetimeValue', () => {
  it('closed form equals the infinite sum, and the finite horizon approaches it', () => {
    const input = { method: 'retention', margin: 120, retention: 0.75, discountRate: 0.08 } as const
    const closed = customerLifetimeValue(input).value
    let sum = 0
    for (let t = 1; t <= 400; t++) sum += (120 * 0.75 ** t) / 1.08 ** t
    expect(closed).toBeCloseTo(sum, 9)
    expect(customerLifetimeValue({ ...input, horizon: 3 }).value).toBeCloseTo(
      120 * (0.75 / 1.08 + (0.75 / 1.08) ** 2 + (0.75 / 1.08) ** 3),
      10,
    )
    expect(customerLifetimeValue({ ...input, horizon: 0 }).value).toBe(0)
    expect(customerLifetimeValue({ ...input, acquisitionCost: 50 }).value).toBeCloseTo(
      closed - 50,
      10,
    )
  })

  it('plugging the expected lifetime into an annuity overstates it', () => {
    // Expected lifetime 1/(1 − r) = 4 periods; an annuity of 4 periods at 8% is worth more
    // than the retention-weighted sum.
    const annuity = (120 * (1 - 1.08 ** -4)) / 0.08
    const clv = customerLifetimeValue({
      method: 'retention',
      margin: 120,
      retention: 0.75,
      discountRate: 0.08,
    }).value
    expect(annuity).toBeGreaterThan(clv)
  })

  it('simple form and invalid inputs', () => {
    expect(
      customerLifetimeValue({
        method: 'simple',
        averageOrderValue: 50,
        purchaseFrequency: 4,
        lifespan: 3,
        margin: 0.3,
      }).value,
    ).toBeCloseTo(180, 10)
    expect(() =>
      customerLifetimeValue({ method: 'retention', margin: 1, retention: 1, discountRate: 0 }),
    ).toThrow(/infinite/)
    expect(
      customerLifetimeValue({
        method: 'retention',
        margin: 1,
        retention: 1,
        discountRate: 0,
        horizon: 5,
      }).value,
    ).toBe(5)
    expect(() =>
      customerLifetimeValue({ method: 'retention', margin: 1, retention: 1.2, discountRate: 0 }),
    ).toThrow(/\[0, 1\]/)
    expect(() =>
      customerLifetimeValue({
        method: 'simple',
        averageOrderValue: -1,
        purchaseFrequency: 1,
        lifespan: 1,
      }),
    ).toThrow()
  })
})

describe('rfm', () => {
  const day = (d: number) => Date.UTC(2026, 0, d)
  const orders = [
    ...Array.from({ length: 10 }, (_, i) => ({
      customerId: 'loyal',
      at: day(20 + i),
      amount: 100,
    })),
    { customerId: 'new', at: day(30), amount: 20 },
    { customerId: 'gone', at: day(1), amount: 15 },
    { customerId: 'gone', at: day(2), amount: 15 },
    { customerId: 'mid', at: day(15), amount: 60 },
    { customerId: 'whale', at: day(5), amount: 5000 },
    { customerId: 'whale', at: day(6), amount: 5000 },
    { customerId: 'whale', at: day(7), amount: 5000 },
  ]

  it('scores by quintile with ties sharing a score, and names segments', () => {
    const r = rfm(orders)
    expect(r.asOf).toEqual(new Date(day(30)))
    const by = Object.fromEntries(r.customers.map((c) => [c.customerId, c]))
    expect(by.loyal).toMatchObject({
      recencyDays: 1,
      frequency: 10,
      monetary: 1000,
      r: 4,
      f: 5,
      m: 4,
    })
    expect(by.new).toMatchObject({
      recencyDays: 0,
      frequency: 1,
      r: 5,
      f: 1,
      m: 1,
      segment: 'New Customers',
    })
    expect(by.gone).toMatchObject({ r: 1, f: 3, m: 2, segment: 'Lost' })
    expect(by.whale).toMatchObject({ r: 2, f: 4, m: 5, score: '245', segment: "Can't Lose Them" })
    expect(Object.values(r.segments).reduce((a, b) => a + b)).toBe(5)
  })

  it('takes fixed breakpoints and an analysis date', () => {
    const r = rfm(orders, {
      asOf: day(31),
      bins: { recency: [7, 30], frequency: [2, 5], monetary: [100, 1000] },
    })
    const loyal = r.customers.find((c) => c.customerId === 'loyal')!
    expect([loyal.r, loyal.f, loyal.m, loyal.segment]).toEqual([3, 3, 3, null])
    expect(() => rfm(orders, { asOf: day(10) })).toThrow(/not after asOf/)
    expect(rfm(orders, { asOf: day(10), invalid: 'skip' }).invalid).toBe(12)
    expect(() =>
      rfm(orders, { bins: { recency: [30, 7], frequency: [1, 2], monetary: [1, 2] } }),
    ).toThrow(/ascending/)
  })

  it('ships the rfm package segment table', () => {
    expect(rfmSegments.map((s) => s.name)).toContain('Champions')
    expect(rfm([]).customers).toEqual([])
  })
})

describe('weighted index, disconfirmation and health', () => {
  it('uses the standard weights by default', () => {
    expect(Object.values(standardIndexWeights).reduce((a: number, b) => a + b, 0)).toBeCloseTo(
      1,
      12,
    )
    const r = weightedIndex({
      responseSpeed: 4,
      serviceQuality: 5,
      productSatisfaction: 4,
      supportEffectiveness: 3,
      recommendation: 5,
    })
    expect(r.value).toBeCloseTo(4.25, 12)
    expect(r.percent).toBeCloseTo(81.25, 10)
    expect(Object.values(r.contributions).reduce((a, b) => a + b)).toBeCloseTo(r.value!, 12)
  })

  it('averages answer lists and renormalises missing dimensions only when skipping', () => {
    const dims = { responseSpeed: [5, 3], serviceQuality: 4 }
    expect(() => weightedIndex(dims)).toThrow(/productSatisfaction/)
    const r = weightedIndex(dims, standardIndexWeights, { invalid: 'skip' })
    expect(r.missing).toEqual(['productSatisfaction', 'supportEffectiveness', 'recommendation'])
    expect(r.value).toBeCloseTo(4, 12)
    expect(r.n).toEqual({ responseSpeed: 2, serviceQuality: 1 })
    expect(weightedIndex({ a: 2, b: 4 }, { a: 30, b: 10 }).value).toBeCloseTo(2.5, 12)
    expect(() => weightedIndex({ a: 2 }, { a: -1 })).toThrow(
      expect.objectContaining({ code: 'METRICS_INVALID_OPTIONS' }),
    )
  })

  it('streams survey dimensions', () => {
    const acc = createWeightedIndexAccumulator({ speed: 1, quality: 1 })
    acc.add({ dimensions: { speed: 5, quality: 3 } })
    acc.add({ speed: 3 })
    expect(acc.result().value).toBeCloseTo(3.5, 12)
  })

  it('expectation-disconfirmation with a tolerance band', () => {
    const pairs = [
      { expected: 4, perceived: 5 },
      { expected: 4, perceived: 4.4 },
      { expected: 5, perceived: 3 },
      { expected: 3, perceived: 4 },
    ]
    const strict = expectationDisconfirmation(pairs)
    expect([strict.positive, strict.confirmed, strict.negative]).toEqual([3, 0, 1])
    const banded = expectationDisconfirmation(pairs, { tolerance: 0.5 })
    expect([banded.positive, banded.confirmed, banded.negative, banded.net]).toEqual([2, 1, 1, 25])
    expect(banded.gap.mean).toBeCloseTo(0.1, 12)
  })

  it('health score and bands', () => {
    const r = healthScore(
      { usage: 80, support: 60, nps: 70 },
      { usage: 0.5, support: 0.3, nps: 0.2 },
      { round: 2 },
    )
    expect([r.value, r.band]).toEqual([72, 'average'])
    expect(healthScore({ a: 50 }, { a: 1 }).band).toBe('poor')
    expect(healthScore({ a: 76 }, { a: 1 }).band).toBe('good')
    expect(() => healthScore({ a: 120 }, { a: 1 })).toThrow(/0 to 100/)
    expect(healthScore({ a: 90 }, { a: 1, b: 1 }, { invalid: 'skip' })).toMatchObject({
      value: 90,
      missing: ['b'],
    })
  })
})
