// The worked examples that the metrics were checked against, each with its
// published source. These are the acceptance tests of issue #7.
import { describe, expect, it } from 'vitest'
import {
  abandonmentRate,
  churnRate,
  csat,
  customerLifetimeValue,
  nps,
  percentile,
  retentionRate,
  serviceLevel,
  wilsonInterval,
} from '../src/index'

const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value)
const scores = (counts: Record<number, number>) =>
  Object.entries(counts).flatMap(([score, n]) => repeat(Number(score), n))

describe('published worked examples', () => {
  it('Delighted CSAT: 5→42, 4→32, 3→10, 2→9, 1→14 gives 69.16%', () => {
    // Source: Delighted Help Center, "How is CSAT calculated?"
    // (help.delighted.com/article/240-how-is-csat-calculated): 74 satisfied of 107 → 69.16, shown as 69.
    const responses = scores({ 5: 42, 4: 32, 3: 10, 2: 9, 1: 14 })
    const full = csat(responses)
    expect(full.satisfied).toBe(74)
    expect(full.n).toBe(107)
    expect(full.value).toBe((100 * 74) / 107)
    expect(csat(responses, { round: 2 }).value).toBe(69.16)
    expect(csat(responses, { round: 0 }).value).toBe(69)
  })

  it('Intercom CSAT: 5→10, 4→20, 3→10, 2→5, 1→5 gives 60%', () => {
    // Source: Intercom VoC Metrics help, "What is CSAT and how is CSAT score calculated?"
    // (intercom.help/voc-metrics/en/articles/9647540): (10 + 20) / 50 × 100 = 60%.
    expect(csat(scores({ 5: 10, 4: 20, 3: 10, 2: 5, 1: 5 })).value).toBe(60)
  })

  it('MeasuringU NPS: 50 promoters and 25 detractors of 100 gives 25', () => {
    // Source: the MeasuringU example cited in issue #7 (J. Sauro, measuringu.com); the
    // definition, % promoters − % detractors, is Reichheld's (HBR, Dec 2003).
    const r = nps([...repeat(10, 50), ...repeat(8, 25), ...repeat(3, 25)])
    expect(r.score).toBe(25)
    expect([r.promoters, r.passives, r.detractors, r.n]).toEqual([50, 25, 25, 100])
  })

  it('NPS of [10, 9, 10, 8, 7, 5, 6, 9, 10] is 33.3', () => {
    // Source: issue #7's worked example; 5 promoters, 2 passives, 2 detractors of 9.
    const r = nps([10, 9, 10, 8, 7, 5, 6, 9, 10])
    expect([r.promoters, r.passives, r.detractors]).toEqual([5, 2, 2])
    expect(r.score).toBeCloseTo(100 / 3, 12)
    expect(nps([10, 9, 10, 8, 7, 5, 6, 9, 10], { round: 1 }).score).toBe(33.3)
  })

  it('NPS variance with promoters ½, passives ⅓, detractors ⅙ is 5/9', () => {
    // Source: B. Rocks, "Interval Estimation for the 'Net Promoter Score'", The American
    // Statistician 70(4), 2016, §2: Var = p + d − (p − d)² per respondent; ½ + ⅙ − (⅓)² = 5/9.
    const r = nps([10, 9, 10, 8, 7, 0])
    expect(r.variance).toBe(5 / 9)
    expect(r.standardError).toBeCloseTo(100 * Math.sqrt(5 / 9 / 6), 12)
  })

  it('retention with S = 1000, N = 250, E = 1100 is 85% (churn 15%)', () => {
    // Source: the CRM retention formula CRR = ((E − N) / S) × 100 (issue #7's example).
    expect(retentionRate({ start: 1000, new: 250, end: 1100 }).value).toBe(85)
    expect(churnRate({ start: 1000, new: 250, end: 1100 }).value).toBe(15)
  })

  it('Wilson interval of 430 of 474 at z = 1.96', () => {
    // Source: E. B. Wilson, JASA 22(158), 1927; the values are issue #7's reference results.
    expect(wilsonInterval(430, 474, 1.96)).toEqual([0.8776750858242243, 0.9301239839930541])
    expect(wilsonInterval(430, 474)).toEqual([0.8776750858242243, 0.9301239839930541])
  })

  it('Cisco Unified ICM service levels: 70 answered and 10 abandoned within of 100', () => {
    // Source: Cisco ICM/CTI Server user guide, "Table 4: Service Levels Based on Abandoned
    // Call Setting": ignore abandoned 70/(100 − 10) = 77.8%, negative 70/100 = 70%,
    // positive (70 + 10)/100 = 80%. 20 calls exceeded the threshold (here: answered late).
    const contacts = [
      ...repeat({ waitMs: 10_000 }, 70),
      ...repeat({ waitMs: 5_000, abandoned: true }, 10),
      ...repeat({ waitMs: 60_000 }, 20),
    ]
    expect(serviceLevel(contacts, 30_000, { abandoned: 'excludedIfWithin', round: 1 }).value).toBe(
      77.8,
    )
    expect(serviceLevel(contacts, 30_000, { abandoned: 'missed' }).value).toBe(70)
    expect(serviceLevel(contacts, 30_000, { abandoned: 'metIfWithin' }).value).toBe(80)
  })

  it('Call Centre Helper service levels: 860 of 1000 answered within 20 s, 60 abandoned', () => {
    // Source: Call Centre Helper, "Service Level Threshold Calculations": formulas #1–#4 give
    // 83%, 86%, 81% and 83% (20 abandoned within 20 s, 40 after).
    const contacts = [
      ...repeat({ waitMs: 15_000 }, 860),
      ...repeat({ waitMs: 45_000 }, 140),
      ...repeat({ waitMs: 12_000, abandoned: true }, 20),
      ...repeat({ waitMs: 50_000, abandoned: true }, 40),
    ]
    const at = (abandoned: 'metIfWithin' | 'excluded' | 'missed' | 'excludedIfWithin') =>
      serviceLevel(contacts, 20_000, { abandoned, round: 0 }).value
    expect(at('metIfWithin')).toBe(83) // (860 + 20) / (1000 + 60)
    expect(at('excluded')).toBe(86) // 860 / 1000
    expect(at('missed')).toBe(81) // 860 / (1000 + 60)
    expect(at('excludedIfWithin')).toBe(83) // 860 / (1000 + 40)
    expect(abandonmentRate(contacts, { round: 2 }).value).toBe(5.66) // 60 / 1060
  })

  it('nearest-rank and linear percentiles of [15, 20, 35, 40, 50]', () => {
    // Source: Wikipedia, "Percentile" (nearest-rank method: 30th → 20, 40th → 20,
    // 50th → 35, 100th → 50), and NIST e-Handbook §7.2.5.2 / Hyndman & Fan type 7
    // (linear: 40th → 29).
    const data = [15, 20, 35, 40, 50]
    expect([5, 30, 40, 50, 100].map((p) => percentile(data, p).value)).toEqual([15, 20, 20, 35, 50])
    expect(percentile(data, 40, { method: 'linear' }).value).toBe(29)
  })

  it('Gupta & Lehmann margin multiple at r = 80%, d = 10% is 2.67', () => {
    // Source: S. Gupta & D. R. Lehmann, "Customers as Assets", Journal of Interactive
    // Marketing 17(1), 2003: CLV = m · r / (1 + i − r); r/(1 + i − r) = 0.8 / 0.3.
    const r = customerLifetimeValue(
      { method: 'retention', margin: 100, retention: 0.8, discountRate: 0.1 },
      { round: 2 },
    )
    expect(r.marginMultiple).toBe(2.67)
    expect(r.value).toBe(266.67)
  })
})
