import { describe, expect, it, vi } from 'vitest'
import {
  describeErrorCode,
  errorCodes,
  fail,
  isServiceKitError,
  ok,
  ServiceKitError,
  safeParseCase,
} from '../src/index'

describe('ServiceKitError', () => {
  it('carries code, details, cause and a readable message', () => {
    const cause = new RangeError('boom')
    const error = new ServiceKitError('CALENDAR_INVALID', 'Bad hours', {
      details: { path: '/week/mon' },
      cause,
    })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('ServiceKitError')
    expect(error.code).toBe('CALENDAR_INVALID')
    expect(error.details).toEqual({ path: '/week/mon' })
    expect(error.cause).toBe(cause)
    expect(error.message).toBe('Bad hours')
  })

  it('serialises to JSON with its cause', () => {
    const inner = new ServiceKitError('TIME_INVALID', 'inner')
    const error = new ServiceKitError('CASE_INVALID', 'outer', { details: { n: 1 }, cause: inner })
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ServiceKitError',
      code: 'CASE_INVALID',
      message: 'outer',
      details: { n: 1 },
      cause: { name: 'ServiceKitError', code: 'TIME_INVALID', message: 'inner', details: {} },
    })
    const plain = new ServiceKitError('CASE_INVALID', 'x', { cause: new TypeError('t') })
    expect(plain.toJSON().cause).toEqual({ name: 'TypeError', message: 't' })
    expect(new ServiceKitError('CASE_INVALID', 'x').toJSON()).not.toHaveProperty('cause')
  })

  it('is recognised by code, and not confused with other errors', () => {
    const error = new ServiceKitError('POLICY_INVALID', 'x')
    expect(isServiceKitError(error)).toBe(true)
    expect(isServiceKitError(error, 'POLICY_INVALID')).toBe(true)
    expect(isServiceKitError(error, 'CASE_INVALID')).toBe(false)
    expect(isServiceKitError(new Error('x'))).toBe(false)
    expect(isServiceKitError({ code: 'POLICY_INVALID', message: 'x' })).toBe(false)
    expect(isServiceKitError(null)).toBe(false)
  })

  it('is recognised when made by a second copy of the module', async () => {
    vi.resetModules()
    // A query string makes Vite load the module again: a second, independent copy.
    const copy: typeof import('../src/errors') = await import(
      /* @vite-ignore */ `${'../src/errors'}?second-copy`
    )
    expect(copy.ServiceKitError).not.toBe(ServiceKitError)
    const foreign = new copy.ServiceKitError('PROCESS_EVENT_REJECTED', 'from the other copy')
    expect(isServiceKitError(foreign, 'PROCESS_EVENT_REJECTED')).toBe(true)
    expect(foreign instanceof ServiceKitError).toBe(true)
    expect(copy.isServiceKitError(new ServiceKitError('CASE_INVALID', 'x'), 'CASE_INVALID')).toBe(
      true,
    )
  })

  it('has a description for every code, in SCREAMING_SNAKE case', () => {
    for (const code of Object.keys(errorCodes) as (keyof typeof errorCodes)[]) {
      expect(code).toMatch(/^[A-Z]+(?:_[A-Z]+)+$/)
      expect(describeErrorCode(code).length).toBeGreaterThan(10)
    }
  })
})

describe('Result', () => {
  it('has the shape of a zod safeParse result', () => {
    expect(ok(1)).toEqual({ success: true, data: 1 })
    const error = new ServiceKitError('CASE_INVALID', 'x')
    expect(fail(error)).toEqual({ success: false, error })
    const result = safeParseCase({})
    expect(result.success).toBe(false)
    if (!result.success) expect(isServiceKitError(result.error, 'CASE_INVALID')).toBe(true)
  })
})
