import { isServiceKitError } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import { ces, createNpsAccumulator, csat, csatMean, nps, npsDifference } from '../src/index'

describe('csat', () => {
  it('counts the top two boxes, not scores above 4', () => {
    expect(csat([4, 4, 4, 3]).value).toBe(75)
    expect(csat([4, 4, 4, 3], { threshold: 5 }).value).toBe(0)
  })

  it('reads survey responses at the chosen field and counts unanswered ones apart', () => {
    const responses = [
      { satisfaction: 5, processSatisfaction: 2 },
      { satisfaction: 2, processSatisfaction: 4 },
      { recommend: 9 },
    ]
    const byDefault = csat(responses)
    expect([byDefault.value, byDefault.n, byDefault.unanswered]).toEqual([50, 2, 1])
    expect(csat(responses, { field: 'processSatisfaction' }).satisfied).toBe(1)
  })

  it('supports other scales', () => {
    expect(csat([1, 2, 3], { scale: 3, threshold: 3 }).value).toBeCloseTo(100 / 3, 12)
    expect(csat([0, 9, 10], { scale: { min: 0, max: 10 } }).satisfied).toBe(2)
  })

  it('gives the Wilson interval in percent', () => {
    const r = csat([...Array(430).fill(5), ...Array(44).fill(1)])
    expect(r.ci![0]).toBeCloseTo(87.7675085824224, 10)
    expect(r.ci![1]).toBeCloseTo(93.01239839930541, 10)
    expect(r.lowSample).toBe(false)
  })

  it('mean variant: mean, sample SD and a Student-t interval', () => {
    // 11 answers → 10 degrees of freedom; t(0.975, 10) = 2.228138851986274 (R: qt(0.975, 10)).
    const answers = [5, 4, 4, 3, 5, 2, 4, 5, 3, 4, 5]
    const r = csatMean(answers, { confidence: 0.95 })
    const mean = answers.reduce((a, b) => a + b) / 11
    const sd = Math.sqrt(answers.reduce((a, b) => a + (b - mean) ** 2, 0) / 10)
    expect(r.mean).toBeCloseTo(mean, 14)
    expect(r.standardDeviation).toBeCloseTo(sd, 14)
    expect(r.ci![1] - r.mean!).toBeCloseTo((2.228138851986274 * sd) / Math.sqrt(11), 10)
    expect(r.lowSample).toBe(true)
  })
})

describe('nps', () => {
  it('rejects 6.5 instead of counting it in n and in no bucket', () => {
    expect(() => nps([10, 6.5])).toThrow(/integer score from 0 to 10/)
    const skipped = nps([10, 6.5, 0], { invalid: 'skip' })
    expect([skipped.n, skipped.invalid, skipped.score]).toEqual([2, 1, 0])
  })

  it('gives Wald and adjusted-Wald intervals', () => {
    const r = nps([...Array(40).fill(10), ...Array(30).fill(7), ...Array(30).fill(2)])
    // p = .4, d = .3: v = .7 − .01 = .69; SE = 100·√(.69/100) = 8.3066…
    expect(r.score).toBeCloseTo(10, 12)
    expect(r.standardError).toBeCloseTo(100 * Math.sqrt(0.69 / 100), 12)
    expect(r.marginOfError).toBeCloseTo(1.96 * 100 * Math.sqrt(0.0069), 12)
    // adjusted: p' = 40.75/103, d' = 30.75/103
    const p = 40.75 / 103
    const d = 30.75 / 103
    expect(r.adjusted!.score).toBeCloseTo((100 * 10) / 103, 12)
    expect(r.adjusted!.standardError).toBeCloseTo(100 * Math.sqrt((p + d - (p - d) ** 2) / 103), 12)
  })

  it('keeps a small sample honest: the adjusted interval is wider than a zero-width Wald one', () => {
    const r = nps([10])
    expect(r.ci).toEqual([100, 100])
    expect(r.adjusted!.ci[1] - r.adjusted!.ci[0]).toBeGreaterThan(100)
    expect(r.lowSample).toBe(true)
  })

  it('reads survey responses at recommend', () => {
    expect(nps([{ recommend: 10 }, { recommend: 3 }, { satisfaction: 5 }]).unanswered).toBe(1)
  })

  it('streams with add and merge', () => {
    const a = createNpsAccumulator()
    const b = createNpsAccumulator()
    a.add(10)
    b.add(0)
    b.add(9)
    expect(a.merge(b).result()).toEqual(nps([10, 0, 9]))
    a.reset()
    expect(a.result().n).toBe(0)
  })

  it('npsDifference: a clear shift is significant, a small one is not', () => {
    const before = nps([...Array(100).fill(10), ...Array(100).fill(8), ...Array(100).fill(3)])
    const after = nps([...Array(160).fill(10), ...Array(90).fill(8), ...Array(50).fill(3)])
    const d = npsDifference(after, before)
    expect(d.difference).toBeCloseTo(100 * (110 / 300), 10)
    expect(d.significant).toBe(true)
    expect(d.pValue!).toBeLessThan(0.001)
    expect(d.ci![0]).toBeLessThan(d.adjustedDifference!)
    const small = npsDifference(
      { promoters: 11, passives: 10, detractors: 9 },
      { promoters: 10, passives: 10, detractors: 10 },
    )
    expect(small.significant).toBe(false)
    expect(small.pValue!).toBeGreaterThan(0.5)
    expect(
      npsDifference(before, { promoters: 0, passives: 0, detractors: 0 }).difference,
    ).toBeNull()
  })

  it('npsDifference p-value matches the statistic', () => {
    const d = npsDifference(
      { promoters: 60, passives: 20, detractors: 20 },
      { promoters: 45, passives: 25, detractors: 30 },
    )
    // Two-sided normal p-value: at |Z| = 1.96 it is 0.05.
    expect(d.statistic).toBeGreaterThan(0)
    const atThreshold = npsDifference(
      { promoters: 60, passives: 20, detractors: 20 },
      { promoters: 45, passives: 25, detractors: 30 },
      { z: Math.abs(d.statistic!) },
    )
    expect(atThreshold.significant).toBe(false)
  })
})

describe('ces', () => {
  const answers = [7, 6, 5, 4, 3, 2, 7]
  it('mean, agree and net variants on the CES 2.0 1–7 scale', () => {
    expect(ces(answers).mean).toBeCloseTo(34 / 7, 12)
    expect(ces(answers, { variant: 'agree' }).value).toBeCloseTo((100 * 4) / 7, 12)
    const net = ces(answers, { variant: 'net' })
    expect([net.agree, net.neutral, net.disagree]).toEqual([4, 1, 2])
    expect(net.value).toBeCloseTo((100 * 2) / 7, 12)
    expect(net.adjustedCi![0]).toBeLessThan(net.adjustedCi![1])
  })

  it('takes the vendors’ other cut-offs and the 1–5 scale', () => {
    expect(ces(answers, { variant: 'net', agree: 6 }).agree).toBe(3)
    expect(ces([5, 4, 3, 2, 1], { variant: 'agree', scale: 5 }).value).toBe(40)
    expect(() => ces(answers, { variant: 'net', agree: 3, disagree: 3 })).toThrow(/below agree/)
  })

  it('reads survey responses at effort', () => {
    expect(ces([{ effort: 7 }, { effort: 1 }, { satisfaction: 3 }]).unanswered).toBe(1)
  })
})

describe('bad input', () => {
  it.each([[6], [0], [4.5], [Number.NaN], [null], [undefined], ['5']])(
    'csat rejects %s with METRICS_INVALID_INPUT and its index',
    (bad) => {
      try {
        csat([5, bad as number])
        expect.unreachable()
      } catch (e) {
        expect(isServiceKitError(e, 'METRICS_INVALID_INPUT')).toBe(true)
        expect((e as { details: { index: number } }).details.index).toBe(1)
      }
    },
  )

  it('skips and counts under { invalid: "skip" }', () => {
    const r = csat([5, 6, null, Number.NaN, 4, 1], { invalid: 'skip' })
    expect([r.n, r.invalid, r.satisfied]).toEqual([3, 3, 2])
  })

  it('n = 0 gives null values, never NaN', () => {
    for (const r of [csat([]), csat([7], { invalid: 'skip' })]) {
      expect(r.value).toBeNull()
      expect(r.ci).toBeNull()
    }
    const n = nps([])
    expect([n.score, n.variance, n.standardError, n.ci, n.adjusted]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ])
    expect(ces([]).mean).toBeNull()
    expect(ces([], { variant: 'net' }).value).toBeNull()
    expect(JSON.stringify(csatMean([3]))).not.toContain('NaN')
  })

  it('rejects bad options with METRICS_INVALID_OPTIONS', () => {
    for (const f of [
      () => csat([5], { z: 1.96, confidence: 0.95 }),
      () => csat([5], { z: -1 }),
      () => csat([5], { confidence: 1 }),
      () => csat([5], { round: 1.5 }),
      () => csat([5], { threshold: 6 }),
      () => csat([5], { scale: 1 }),
      () => ces([5], { variant: 'median' as 'mean' }),
      () => nps([5], { invalid: 'ignore' as 'skip' }),
      () => nps([5], { minSample: -1 }),
    ]) {
      expect(f).toThrow(expect.objectContaining({ code: 'METRICS_INVALID_OPTIONS' }))
    }
  })

  it('lowSample follows minSample', () => {
    expect(csat(Array(29).fill(5)).lowSample).toBe(true)
    expect(csat(Array(30).fill(5)).lowSample).toBe(false)
    expect(csat(Array(29).fill(5), { minSample: 10 }).lowSample).toBe(false)
  })

  it('round rounds every number of the result, half away from zero', () => {
    const r = nps([10, 9, 10, 8, 7, 5, 6, 9, 10], { round: 2 })
    for (const v of [
      r.score,
      r.standardError,
      r.marginOfError,
      ...r.ci!,
      r.adjusted!.score,
      ...r.adjusted!.ci,
    ]) {
      expect(Math.round(v! * 100) / 100).toBe(v)
    }
    expect(csat([...Array(201).fill(5), ...Array(199).fill(1)], { round: 1 }).value).toBe(50.3) // 50.25 → 50.3
    expect(csat([...Array(199).fill(5), ...Array(201).fill(1)], { round: 1 }).value).toBe(49.8) // 49.75 → 49.8
    expect(nps([0, 0, 0, 10, 7, 7, 7, 7], { round: 1 }).score).toBe(-25)
    expect(nps([0, 0, 0, 10, 7, 7, 7], { round: 1 }).score).toBe(-28.6) // −28.571…
  })
})
