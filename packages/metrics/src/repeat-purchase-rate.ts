import { invalidInput, mergeMismatch } from './internal/errors'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './internal/options'
import { rateResult } from './internal/results'
import type { Accumulator, MetricOptions, RateResult } from './types'

/** The result of {@link repeatPurchaseRate}: `count` is customers with 2+ purchases, `n` customers with 1+. */
export type RepeatPurchaseResult = RateResult

class RepeatPurchaseAccumulator implements Accumulator<number, RepeatPurchaseResult> {
  readonly options: ResolvedOptions
  buyers = 0
  repeaters = 0
  invalid = 0
  seen = 0

  constructor(options: MetricOptions) {
    this.options = resolveOptions('repeatPurchaseRate', options)
  }

  add(purchases: number): void {
    this.seen++
    if (!(Number.isInteger(purchases) && purchases >= 0)) {
      if (this.options.skipInvalid) this.invalid++
      else
        throw invalidInput(
          'repeatPurchaseRate',
          purchases,
          "a customer's purchase count (integer ≥ 0)",
          this.seen - 1,
        )
      return
    }
    if (purchases >= 1) this.buyers++
    if (purchases >= 2) this.repeaters++
  }

  merge(other: this): this {
    if (!sameOutputOptions(this.options, other.options))
      throw mergeMismatch('repeatPurchaseRate', 'z, round or minSample options')
    this.buyers += other.buyers
    this.repeaters += other.repeaters
    this.invalid += other.invalid
    this.seen += other.seen
    return this
  }

  reset(): void {
    this.buyers = 0
    this.repeaters = 0
    this.invalid = 0
    this.seen = 0
  }

  result(): RepeatPurchaseResult {
    return rateResult(this.repeaters, this.buyers, this.invalid, this.options)
  }
}

/**
 * A streaming {@link repeatPurchaseRate} over per-customer purchase counts.
 *
 * @example
 * ```ts
 * const acc = createRepeatPurchaseAccumulator()
 * acc.add(1)
 * acc.add(3)
 * acc.result().value // 50
 * ```
 */
export function createRepeatPurchaseAccumulator(
  options: MetricOptions = {},
): Accumulator<number, RepeatPurchaseResult> {
  return new RepeatPurchaseAccumulator(options)
}

/**
 * Repeat-purchase rate: customers who bought at least twice in the period as
 * a percentage of customers who bought at least once, with a Wilson interval.
 *
 * `repeat-purchase rate = 100 · customers with ≥ 2 purchases / customers with ≥ 1`
 *
 * Give one purchase count per customer (customers with 0 are ignored), or
 * transactions `{ customerId }`, which are counted per customer.
 *
 * Source: the repeat-customer rate of retail analytics (no single primary
 * source); the standard lists repeat purchase under loyalty (SERVICE-STANDARD §3).
 *
 * @example
 * ```ts
 * repeatPurchaseRate([1, 2, 5, 1]).value // 50
 * repeatPurchaseRate([{ customerId: 'a' }, { customerId: 'a' }, { customerId: 'b' }]).value // 50
 * ```
 */
export function repeatPurchaseRate(
  purchases: Iterable<number> | Iterable<{ customerId: string }>,
  options: MetricOptions = {},
): RepeatPurchaseResult {
  const acc = new RepeatPurchaseAccumulator(options)
  let perCustomer: Map<string, number> | undefined
  for (const p of purchases as Iterable<number | { customerId: string }>) {
    if (typeof p === 'object' && p !== null) {
      perCustomer ??= new Map()
      if (typeof p.customerId !== 'string' || p.customerId === '') {
        if (acc.options.skipInvalid) acc.invalid++
        else throw invalidInput('repeatPurchaseRate', p, '{ customerId } with a non-empty id')
        continue
      }
      perCustomer.set(p.customerId, (perCustomer.get(p.customerId) ?? 0) + 1)
    } else acc.add(p)
  }
  if (perCustomer) for (const count of perCustomer.values()) acc.add(count)
  return acc.result()
}
