import {
  type CaseEvent,
  type Locale,
  redact,
  safeParseCaseEvent,
  standardVocabulary,
  type ValidationIssue,
} from '@servicekit/core'
import { z } from 'zod'

// A company extends the standard vocabulary instead of forking it: a WeChat
// channel, a warranty category, and a dealer code on every case.
export const vocabulary = standardVocabulary.extend({
  channels: { wechat: { en: 'WeChat', 'zh-CN': '微信' } },
  categories: { warranty: { en: 'Warranty claim', 'zh-CN': '保修索赔' } },
  customFields: { dealerCode: z.string().regex(/^[A-Z]{2}-\d{3}$/) },
})

const agent = { id: 'agent-7', role: 'agent' }
const customer = { id: 'cust-1', role: 'customer' }

/** The raw log of one after-sales case, as an app would receive it (one line is wrong). */
export const rawLog: unknown[] = [
  {
    id: 'e1',
    caseId: 'case-1',
    type: 'case.opened',
    at: '2026-09-30T18:40:00+08:00',
    actor: agent,
    case: {
      id: 'case-1',
      customer: {
        id: 'cust-1',
        name: '王芳',
        tier: 'key',
        member: true,
        contacts: [{ kind: 'phone', value: '+86 138 0013 8000' }],
      },
      channel: 'wechat',
      category: 'afterSales',
      subcategory: 'quality',
      subject: 'Washing machine leaks during spin',
      description: '客户住在上海市浦东新区世纪大道100号，手机 138 0013 8000。',
      custom: { dealerCode: 'SH-017' },
      openedAt: '2026-09-30T18:40:00+08:00',
    },
  },
  {
    id: 'e2',
    caseId: 'case-1',
    type: 'case.triaged',
    at: '2026-09-30T18:42:00+08:00',
    actor: agent,
    category: 'afterSales',
    subcategory: 'quality',
    priority: 'high',
  },
  {
    id: 'e3',
    caseId: 'case-1',
    type: 'case.assigned',
    at: '2026-09-30T18:43:00+08:00',
    actor: { id: 'sup-1', role: 'supervisor' },
    team: 'afterSales',
    assigneeId: 'eng-3',
  },
  // A mistake an integration makes: a waiting reason the schema does not know.
  {
    id: 'e4',
    caseId: 'case-1',
    type: 'case.waiting',
    at: '2026-10-01T09:15:00+08:00',
    actor: agent,
    on: 'lunch',
  },
  {
    id: 'e5',
    caseId: 'case-1',
    type: 'customer.replied',
    at: '2026-10-01T09:20:00+08:00',
    actor: customer,
    message: 'Photo attached. Call me on 139 1234 5678.',
  },
  {
    id: 'e6',
    caseId: 'case-1',
    type: 'case.resolved',
    at: '2026-10-10T11:05:00+08:00',
    actor: { id: 'eng-3', role: 'afterSalesEngineer' },
    resolution: 'Door seal replaced; no leak after two test cycles.',
  },
]

/** What the tour found: accepted events, rejected lines with their issues, and a redacted log. */
export interface TourResult {
  accepted: CaseEvent[]
  rejected: { index: number; code: string; issues: ValidationIssue[] }[]
  timeline: string[]
  redactedOpening: unknown
}

/** Validates the raw log against the company vocabulary and renders it in `locale`. */
export function runTour(locale: Locale = 'zh-CN'): TourResult {
  const accepted: CaseEvent[] = []
  const rejected: TourResult['rejected'] = []
  rawLog.forEach((raw, index) => {
    const result = vocabulary.safeParseCaseEvent(raw)
    if (result.success) accepted.push(result.data)
    else
      rejected.push({
        index,
        code: result.error.code,
        issues: result.error.details.issues as ValidationIssue[],
      })
  })
  // Events not checked against the vocabulary still parse with the base schema.
  if (!safeParseCaseEvent(rawLog[1]).success) throw new Error('the base schema should accept e2')

  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  })
  const timeline = accepted.map((e) => {
    const when = format.format(e.at)
    switch (e.type) {
      case 'case.opened':
        return `${when} ${e.type} · ${vocabulary.label(`channel.${e.case.channel}`, locale)} · ${vocabulary.label(`category.${e.case.category}.${e.case.subcategory}`, locale)}`
      case 'case.triaged':
        return `${when} ${e.type} · ${vocabulary.label(`priority.${e.priority}`, locale)}`
      case 'case.assigned':
        return `${when} ${e.type} · ${vocabulary.label(`team.${e.team}`, locale)}`
      default:
        return `${when} ${e.type} · ${vocabulary.label(`role.${e.actor.role}`, locale)}`
    }
  })
  return { accepted, rejected, timeline, redactedOpening: redact(accepted[0]) }
}
