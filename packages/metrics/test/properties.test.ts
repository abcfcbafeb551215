import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Accumulator,
  abandonmentRate,
  averageHandleTime,
  ces,
  createAbandonmentAccumulator,
  createCesAccumulator,
  createCsatAccumulator,
  createCsatMeanAccumulator,
  createDisconfirmationAccumulator,
  createFcrAccumulator,
  createHandleTimeAccumulator,
  createNpsAccumulator,
  createPercentileAccumulator,
  createReopenRateAccumulator,
  createRepeatPurchaseAccumulator,
  createServiceLevelAccumulator,
  createWeightedIndexAccumulator,
  csat,
  csatMean,
  expectationDisconfirmation,
  firstContactResolution,
  type Interval,
  nps,
  percentile,
  reopenRate,
  repeatPurchaseRate,
  serviceLevel,
  weightedIndex,
  wilsonInterval,
} from '../src/index'

const runs = { numRuns: 300 }

/** Splits `values` at the given cut points, feeds each part to its own accumulator, merges them in a shuffled order. */
function splitMerge<I, R>(
  make: () => Accumulator<I, R>,
  values: readonly I[],
  cuts: readonly number[],
  order: readonly number[],
): R {
  const points = [...new Set(cuts.map((c) => c % (values.length + 1)))].sort((a, b) => a - b)
  const parts: Accumulator<I, R>[] = []
  let from = 0
  for (const to of [...points, values.length]) {
    const acc = make()
    for (const v of values.slice(from, to)) acc.add(v)
    parts.push(acc)
    from = Math.max(from, to)
  }
  // Merge in a pseudo-random order given by `order`.
  const pool = [...parts]
  while (pool.length > 1) {
    const i = (order[pool.length % order.length] ?? 0) % pool.length
    const [taken] = pool.splice(i, 1)
    pool[0]!.merge(taken as never)
  }
  return pool[0]!.result()
}

const cuts = fc.array(fc.nat(), { maxLength: 6 })
const order = fc.array(fc.nat(), { minLength: 1, maxLength: 6 })
const score = (min: number, max: number) => fc.integer({ min, max })

describe('accumulators split and merged in any way equal the batch result', () => {
  it('csat, csatMean, nps, ces (all variants)', () => {
    fc.assert(
      fc.property(
        fc.array(score(0, 10), { maxLength: 200, size: 'max' }),
        cuts,
        order,
        (xs, c, o) => {
          const five = xs.map((x) => (x % 5) + 1)
          const seven = xs.map((x) => (x % 7) + 1)
          expect(splitMerge(() => createCsatAccumulator(), five, c, o)).toEqual(csat(five))
          expect(splitMerge(() => createCsatMeanAccumulator(), five, c, o)).toEqual(csatMean(five))
          expect(splitMerge(() => createNpsAccumulator(), xs, c, o)).toEqual(nps(xs))
          for (const variant of ['mean', 'agree', 'net'] as const) {
            expect(splitMerge(() => createCesAccumulator({ variant }), seven, c, o)).toEqual(
              ces(seven, { variant }),
            )
          }
        },
      ),
      runs,
    )
  })

  it('service level and abandonment, every treatment', () => {
    const contact = fc.record({
      waitMs: fc.integer({ min: 0, max: 120_000 }),
      abandoned: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 150, size: 'max' }), cuts, order, (xs, c, o) => {
        for (const abandoned of [
          'missed',
          'metIfWithin',
          'excludedIfWithin',
          'excluded',
        ] as const) {
          const options = { abandoned, shortAbandonMs: 3_000 }
          expect(
            splitMerge(() => createServiceLevelAccumulator(20_000, options), xs, c, o),
          ).toEqual(serviceLevel(xs, 20_000, options))
        }
        expect(splitMerge(() => createAbandonmentAccumulator(), xs, c, o)).toEqual(
          abandonmentRate(xs),
        )
      }),
      runs,
    )
  })

  it('FCR, reopen rate, repeat purchase', () => {
    const record = fc.record({ resolvedOnFirstContact: fc.boolean(), resolvable: fc.boolean() })
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 100, size: 'max' }),
        fc.array(fc.nat(6), { maxLength: 100, size: 'max' }),
        cuts,
        order,
        (rs, counts, c, o) => {
          expect(splitMerge(() => createFcrAccumulator(), rs, c, o)).toEqual(
            firstContactResolution(rs),
          )
          const flags = rs.map((r) => r.resolvable)
          expect(splitMerge(() => createReopenRateAccumulator(), flags, c, o)).toEqual(
            reopenRate(flags),
          )
          expect(splitMerge(() => createRepeatPurchaseAccumulator(), counts, c, o)).toEqual(
            repeatPurchaseRate(counts),
          )
        },
      ),
      runs,
    )
  })

  it('weighted index over integer answers', () => {
    const answer = fc.record({ speed: score(1, 5), quality: score(1, 5) }, { requiredKeys: [] })
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 100, size: 'max' }), cuts, order, (xs, c, o) => {
        const weights = { speed: 0.4, quality: 0.6 }
        const merged = splitMerge(
          () => createWeightedIndexAccumulator(weights, { invalid: 'skip' }),
          xs,
          c,
          o,
        )
        const dims = {
          speed: xs.flatMap((x) => (x.speed === undefined ? [] : [x.speed])),
          quality: xs.flatMap((x) => (x.quality === undefined ? [] : [x.quality])),
        }
        expect(merged).toEqual(weightedIndex(dims, weights, { invalid: 'skip' }))
      }),
      runs,
    )
  })

  it('handle time and disconfirmation: counts and means exact, spreads to rounding', () => {
    const ms = fc.integer({ min: 0, max: 3_600_000 })
    fc.assert(
      fc.property(fc.array(ms, { maxLength: 100, size: 'max' }), cuts, order, (xs, c, o) => {
        const merged = splitMerge(() => createHandleTimeAccumulator(), xs, c, o)
        const batch = averageHandleTime(xs)
        expect([merged.n, merged.mean]).toEqual([batch.n, batch.mean])
        if (batch.standardDeviation !== null) {
          expect(merged.standardDeviation!).toBeCloseTo(batch.standardDeviation, 6)
        }
        const pairs = xs.map((x, i) => ({ expected: (x % 5) + 1, perceived: ((x + i) % 5) + 1 }))
        const d = splitMerge(() => createDisconfirmationAccumulator({ tolerance: 1 }), pairs, c, o)
        const e = expectationDisconfirmation(pairs, { tolerance: 1 })
        expect([d.positive, d.confirmed, d.negative, d.net, d.gap.mean]).toEqual([
          e.positive,
          e.confirmed,
          e.negative,
          e.net,
          e.gap.mean,
        ])
      }),
      runs,
    )
  })

  it('percentile sketch: merged equals one pass exactly', () => {
    const value = fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((x) => x / 1024)
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200, size: 'max' }), cuts, order, (xs, c, o) => {
        const one = createPercentileAccumulator()
        for (const x of xs) one.add(x)
        expect(splitMerge(() => createPercentileAccumulator(), xs, c, o)).toEqual(one.result())
      }),
      runs,
    )
  })
})

const contains = (ci: Interval | null, x: number | null) => {
  if (ci === null || x === null) return ci === null && x === null
  return ci[0] <= x && x <= ci[1]
}

describe('bounds', () => {
  it('NPS stays in [−100, 100], with its intervals', () => {
    fc.assert(
      fc.property(
        fc.array(score(0, 10), { maxLength: 300, size: 'max' }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (xs, z) => {
          const r = nps(xs, { z })
          for (const v of [
            r.score,
            ...(r.ci ?? []),
            r.adjusted?.score,
            ...(r.adjusted?.ci ?? []),
          ]) {
            if (v !== null && v !== undefined) {
              expect(v).toBeGreaterThanOrEqual(-100)
              expect(v).toBeLessThanOrEqual(100)
            }
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('every interval contains its point estimate, rounded or not', () => {
    const round = fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined })
    const z = fc.double({ min: 0.05, max: 6, noNaN: true })
    fc.assert(
      fc.property(
        fc.array(score(0, 10), { maxLength: 120, size: 'max' }),
        z,
        round,
        (xs, z, round) => {
          const o = { z, round }
          const five = xs.map((x) => (x % 5) + 1)
          const n = nps(xs, o)
          expect(contains(n.ci, n.score)).toBe(true)
          if (n.adjusted) expect(contains(n.adjusted.ci, n.adjusted.score)).toBe(true)
          const c = csat(five, o)
          expect(contains(c.ci, c.value)).toBe(true)
          const m = csatMean(five, o)
          if (m.ci) expect(contains(m.ci, m.mean)).toBe(true)
          const agree = ces(
            xs.map((x) => (x % 7) + 1),
            { ...o, variant: 'agree' },
          )
          expect(contains(agree.ci, agree.value)).toBe(true)
          const net = ces(
            xs.map((x) => (x % 7) + 1),
            { ...o, variant: 'net' },
          )
          expect(contains(net.ci, net.value)).toBe(true)
          const sl = serviceLevel(
            xs.map((x) => ({ waitMs: x * 1000, abandoned: x === 0 })),
            5_000,
            o,
          )
          expect(contains(sl.ci, sl.value)).toBe(true)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('the Wilson interval contains s/n and lies in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (n, share, z) => {
          const s = Math.round(share * n)
          const [lo, hi] = wilsonInterval(s, n, z)!
          expect(lo).toBeGreaterThanOrEqual(0)
          expect(hi).toBeLessThanOrEqual(1)
          expect(lo).toBeLessThanOrEqual(s / n)
          expect(hi).toBeGreaterThanOrEqual(s / n)
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('percentiles', () => {
  // Durations in ms, reals over many magnitudes of both signs, and zeros. fast-check's plain
  // doubles and small arrays lean to the bounds (tiny magnitudes, p = 0 or 100, one or two
  // values), where the sketch is exact, so values and p are drawn from integers here.
  const value = fc.oneof(
    fc.integer({ min: 0, max: 3_600_000 }),
    fc.integer({ min: 1, max: 2 ** 40 }).map((x) => x / 1024),
    fc.integer({ min: -(2 ** 30), max: -1 }).map((x) => x / 4096),
    fc.constant(0),
  )
  const data = fc.array(value, { minLength: 1, maxLength: 300, size: 'max' })
  const p = fc.integer({ min: 0, max: 100_000 }).map((x) => x / 1000)

  it('exact percentiles equal the order statistics of a sorted copy', () => {
    // Small integers force many duplicates, the hard case for selection.
    const dupes = fc.array(fc.integer({ min: -5, max: 5 }), {
      minLength: 1,
      maxLength: 300,
      size: 'max',
    })
    fc.assert(
      fc.property(fc.oneof(data, dupes), p, (xs, p) => {
        const sorted = [...xs].sort((a, b) => a - b)
        const n = sorted.length
        const k = Math.max(1, Math.ceil((p * n) / 100))
        expect(percentile(xs, p).value === sorted[k - 1]).toBe(true)
        const h = ((n - 1) * p) / 100
        const lo = Math.floor(h)
        const a = sorted[lo]!
        const b = sorted[Math.min(lo + 1, n - 1)]!
        expect(percentile(xs, p, { method: 'linear' }).value).toBeCloseTo(a + (h - lo) * (b - a), 6)
      }),
      { numRuns: 1000 },
    )
  })

  it('are monotone in p, exact and streaming, both methods', () => {
    fc.assert(
      fc.property(data, p, p, (xs, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const acc = createPercentileAccumulator()
        for (const x of xs) acc.add(x)
        for (const method of ['nearestRank', 'linear'] as const) {
          expect(percentile(xs, lo, { method }).value!).toBeLessThanOrEqual(
            percentile(xs, hi, { method }).value!,
          )
          expect(acc.percentile(lo, { method }).value!).toBeLessThanOrEqual(
            acc.percentile(hi, { method }).value!,
          )
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('the streaming nearest-rank percentile is within its relative accuracy of the exact one', () => {
    const alpha = fc.constantFrom(0.001, 0.005, 0.01, 0.05)
    fc.assert(
      fc.property(data, p, alpha, (xs, p, relativeAccuracy) => {
        const acc = createPercentileAccumulator({ relativeAccuracy })
        for (const x of xs) acc.add(x)
        const exact = percentile(xs, p).value!
        const approx = acc.percentile(p).value!
        // Below 1e-9 in magnitude a value counts as 0 (absolute error < 1e-9).
        const bound = Math.max(relativeAccuracy * Math.abs(exact) * (1 + 1e-9), 1e-9)
        expect(Math.abs(approx - exact)).toBeLessThanOrEqual(bound)
      }),
      { numRuns: 1000 },
    )
  })
})
