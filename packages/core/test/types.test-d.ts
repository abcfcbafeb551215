import { expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  type CaseEvent,
  type CaseEventOf,
  type CaseEventType,
  type Customer,
  isServiceKitError,
  parseCaseEvent,
  type Result,
  type ServiceKitError,
  safeParseCase,
  standardVocabulary,
} from '../src/index'

test('parsed times are Dates and inputs accept strings', () => {
  const result = safeParseCase({})
  if (result.success) expectTypeOf(result.data.openedAt).toEqualTypeOf<Date>()
  expectTypeOf(result).toEqualTypeOf<Result<import('../src/index').Case>>()
})

test('events narrow on type', () => {
  const e = parseCaseEvent({})
  if (e.type === 'case.assigned') {
    expectTypeOf(e.team).toEqualTypeOf<string | undefined>()
    expectTypeOf(e).toEqualTypeOf<CaseEventOf<'case.assigned'>>()
  }
  if (e.type === 'case.waiting') expectTypeOf(e.on).toEqualTypeOf<'customer' | 'thirdParty'>()
  expectTypeOf<CaseEventType>().toExtend<CaseEvent['type']>()
  expectTypeOf<'case.opened'>().toExtend<CaseEventType>()
})

test('customer tiers are a closed set', () => {
  expectTypeOf<Customer['tier']>().toEqualTypeOf<'key' | 'potential' | 'ordinary'>()
})

test('isServiceKitError narrows the code', () => {
  const e: unknown = null
  if (isServiceKitError(e, 'POLICY_INVALID'))
    expectTypeOf(e).toEqualTypeOf<ServiceKitError<'POLICY_INVALID'>>()
  // @ts-expect-error: codes come from the code table
  isServiceKitError(e, 'NOT_A_CODE')
})

test('custom fields are typed by the extension', () => {
  const vocab = standardVocabulary.extend({
    customFields: { dealerCode: z.string(), visits: z.number() },
  })
  const c = vocab.parseCase({})
  expectTypeOf(c.custom).toEqualTypeOf<{ dealerCode: string; visits: number }>()
})
