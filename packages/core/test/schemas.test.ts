import { describe, expect, it } from 'vitest'
import {
  type CaseEventType,
  caseEventTypes,
  isServiceKitError,
  parseCase,
  parseCaseEvent,
  parseCustomer,
  parseSurveyResponse,
  type ServiceKitError,
  safeParseCase,
  safeParseCaseEvent,
  safeParseCustomer,
  safeParseSurveyResponse,
  type ValidationErrorDetails,
} from '../src/index'
import { exampleCase, exampleEvents } from './fixtures/events'

function issuesOf(error: unknown) {
  if (!isServiceKitError(error)) throw new Error('expected a ServiceKitError')
  return (error as ServiceKitError<never, ValidationErrorDetails>).details.issues
}

function pointersOf(result: { success: boolean; error?: unknown }) {
  expect(result.success).toBe(false)
  return issuesOf(result.error).map((i) => i.pointer)
}

describe('customer', () => {
  it('accepts the documented example and fills defaults', () => {
    const customer = parseCustomer({
      id: 'c-1',
      name: '王芳',
      tier: 'key',
      contacts: [{ kind: 'phone', value: '+86 138 0013 8000' }],
    })
    expect(customer).toEqual({
      id: 'c-1',
      name: '王芳',
      tier: 'key',
      member: false,
      contacts: [{ kind: 'phone', value: '+86 138 0013 8000' }],
    })
    expect(parseCustomer({ id: 'c-2', name: 'Li' }).tier).toBe('ordinary')
  })

  it('rejects an unknown tier, a bad phone and a bad email, naming each path', () => {
    const result = safeParseCustomer({
      id: 'c-1',
      name: 'Li',
      tier: 'vip',
      contacts: [
        { kind: 'phone', value: 'call me' },
        { kind: 'email', value: 'not-an-email' },
      ],
    })
    expect(pointersOf(result).sort()).toEqual(['/contacts/0/value', '/contacts/1/value', '/tier'])
    expect(!result.success && result.error.message).toBe(
      'Invalid customer at /contacts/0/value: A phone number has 5 to 20 digits, with only spaces, + - . ( ) between them (and 2 more issues)',
    )
    expect(!result.success && result.error.code).toBe('CUSTOMER_INVALID')
  })

  it('throws from parseCustomer with the same error', () => {
    expect(() => parseCustomer({ id: '', name: 'x' })).toThrowError(/Invalid customer at \/id/)
  })
})

describe('case', () => {
  it('accepts the documented example and parses times to Dates', () => {
    const parsed = parseCase(exampleCase)
    expect(parsed.openedAt).toEqual(new Date('2026-09-30T10:40:00Z'))
    expect(parsed.product?.purchasedAt).toEqual(new Date('2026-03-15T02:00:00Z'))
    expect(parsed.custom).toEqual({ dealerCode: 'SH-017' })
  })

  it('accepts the TSDoc example with defaults filled', () => {
    const parsed = parseCase({
      id: 'case-1',
      customer: { id: 'c-1', name: 'Li Lei', tier: 'key' },
      channel: 'phone',
      category: 'afterSales',
      subcategory: 'quality',
      subject: 'Washing machine leaks',
      openedAt: '2026-09-30T18:40:00+08:00',
    })
    expect(parsed.tags).toEqual([])
    expect(parsed.custom).toEqual({})
    expect(parsed.customer.member).toBe(false)
  })

  it('accepts epoch milliseconds and Dates for times', () => {
    const at = Date.UTC(2026, 8, 30, 10, 40)
    expect(parseCase({ ...exampleCase, openedAt: at }).openedAt.getTime()).toBe(at)
    expect(parseCase({ ...exampleCase, openedAt: new Date(at) }).openedAt.getTime()).toBe(at)
  })

  it('rejects a time without an offset, because its meaning depends on the machine', () => {
    expect(pointersOf(safeParseCase({ ...exampleCase, openedAt: '2026-09-30T18:40:00' }))).toEqual([
      '/openedAt',
    ])
  })

  it('names every failing path in a malformed case', () => {
    const result = safeParseCase({
      ...exampleCase,
      impact: 4,
      subject: '',
      customer: { ...exampleCase.customer, tier: 'gold' },
      product: { model: 'WM-8000', purchasedAt: 'last spring' },
      tags: ['ok', ' padded '],
    })
    expect(pointersOf(result).sort()).toEqual([
      '/customer/tier',
      '/impact',
      '/product/purchasedAt',
      '/subject',
      '/tags/1',
    ])
  })

  it('rejects non-objects at the root', () => {
    expect(pointersOf(safeParseCase(null))).toEqual([''])
    expect(pointersOf(safeParseCase('case'))).toEqual([''])
  })
})

describe('case events', () => {
  it('has a documented example for every event type, and each parses', () => {
    expect(Object.keys(exampleEvents).sort()).toEqual([...caseEventTypes].sort())
    for (const type of caseEventTypes) {
      const parsed = parseCaseEvent(exampleEvents[type])
      expect(parsed.type).toBe(type)
      expect(parsed.at).toBeInstanceOf(Date)
    }
  })

  it('accepts the TSDoc example', () => {
    const e = parseCaseEvent({
      id: 'evt-2',
      caseId: 'case-1',
      type: 'case.assigned',
      at: '2026-09-30T18:45:00+08:00',
      actor: { id: 'u-7', role: 'supervisor' },
      team: 'afterSales',
    })
    expect(e).toMatchObject({ type: 'case.assigned', team: 'afterSales' })
  })

  it.each(caseEventTypes)(
    '%s: rejects a missing id, caseId, at or actor with their paths',
    (type) => {
      const {
        id: _id,
        caseId: _caseId,
        at: _at,
        actor: _actor,
        ...rest
      } = exampleEvents[type as CaseEventType]
      const pointers = pointersOf(safeParseCaseEvent(rest))
      // case.opened also reports the case id no longer matching caseId only once the base parses.
      expect(pointers).toEqual(expect.arrayContaining(['/id', '/caseId', '/at', '/actor']))
    },
  )

  it('rejects an unknown event type, naming the discriminator', () => {
    const result = safeParseCaseEvent({ ...exampleEvents['agent.replied'], type: 'agent.shouted' })
    expect(pointersOf(result)).toEqual(['/type'])
    expect(!result.success && result.error.code).toBe('CASE_EVENT_INVALID')
  })

  it('checks each payload: examples of wrong payloads name the failing field', () => {
    const cases: [unknown, string[]][] = [
      [{ ...exampleEvents['case.opened'], caseId: 'case-2' }, ['/case/id']],
      [{ ...exampleEvents['case.assigned'], team: undefined, assigneeId: undefined }, ['/team']],
      [{ ...exampleEvents['case.waiting'], on: 'lunch' }, ['/on']],
      [
        { ...exampleEvents['solution.proposed'], amount: -5, currency: 'yuan' },
        ['/amount', '/currency'],
      ],
      [{ ...exampleEvents['case.cancelled'], reason: 'bored' }, ['/reason']],
      [{ ...exampleEvents['case.escalated'], level: 0 }, ['/level']],
      [{ ...exampleEvents['case.updated'], changes: {} }, ['/changes']],
      [{ ...exampleEvents['execution.delayed'], newDueAt: 'soon' }, ['/newDueAt']],
      [
        {
          ...exampleEvents['survey.answered'],
          response: {
            ...exampleEvents['survey.answered'].response,
            satisfaction: 6,
            caseId: 'case-9',
          },
        },
        ['/response/caseId', '/response/satisfaction'],
      ],
      [{ ...exampleEvents['sla.warning'], instance: -1 }, ['/instance']],
    ]
    for (const [input, expected] of cases) {
      expect(pointersOf(safeParseCaseEvent(input)).sort()).toEqual(expected)
    }
  })

  it('defaults resolution.confirmed to a customer confirmation, not an automatic one', () => {
    const e = parseCaseEvent(exampleEvents['resolution.confirmed'])
    expect(e.type === 'resolution.confirmed' && e.auto).toBe(false)
  })
})

describe('survey responses', () => {
  it('accepts the documented example', () => {
    const r = parseSurveyResponse({
      id: 's-1',
      caseId: 'case-1',
      at: Date.now(),
      satisfaction: 5,
      recommend: 9,
    })
    expect(r.satisfaction).toBe(5)
  })

  it('rejects out-of-scale, fractional and empty responses', () => {
    const at = '2026-10-11T12:00:00+08:00'
    expect(
      pointersOf(safeParseSurveyResponse({ id: 's', caseId: 'c', at, satisfaction: 0 })),
    ).toEqual(['/satisfaction'])
    expect(
      pointersOf(safeParseSurveyResponse({ id: 's', caseId: 'c', at, recommend: 6.5 })),
    ).toEqual(['/recommend'])
    expect(pointersOf(safeParseSurveyResponse({ id: 's', caseId: 'c', at }))).toEqual([''])
    expect(() => parseSurveyResponse({ id: 's', caseId: 'c', at, effort: 8 })).toThrowError(
      expect.objectContaining({ code: 'SURVEY_RESPONSE_INVALID' }),
    )
  })
})

describe('docs/events.md', () => {
  it('documents every event type, and no type that does not exist', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../../docs/events.md', import.meta.url), 'utf8')
    const documented = [...doc.matchAll(/^\| `([a-z]+\.[A-Za-z]+)`\s*\|/gm)].map((m) => m[1])
    expect(documented).toEqual(caseEventTypes)
  })
})
