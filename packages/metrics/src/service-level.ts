import { accumulate } from './internal/accumulate'
import {
  ContactAccumulatorBase,
  type ContactTally,
  type ServiceContact,
} from './internal/contact-tally'
import { invalidOption } from './internal/errors'
import { rateResult } from './internal/results'
import type { Accumulator, MetricOptions, RateResult } from './types'

export type { ServiceContact } from './internal/contact-tally'

/**
 * How a service level treats abandoned contacts. With A answered within the
 * threshold, B abandoned within it, C all answered and D all abandoned:
 *
 * | treatment            | formula            | abandoned contacts …                          |
 * | -------------------- | ------------------ | --------------------------------------------- |
 * | `'missed'` (default) | A / (C + D)        | all count against the service level           |
 * | `'metIfWithin'`      | (A + B) / (C + D)  | within the threshold count as met             |
 * | `'excludedIfWithin'` | A / (C + D − B)    | within the threshold are left out; later ones are misses |
 * | `'excluded'`         | A / C              | are left out entirely                         |
 */
export type AbandonedTreatment = 'missed' | 'metIfWithin' | 'excludedIfWithin' | 'excluded'

const treatments: readonly AbandonedTreatment[] = [
  'missed',
  'metIfWithin',
  'excludedIfWithin',
  'excluded',
]

/** Options of {@link serviceLevel}. */
export interface ServiceLevelOptions extends MetricOptions {
  /** How abandoned contacts count; see {@link AbandonedTreatment}. Default `'missed'`, which never flatters. */
  abandoned?: AbandonedTreatment
  /**
   * Abandoned contacts that waited less than this are "short abandons"
   * (misdials, instant hang-ups) and leave every count. Default 0 (none).
   */
  shortAbandonMs?: number
}

/** The counts behind a service level or abandonment rate. */
export interface ContactCounts {
  /** Contacts answered (C). */
  answered: number
  /** Contacts answered within the threshold (A). */
  answeredWithin: number
  /** Contacts abandoned, short abandons excluded (D). */
  abandoned: number
  /** Contacts abandoned within the threshold (B). */
  abandonedWithin: number
  /** Short abandons left out of every count. */
  shortAbandoned: number
}

/** The result of {@link serviceLevel}: `value` is the share met, `count` the numerator, `n` the denominator. */
export interface ServiceLevelResult extends RateResult, ContactCounts {
  /** The treatment of abandoned contacts used. */
  treatment: AbandonedTreatment
  /** The threshold in milliseconds; a wait equal to it is within. */
  thresholdMs: number
}

function counts(t: ContactTally): ContactCounts {
  const { answered, answeredWithin, abandoned, abandonedWithin, shortAbandoned } = t
  return { answered, answeredWithin, abandoned, abandonedWithin, shortAbandoned }
}

/** An accumulator of contacts, with an allocation-free `addWait(waitMs, abandoned)`. */
export interface ContactAccumulator<TResult> extends Accumulator<ServiceContact, TResult> {
  /** Adds one contact by its wait in milliseconds, without allocating. */
  addWait(waitMs: number, abandoned?: boolean): void
}

class ServiceLevelAccumulator
  extends ContactAccumulatorBase<ServiceLevelResult>
  implements ContactAccumulator<ServiceLevelResult>
{
  readonly treatment: AbandonedTreatment

  constructor(thresholdMs: number, options: ServiceLevelOptions) {
    super('serviceLevel', thresholdMs, options)
    const treatment = options.abandoned ?? 'missed'
    if (!treatments.includes(treatment)) {
      throw invalidOption(
        'serviceLevel',
        'abandoned',
        `must be one of ${treatments.join(', ')}, got ${String(treatment)}`,
      )
    }
    this.treatment = treatment
  }

  protected override mismatch(other: this): string | undefined {
    return other.treatment === this.treatment ? undefined : 'abandoned treatments'
  }

  result(): ServiceLevelResult {
    const t = this.tally
    const A = t.answeredWithin
    const B = t.abandonedWithin
    const C = t.answered
    const D = t.abandoned
    const [met, offered] =
      this.treatment === 'missed'
        ? [A, C + D]
        : this.treatment === 'metIfWithin'
          ? [A + B, C + D]
          : this.treatment === 'excludedIfWithin'
            ? [A, C + D - B]
            : [A, C]
    return {
      ...rateResult(met, offered, t.invalid, this.options),
      ...counts(t),
      treatment: this.treatment,
      thresholdMs: t.thresholdMs,
    }
  }
}

/**
 * A streaming {@link serviceLevel}: constant memory, mergeable; `addWait`
 * takes a wait in milliseconds without allocating.
 *
 * @example
 * ```ts
 * const acc = createServiceLevelAccumulator(20_000, { abandoned: 'excludedIfWithin' })
 * acc.addWait(12_000)
 * acc.addWait(45_000, true)
 * acc.result().value // 50
 * ```
 */
export function createServiceLevelAccumulator(
  thresholdMs: number,
  options: ServiceLevelOptions = {},
): ContactAccumulator<ServiceLevelResult> {
  return new ServiceLevelAccumulator(thresholdMs, options)
}

/**
 * Service level: the percentage of contacts answered within a threshold
 * ("80% within 20 seconds"; the standard asks 90% within 2 minutes), with a
 * Wilson interval. A wait equal to the threshold counts as within.
 *
 * Contact centres disagree on abandoned contacts, so the treatment is an
 * explicit option ({@link AbandonedTreatment}); the default `'missed'`,
 * A / (C + D), counts every abandoned contact as a miss and never flatters.
 *
 * Sources: ICMI's definition of service level as "X percent of contacts
 * answered in Y seconds" (B. Cleveland, *Call Center Management on Fast
 * Forward*, ICMI Press); the four treatments as listed in Call Centre Helper,
 * "Service Level Threshold Calculations", and in Cisco Unified ICM's
 * "abandoned calls ignored / negatively / positively impact service level".
 *
 * @param contacts - `{ waitMs, abandoned? }` or `{ offeredAt, answeredAt | abandonedAt }`
 * @param thresholdMs - the answer-time target in milliseconds
 * @example
 * ```ts
 * serviceLevel(contacts, 120_000).value // % answered within 2 minutes
 * serviceLevel(contacts, 20_000, { abandoned: 'excludedIfWithin', shortAbandonMs: 5_000 })
 * ```
 */
export function serviceLevel(
  contacts: Iterable<ServiceContact>,
  thresholdMs: number,
  options: ServiceLevelOptions = {},
): ServiceLevelResult {
  return accumulate(new ServiceLevelAccumulator(thresholdMs, options), contacts)
}
