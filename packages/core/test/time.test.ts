import { describe, expect, it } from 'vitest'
import {
  createManualClock,
  isServiceKitError,
  systemClock,
  toDate,
  toMillis,
  tryToMillis,
} from '../src/index'

describe('toMillis and toDate', () => {
  it('accepts Dates, epoch milliseconds and ISO-8601 with an offset', () => {
    expect(toMillis('2026-10-01T09:00:00+08:00')).toBe(Date.UTC(2026, 9, 1, 1))
    expect(toMillis('2026-10-01T01:00Z')).toBe(Date.UTC(2026, 9, 1, 1))
    expect(toMillis('2026-10-01T01:00:00.250-0300')).toBe(Date.UTC(2026, 9, 1, 4, 0, 0, 250))
    expect(toMillis(new Date(5))).toBe(5)
    expect(toMillis(0)).toBe(0)
    expect(toDate(1790816400000).toISOString()).toBe('2026-10-01T01:00:00.000Z')
  })

  it.each([
    ['a string without an offset', '2026-10-01T09:00:00'],
    ['a date alone', '2026-10-01'],
    ['prose', 'tomorrow'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an invalid Date', new Date('nope')],
    ['an impossible date', '2026-02-30T09:00:00Z'],
  ])('rejects %s with TIME_INVALID', (_name, input) => {
    expect(tryToMillis(input)).toBeUndefined()
    try {
      toMillis(input)
      expect.unreachable()
    } catch (e) {
      expect(isServiceKitError(e, 'TIME_INVALID')).toBe(true)
    }
  })

  it('returns a new Date each time', () => {
    const d = new Date(0)
    expect(toDate(d)).not.toBe(d)
  })
})

describe('clocks', () => {
  it('the system clock reads the machine time', () => {
    const before = Date.now()
    const now = systemClock.now().getTime()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('a manual clock moves only when told', () => {
    const clock = createManualClock('2026-10-01T09:00:00+08:00')
    expect(clock.now().toISOString()).toBe('2026-10-01T01:00:00.000Z')
    clock.advance({ hours: 2 })
    expect(clock.now().toISOString()).toBe('2026-10-01T03:00:00.000Z')
    clock.advance({ days: 1, minutes: 30, seconds: 1, milliseconds: 5 })
    expect(clock.now().toISOString()).toBe('2026-10-02T03:30:01.005Z')
    clock.advance(-5)
    expect(clock.now().toISOString()).toBe('2026-10-02T03:30:01.000Z')
    clock.set(0)
    expect(clock.now().getTime()).toBe(0)
    expect(() => clock.set('soon')).toThrowError(expect.objectContaining({ code: 'TIME_INVALID' }))
  })
})
