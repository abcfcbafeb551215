import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  createVocabulary,
  isServiceKitError,
  label,
  standardVocabulary,
  vocabularyKinds,
} from '../src/index'
import { exampleCase, exampleEvents } from './fixtures/events'

describe('the standard vocabulary', () => {
  it('labels every standard key in both en and zh-CN', () => {
    const keys = standardVocabulary.labelKeys()
    // 7 channels, 5 categories, 6 sub-categories, 4 priorities, 3 tiers, 9 roles, 4 teams, 2 flags
    expect(keys.length).toBe(40)
    for (const key of keys) {
      expect(standardVocabulary.hasLabel(key, 'en'), key).toBe(true)
      expect(standardVocabulary.hasLabel(key, 'zh-CN'), key).toBe(true)
      expect(label(key, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/)
      expect(label(key, 'en')).toMatch(/^[A-Z]/)
    }
  })

  it('holds the sets the service standard names', () => {
    expect(standardVocabulary.keys('channel')).toEqual([
      'phone',
      'email',
      'chat',
      'web',
      'social',
      'letter',
      'visit',
    ])
    expect(standardVocabulary.keys('priority')).toEqual(['urgent', 'high', 'medium', 'low'])
    expect(standardVocabulary.keys('tier')).toEqual(['key', 'potential', 'ordinary'])
    expect(standardVocabulary.keys('category')).toEqual([
      'productInquiry',
      'afterSales',
      'account',
      'complaint',
      'technicalInquiry',
    ])
    expect(standardVocabulary.subcategories('afterSales')).toEqual([
      'technical',
      'quality',
      'usage',
    ])
    expect(standardVocabulary.subcategories('complaint')).toEqual([
      'integrity',
      'service',
      'suggestion',
    ])
    expect(standardVocabulary.keys('role')).toEqual(
      expect.arrayContaining([
        'agent',
        'supervisor',
        'manager',
        'qualityMonitor',
        'afterSalesEngineer',
      ]),
    )
    for (const kind of vocabularyKinds)
      expect(standardVocabulary.keys(kind).length).toBeGreaterThan(0)
  })

  it('labels as the TSDoc examples say, falling back to English and then to the key', () => {
    expect(label('channel.phone', 'zh-CN')).toBe('电话')
    expect(label('priority.urgent', 'zh-CN')).toBe('紧急')
    expect(label('category.afterSales.quality')).toBe('Quality problem')
    expect(label('category.complaint.integrity', 'zh-CN')).toBe('诚信投诉')
    expect(label('tier.key', 'zh-CN')).toBe('重要客户')
    expect(label('channel.phone', 'fr')).toBe('Phone')
    expect(label('channel.pigeon', 'zh-CN')).toBe('channel.pigeon')
  })

  it('is frozen', () => {
    expect(Object.isFrozen(standardVocabulary.definition.channels)).toBe(true)
  })
})

describe('extending the vocabulary', () => {
  const company = standardVocabulary.extend({
    channels: { wechat: { en: 'WeChat', 'zh-CN': '微信' } },
    categories: {
      warranty: {
        en: 'Warranty claim',
        'zh-CN': '保修索赔',
        subcategories: { battery: { en: 'Battery', 'zh-CN': '电池' } },
      },
      afterSales: {
        en: 'After-sales',
        subcategories: { installation: { en: 'Installation', 'zh-CN': '安装' } },
      },
    },
    roles: { dealer: { en: 'Dealer', 'zh-CN': '经销商' } },
    customFields: { dealerCode: z.string().regex(/^[A-Z]{2}-\d{3}$/) },
  })

  it('adds keys and labels, keeps the standard ones, and can relabel', () => {
    expect(company.label('channel.wechat', 'zh-CN')).toBe('微信')
    expect(company.label('channel.phone', 'zh-CN')).toBe('电话')
    expect(company.subcategories('afterSales')).toEqual([
      'technical',
      'quality',
      'usage',
      'installation',
    ])
    expect(company.label('category.afterSales')).toBe('After-sales')
    expect(company.label('category.afterSales', 'zh-CN')).toBe('售后服务')
    expect(company.keys('role')).toContain('dealer')
    // the standard vocabulary is untouched
    expect(standardVocabulary.keys('channel')).not.toContain('wechat')
  })

  it('parses a case with its own keys and typed custom fields', () => {
    const c = company.parseCase({
      ...exampleCase,
      channel: 'wechat',
      category: 'warranty',
      subcategory: 'battery',
    })
    expect(c.custom.dealerCode).toBe('SH-017')
  })

  it('rejects unknown keys and bad custom fields with paths and the known keys', () => {
    const result = company.safeParseCase({
      ...exampleCase,
      channel: 'fax',
      category: 'warranty',
      subcategory: 'engine',
      priority: 'p1',
      custom: { dealerCode: 'shanghai', colour: 'red' },
    })
    expect(result.success).toBe(false)
    if (result.success) return
    const issues = (result.error.details.issues as { pointer: string; message: string }[]).map(
      (i) => `${i.pointer} ${i.message}`,
    )
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/channel Unknown channel "fax"; known: phone, email, .*wechat$/),
        '/subcategory Unknown subcategory "engine" of warranty; known: battery',
        expect.stringMatching(/^\/priority Unknown priority "p1"/),
        expect.stringMatching(/^\/custom\/dealerCode /),
        expect.stringMatching(/^\/custom /),
      ]),
    )
  })

  it('checks the keys inside events', () => {
    expect(company.parseCaseEvent(exampleEvents['case.assigned']).type).toBe('case.assigned')
    const bad = company.safeParseCaseEvent({
      ...exampleEvents['case.assigned'],
      team: 'marketing',
      actor: { id: 'x', role: 'intern' },
    })
    expect(bad.success).toBe(false)
    if (!bad.success) {
      expect(
        (bad.error.details.issues as { pointer: string }[]).map((i) => i.pointer).sort(),
      ).toEqual(['/actor/role', '/team'])
    }
    const opened = company.safeParseCaseEvent({
      ...exampleEvents['case.opened'],
      case: { ...exampleCase, custom: { dealerCode: 'nope' } },
    })
    expect(
      !opened.success && (opened.error.details.issues as { pointer: string }[])[0]?.pointer,
    ).toBe('/case/custom/dealerCode')
  })

  it('rejects malformed extensions with VOCABULARY_INVALID', () => {
    const attempts = [
      () => standardVocabulary.extend({ channels: { 'bad key': { en: 'x' } } }),
      () => standardVocabulary.extend({ channels: { fax: { en: '' } } }),
      () => standardVocabulary.extend({ tiers: { vip: { en: 'VIP' } } } as never),
      () => createVocabulary({ roles: { '9lives': { en: 'Cat' } } }),
    ]
    for (const attempt of attempts) {
      try {
        attempt()
        expect.unreachable()
      } catch (e) {
        expect(isServiceKitError(e, 'VOCABULARY_INVALID')).toBe(true)
      }
    }
  })

  it('creates a vocabulary from scratch for a company that wants only its own keys', () => {
    const vocab = createVocabulary({ channels: { hotline: { en: 'Hotline', 'zh-CN': '热线' } } })
    expect(vocab.label('channel.hotline', 'zh-CN')).toBe('热线')
    expect(vocab.keys('channel')).toEqual(['hotline'])
    expect(vocab.keys('category')).toEqual([])
  })
})
