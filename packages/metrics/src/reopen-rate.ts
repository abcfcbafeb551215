import { accumulate } from './internal/accumulate'
import { invalidInput, mergeMismatch } from './internal/errors'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './internal/options'
import { rateResult } from './internal/results'
import type { Accumulator, MetricOptions, RateResult } from './types'

/** One resolved case: whether it was reopened, as a boolean or `{ reopened }`. */
export type ReopenRecord = boolean | { reopened: boolean }

class ReopenAccumulator implements Accumulator<ReopenRecord, RateResult> {
  readonly options: ResolvedOptions
  n = 0
  reopened = 0
  invalid = 0

  constructor(options: MetricOptions) {
    this.options = resolveOptions('reopenRate', options)
  }

  add(record: ReopenRecord): void {
    const flag = typeof record === 'object' && record !== null ? record.reopened : record
    if (typeof flag !== 'boolean') {
      if (this.options.skipInvalid) this.invalid++
      else
        throw invalidInput(
          'reopenRate',
          record,
          'a boolean or { reopened: boolean }',
          this.n + this.invalid,
        )
      return
    }
    this.n++
    if (flag) this.reopened++
  }

  merge(other: this): this {
    if (!sameOutputOptions(this.options, other.options))
      throw mergeMismatch('reopenRate', 'z, round or minSample options')
    this.n += other.n
    this.reopened += other.reopened
    this.invalid += other.invalid
    return this
  }

  reset(): void {
    this.n = 0
    this.reopened = 0
    this.invalid = 0
  }

  result(): RateResult {
    return rateResult(this.reopened, this.n, this.invalid, this.options)
  }
}

/**
 * A streaming {@link reopenRate}: constant memory, mergeable.
 *
 * @example
 * ```ts
 * const acc = createReopenRateAccumulator()
 * acc.add(false)
 * acc.add({ reopened: true })
 * acc.result().value // 50
 * ```
 */
export function createReopenRateAccumulator(
  options: MetricOptions = {},
): Accumulator<ReopenRecord, RateResult> {
  return new ReopenAccumulator(options)
}

/**
 * Reopen rate: resolved cases that were reopened (the same problem came back,
 * `case.reopened`) as a percentage of resolved cases, with a Wilson interval.
 *
 * `reopen rate = 100 · reopened cases / resolved cases`
 *
 * Source: the service standard's reopen path (SERVICE-STANDARD §1, "reopen
 * when the same problem comes back"); the usual help-desk definition of
 * reopened-ticket share. A case reopened several times counts once; use
 * {@link repeatRepairRate} for repeated repairs of one fault.
 *
 * @example
 * ```ts
 * reopenRate([false, false, true, false]).value // 25
 * reopenRate(cases.map((c) => c.reopenCount > 0))
 * ```
 */
export function reopenRate(
  records: Iterable<ReopenRecord>,
  options: MetricOptions = {},
): RateResult {
  return accumulate(new ReopenAccumulator(options), records)
}
