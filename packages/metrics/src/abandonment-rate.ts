import { accumulate } from './internal/accumulate'
import { ContactAccumulatorBase, type ServiceContact } from './internal/contact-tally'
import { rateResult } from './internal/results'
import type { ContactAccumulator } from './service-level'
import type { MetricOptions, RateResult } from './types'

/** Options of {@link abandonmentRate}. */
export interface AbandonmentRateOptions extends MetricOptions {
  /** Abandoned contacts that waited less than this leave both counts. Default 0. */
  shortAbandonMs?: number
}

/** The result of {@link abandonmentRate}: `count` is the abandoned contacts, `n` the offered ones. */
export interface AbandonmentRateResult extends RateResult {
  /** Short abandons left out of both counts. */
  shortAbandoned: number
}

class AbandonmentAccumulator
  extends ContactAccumulatorBase<AbandonmentRateResult>
  implements ContactAccumulator<AbandonmentRateResult>
{
  constructor(options: AbandonmentRateOptions) {
    // The threshold plays no part in the rate.
    super('abandonmentRate', 0, options)
  }

  result(): AbandonmentRateResult {
    const t = this.tally
    return {
      ...rateResult(t.abandoned, t.answered + t.abandoned, t.invalid, this.options),
      shortAbandoned: t.shortAbandoned,
    }
  }
}

/**
 * A streaming {@link abandonmentRate}, like {@link createServiceLevelAccumulator}.
 *
 * @example
 * ```ts
 * const acc = createAbandonmentAccumulator({ shortAbandonMs: 5_000 })
 * acc.addWait(30_000, true)
 * acc.addWait(10_000)
 * acc.result().value // 50
 * ```
 */
export function createAbandonmentAccumulator(
  options: AbandonmentRateOptions = {},
): ContactAccumulator<AbandonmentRateResult> {
  return new AbandonmentAccumulator(options)
}

/**
 * Abandonment rate: abandoned contacts as a percentage of offered contacts
 * (answered + abandoned), with a Wilson interval; short abandons
 * (`shortAbandonMs`) may be left out of both.
 *
 * `abandonment = 100 · D / (C + D)`
 *
 * Source: ICMI's abandonment-rate definition (B. Cleveland, *Call Center
 * Management on Fast Forward*, ICMI Press); short-abandon thresholds as ACDs
 * implement them (e.g. Mitel MiContact Center's default 6 s).
 *
 * @example
 * ```ts
 * abandonmentRate([{ waitMs: 40_000, abandoned: true }, { waitMs: 8_000 }]).value // 50
 * ```
 */
export function abandonmentRate(
  contacts: Iterable<ServiceContact>,
  options: AbandonmentRateOptions = {},
): AbandonmentRateResult {
  return accumulate(new AbandonmentAccumulator(options), contacts)
}
