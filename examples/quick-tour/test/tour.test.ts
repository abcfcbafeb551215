import { describe, expect, it } from 'vitest'
import { runTour } from '../src/tour'

describe('the quick tour', () => {
  const result = runTour('zh-CN')

  it('accepts the valid events and rejects the bad waiting reason with its pointer', () => {
    expect(result.accepted.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e5', 'e6'])
    expect(result.rejected).toHaveLength(1)
    expect(result.rejected[0]).toMatchObject({ index: 3, code: 'CASE_EVENT_INVALID' })
    expect(result.rejected[0]!.issues.map((i) => i.pointer)).toEqual(['/on'])
  })

  it('labels the timeline in Chinese, including the company channel', () => {
    expect(result.timeline[0]).toContain('微信 · 质量问题')
    expect(result.timeline[1]).toContain('高')
    expect(result.timeline[2]).toContain('售后工程师组')
  })

  it('redacts the customer before logging', () => {
    const text = JSON.stringify(result.redactedOpening)
    expect(text).not.toContain('王芳')
    expect(text).not.toContain('138 0013 8000')
    expect(text).not.toContain('世纪大道100号')
    expect(text).toContain('SH-017')
  })
})
