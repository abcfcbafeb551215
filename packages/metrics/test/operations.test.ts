import { describe, expect, it } from 'vitest'
import {
  abandonmentRate,
  averageHandleTime,
  createAbandonmentAccumulator,
  createPercentileAccumulator,
  createServiceLevelAccumulator,
  firstContactResolution,
  percentile,
  reopenRate,
  repeatRepairRate,
  serviceLevel,
} from '../src/index'

describe('serviceLevel', () => {
  it('counts a wait equal to the threshold as within', () => {
    expect(serviceLevel([{ waitMs: 20_000 }, { waitMs: 20_001 }], 20_000).value).toBe(50)
  })

  it('takes offered/answered/abandoned times', () => {
    const r = serviceLevel(
      [
        { offeredAt: '2026-10-01T09:00:00+08:00', answeredAt: '2026-10-01T09:01:30+08:00' },
        { offeredAt: '2026-10-01T09:00:00+08:00', answeredAt: '2026-10-01T09:03:00+08:00' },
        { offeredAt: Date.UTC(2026, 9, 1), abandonedAt: Date.UTC(2026, 9, 1, 0, 0, 40) },
      ],
      120_000,
    )
    expect([r.answered, r.answeredWithin, r.abandoned, r.abandonedWithin]).toEqual([2, 1, 1, 1])
    expect(r.value).toBeCloseTo(100 / 3, 12)
  })

  it('drops short abandons from every count', () => {
    const contacts = [
      { waitMs: 3_000, abandoned: true },
      { waitMs: 10_000 },
      { waitMs: 40_000, abandoned: true },
    ]
    const r = serviceLevel(contacts, 20_000, { shortAbandonMs: 5_000 })
    expect([r.shortAbandoned, r.abandoned, r.n, r.value]).toEqual([1, 1, 2, 50])
    expect(abandonmentRate(contacts, { shortAbandonMs: 5_000 }).value).toBe(50)
    expect(abandonmentRate(contacts).value).toBeCloseTo(200 / 3, 12)
  })

  it('rejects a contact both answered and abandoned, or with a bad time', () => {
    const both = { offeredAt: 0, answeredAt: 1, abandonedAt: 2 }
    expect(() => serviceLevel([both], 1)).toThrow(/exactly one of answeredAt, abandonedAt/)
    expect(() => serviceLevel([{ offeredAt: '2026-10-01 09:00', answeredAt: 0 }], 1)).toThrow(
      /METRICS_INVALID_INPUT|valid offeredAt/,
    )
    expect(() => serviceLevel([{ waitMs: -1 }], 1)).toThrow(/finite milliseconds/)
    expect(serviceLevel([both, { waitMs: 1 }], 1, { invalid: 'skip' }).invalid).toBe(1)
    expect(() => serviceLevel([], -5)).toThrow(
      expect.objectContaining({ code: 'METRICS_INVALID_OPTIONS' }),
    )
    expect(() => serviceLevel([], 5, { abandoned: 'ignored' as 'excluded' })).toThrow(
      /one of missed/,
    )
  })

  it('streams with addWait and refuses to merge different settings', () => {
    const a = createServiceLevelAccumulator(20_000)
    a.addWait(5_000)
    a.addWait(25_000, true)
    expect(a.result().value).toBe(50)
    expect(() => a.merge(createServiceLevelAccumulator(30_000) as typeof a)).toThrow(
      expect.objectContaining({ code: 'METRICS_MERGE_MISMATCH' }),
    )
    expect(() =>
      a.merge(createServiceLevelAccumulator(20_000, { abandoned: 'excluded' }) as typeof a),
    ).toThrow(expect.objectContaining({ code: 'METRICS_MERGE_MISMATCH' }))
    const b = createAbandonmentAccumulator()
    b.addWait(1, true)
    expect(b.result().value).toBe(100)
  })
})

describe('averageHandleTime', () => {
  it('adds talk, hold and after-call work', () => {
    const r = averageHandleTime([
      240_000,
      { talkMs: 300_000, holdMs: 30_000, afterCallWorkMs: 30_000 },
    ])
    expect(r.mean).toBe(300_000)
    expect(r.n).toBe(2)
    expect(r.standardDeviation).toBeCloseTo(Math.sqrt(2 * 60_000 ** 2), 6)
  })

  it('rejects negative or missing times', () => {
    expect(() => averageHandleTime([-1])).toThrow(/finite milliseconds/)
    expect(() => averageHandleTime([{ talkMs: Number.NaN }])).toThrow(/finite milliseconds/)
    expect(averageHandleTime([-1, 5], { invalid: 'skip' })).toMatchObject({ mean: 5, invalid: 1 })
  })
})

describe('percentile', () => {
  it('does not modify the input and handles one value', () => {
    const data = [3, 1, 2]
    expect(percentile(data, 50).value).toBe(2)
    expect(data).toEqual([3, 1, 2])
    expect(percentile([7], 99, { method: 'linear' }).value).toBe(7)
    expect(percentile([], 50).value).toBeNull()
  })

  it('linear matches Excel PERCENTILE.INC on 1..10', () => {
    // PERCENTILE.INC({1..10}, 0.95) = 9.55; (0.9) = 9.1
    const data = Array.from({ length: 10 }, (_, i) => i + 1)
    expect(percentile(data, 95, { method: 'linear' }).value).toBeCloseTo(9.55, 12)
    expect(percentile(data, 90, { method: 'linear' }).value).toBeCloseTo(9.1, 12)
    expect(percentile(data, 95).value).toBe(10)
  })

  it('rejects p outside 0–100 and bad values', () => {
    expect(() => percentile([1], 101)).toThrow(
      expect.objectContaining({ code: 'METRICS_INVALID_OPTIONS' }),
    )
    expect(() => percentile([1, Number.POSITIVE_INFINITY], 50)).toThrow(/finite number/)
    expect(percentile([1, null, 3], 100, { invalid: 'skip' })).toMatchObject({
      value: 3,
      n: 2,
      invalid: 1,
    })
  })

  it('streaming: exact ends, approximate middle within the bound', () => {
    const acc = createPercentileAccumulator({ relativeAccuracy: 0.01 })
    const data = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) * 13.7 + 0.5)
    for (const x of data) acc.add(x)
    for (const p of [0, 1, 25, 50, 90, 95, 99, 100]) {
      const exact = percentile(data, p).value!
      const approx = acc.percentile(p).value!
      expect(Math.abs(approx - exact)).toBeLessThanOrEqual(0.01 * Math.abs(exact) * (1 + 1e-12))
    }
    const s = acc.result()
    expect([s.n, s.min, s.max]).toEqual([5000, Math.min(...data), Math.max(...data)])
    expect(acc.percentile(0).value).toBe(s.min)
  })

  it('streaming handles zero and negative values', () => {
    const acc = createPercentileAccumulator()
    for (const x of [-100, -1, 0, 0, 1e-12, 2, 300]) acc.add(x)
    expect(acc.percentile(50).value).toBe(0)
    expect(Math.abs(acc.percentile(20).value! - -1)).toBeLessThanOrEqual(0.01)
    expect(() => acc.add(Number.NaN)).toThrow(/finite number/)
    expect(() => acc.add(1e16)).toThrow(/magnitude/)
    expect(() => createPercentileAccumulator({ relativeAccuracy: 0.5 })).toThrow(/relativeAccuracy/)
  })
})

describe('first-contact resolution, reopen and repeat repairs', () => {
  it('gross and net FCR', () => {
    const { gross, net } = firstContactResolution([
      { resolvedOnFirstContact: true },
      { resolvedOnFirstContact: false },
      { resolvedOnFirstContact: false, resolvable: false },
      { resolvedOnFirstContact: true, resolvable: true },
    ])
    expect([gross.count, gross.n, gross.value]).toEqual([2, 4, 50])
    expect([net.count, net.n]).toEqual([2, 3])
    expect(() =>
      firstContactResolution([{ resolvedOnFirstContact: 'yes' as unknown as boolean }]),
    ).toThrow(/resolvedOnFirstContact/)
  })

  it('reopen rate from flags or records', () => {
    expect(reopenRate([false, { reopened: true }, false, false]).value).toBe(25)
    expect(() => reopenRate([1 as unknown as boolean])).toThrow(/boolean/)
  })

  it('repeat repairs: the same fault on the same unit, optionally within a window', () => {
    const repairs = [
      { assetId: 'SN-1', fault: 'E21', at: '2026-01-01T00:00:00Z' },
      { assetId: 'SN-1', fault: 'E21', at: '2026-06-01T00:00:00Z' },
      { assetId: 'SN-1', fault: 'E21', at: '2026-06-20T00:00:00Z' },
      { assetId: 'SN-1', fault: 'E05', at: '2026-06-21T00:00:00Z' },
      { assetId: 'SN-2', fault: 'E21', at: '2026-06-22T00:00:00Z' },
    ]
    const any = repeatRepairRate(repairs)
    expect([any.count, any.n]).toEqual([2, 5])
    expect(any.repeated).toEqual([{ assetId: 'SN-1', fault: 'E21', repairs: 3, repeats: 2 }])
    expect(repeatRepairRate(repairs, { windowDays: 90 }).count).toBe(1)
    expect(() => repeatRepairRate([{ assetId: '', fault: 'x', at: 0 }])).toThrow(/non-empty ids/)
  })
})
