import { accumulate } from './internal/accumulate'
import { invalidInput, mergeMismatch } from './internal/errors'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './internal/options'
import { rateResult } from './internal/results'
import type { Accumulator, MetricOptions, RateResult } from './types'

/** One contact (or case) for {@link firstContactResolution}. */
export interface FirstContactRecord {
  /** Whether the issue was resolved on the first contact, with no repeat contact for it. */
  resolvedOnFirstContact: boolean
  /**
   * Whether the first level could have resolved it at all. `false` for
   * contacts that by their nature need a second step (on-site repair, spare
   * parts, a refund approval); they leave the net rate. Default `true`.
   */
  resolvable?: boolean
}

/** The result of {@link firstContactResolution}. */
export interface FirstContactResolutionResult {
  /** Resolved on first contact / all contacts. */
  gross: RateResult
  /** Resolved on first contact / contacts the first level could resolve. */
  net: RateResult
}

class FcrAccumulator implements Accumulator<FirstContactRecord, FirstContactResolutionResult> {
  readonly options: ResolvedOptions
  all = 0
  resolved = 0
  eligible = 0
  eligibleResolved = 0
  invalid = 0

  constructor(options: MetricOptions) {
    this.options = resolveOptions('firstContactResolution', options)
  }

  add(record: FirstContactRecord): void {
    const ok =
      typeof record === 'object' &&
      record !== null &&
      typeof record.resolvedOnFirstContact === 'boolean' &&
      (record.resolvable === undefined || typeof record.resolvable === 'boolean')
    if (!ok) {
      if (this.options.skipInvalid) this.invalid++
      else
        throw invalidInput(
          'firstContactResolution',
          record,
          '{ resolvedOnFirstContact: boolean, resolvable?: boolean }',
          this.all + this.invalid,
        )
      return
    }
    const resolved = record.resolvedOnFirstContact ? 1 : 0
    this.all++
    this.resolved += resolved
    if (record.resolvable !== false) {
      this.eligible++
      this.eligibleResolved += resolved
    }
  }

  merge(other: this): this {
    if (!sameOutputOptions(this.options, other.options))
      throw mergeMismatch('firstContactResolution', 'z, round or minSample options')
    this.all += other.all
    this.resolved += other.resolved
    this.eligible += other.eligible
    this.eligibleResolved += other.eligibleResolved
    this.invalid += other.invalid
    return this
  }

  reset(): void {
    this.all = 0
    this.resolved = 0
    this.eligible = 0
    this.eligibleResolved = 0
    this.invalid = 0
  }

  result(): FirstContactResolutionResult {
    return {
      gross: rateResult(this.resolved, this.all, this.invalid, this.options),
      net: rateResult(this.eligibleResolved, this.eligible, this.invalid, this.options),
    }
  }
}

/**
 * A streaming {@link firstContactResolution}: constant memory, mergeable.
 *
 * @example
 * ```ts
 * const acc = createFcrAccumulator()
 * acc.add({ resolvedOnFirstContact: true })
 * acc.add({ resolvedOnFirstContact: false, resolvable: false })
 * acc.result().net.value // 100
 * ```
 */
export function createFcrAccumulator(
  options: MetricOptions = {},
): Accumulator<FirstContactRecord, FirstContactResolutionResult> {
  return new FcrAccumulator(options)
}

/**
 * First-contact resolution (FCR), gross and net, each with a Wilson interval.
 *
 * - gross: `100 · resolved on first contact / all contacts`
 * - net: `100 · resolved on first contact / (all contacts − contacts that cannot be resolved at the first level)`
 *
 * Net FCR is the fairer figure for a desk that takes repair and break/fix
 * work, which can never be closed on the first call.
 *
 * Source: J. Rumburg (MetricNet), gross and net first-contact resolution, as
 * summarised in "First Call Resolution Metrics: Gross vs Net FCR"
 * (CustomerThink); Medallia, "How is First Contact Resolution (FCR) calculated?".
 *
 * @example
 * ```ts
 * const { gross, net } = firstContactResolution([
 *   { resolvedOnFirstContact: true },
 *   { resolvedOnFirstContact: false },
 *   { resolvedOnFirstContact: false, resolvable: false }, // needed an on-site visit
 * ])
 * gross.value // 33.33…
 * net.value // 50
 * ```
 */
export function firstContactResolution(
  records: Iterable<FirstContactRecord>,
  options: MetricOptions = {},
): FirstContactResolutionResult {
  return accumulate(new FcrAccumulator(options), records)
}
