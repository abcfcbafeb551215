import { type TimeInput, tryToMillis } from '@servicekit/core'
import type { MetricOptions } from '../types'
import { invalidInput, invalidOption, mergeMismatch } from './errors'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './options'

/**
 * One offered contact (call, chat, message) for service-level and abandonment
 * metrics: either its wait in milliseconds and whether the customer gave up,
 * or the times it was offered and answered or abandoned.
 */
export type ServiceContact =
  | { waitMs: number; abandoned?: boolean }
  | { offeredAt: TimeInput; answeredAt?: TimeInput; abandonedAt?: TimeInput }

/**
 * Counts of answered and abandoned contacts, within and after a threshold.
 * Constant memory, no allocation for `addWait`, exact merges.
 */
export class ContactTally {
  answered = 0
  answeredWithin = 0
  abandoned = 0
  abandonedWithin = 0
  shortAbandoned = 0
  invalid = 0

  constructor(
    readonly metric: string,
    readonly thresholdMs: number,
    readonly shortAbandonMs: number,
    readonly skipInvalid: boolean,
  ) {
    if (!(Number.isFinite(thresholdMs) && thresholdMs >= 0)) {
      throw invalidOption(
        metric,
        'thresholdMs',
        `must be a finite number of milliseconds ≥ 0, got ${thresholdMs}`,
      )
    }
    if (!(Number.isFinite(shortAbandonMs) && shortAbandonMs >= 0)) {
      throw invalidOption(
        metric,
        'shortAbandonMs',
        `must be a finite number of milliseconds ≥ 0, got ${shortAbandonMs}`,
      )
    }
  }

  /** The allocation-free path: a wait in ms and whether the contact was abandoned. */
  addWait(waitMs: number, abandoned: boolean): void {
    if (!(waitMs >= 0 && waitMs < Number.POSITIVE_INFINITY)) {
      this.reject(waitMs, 'a wait of finite milliseconds ≥ 0')
      return
    }
    if (abandoned) {
      // Short abandons (a caller who hangs up at once) leave every count.
      if (waitMs < this.shortAbandonMs) this.shortAbandoned++
      else {
        this.abandoned++
        if (waitMs <= this.thresholdMs) this.abandonedWithin++
      }
    } else {
      this.answered++
      if (waitMs <= this.thresholdMs) this.answeredWithin++
    }
  }

  add(contact: ServiceContact): void {
    if (contact === null || typeof contact !== 'object') {
      this.reject(contact, 'a contact object')
      return
    }
    if ('waitMs' in contact) {
      const { abandoned = false } = contact
      if (typeof abandoned !== 'boolean') this.reject(abandoned, 'a boolean `abandoned`')
      else this.addWait(contact.waitMs, abandoned)
      return
    }
    const offered = tryToMillis(contact.offeredAt)
    const answered = contact.answeredAt === undefined ? undefined : tryToMillis(contact.answeredAt)
    const abandoned =
      contact.abandonedAt === undefined ? undefined : tryToMillis(contact.abandonedAt)
    const end = answered ?? abandoned
    if (
      offered === undefined ||
      end === undefined ||
      (contact.answeredAt !== undefined && contact.abandonedAt !== undefined)
    ) {
      this.reject(
        contact,
        'a contact with a valid offeredAt and exactly one of answeredAt, abandonedAt',
      )
      return
    }
    this.addWait(end - offered, answered === undefined)
  }

  private reject(value: unknown, expected: string): void {
    if (this.skipInvalid) {
      this.invalid++
      return
    }
    const index = this.answered + this.abandoned + this.shortAbandoned + this.invalid
    throw invalidInput(this.metric, value, expected, index)
  }

  merge(other: ContactTally): void {
    if (other.thresholdMs !== this.thresholdMs || other.shortAbandonMs !== this.shortAbandonMs) {
      throw mergeMismatch(this.metric, 'thresholds')
    }
    this.answered += other.answered
    this.answeredWithin += other.answeredWithin
    this.abandoned += other.abandoned
    this.abandonedWithin += other.abandonedWithin
    this.shortAbandoned += other.shortAbandoned
    this.invalid += other.invalid
  }

  reset(): void {
    this.answered = 0
    this.answeredWithin = 0
    this.abandoned = 0
    this.abandonedWithin = 0
    this.shortAbandoned = 0
    this.invalid = 0
  }
}

/**
 * What the service-level and abandonment accumulators share: the tally, the
 * allocation-free `addWait`, and merges that refuse different settings.
 */
export abstract class ContactAccumulatorBase<TResult> {
  readonly options: ResolvedOptions
  readonly tally: ContactTally

  constructor(
    metric: string,
    thresholdMs: number,
    options: MetricOptions & { shortAbandonMs?: number },
  ) {
    this.options = resolveOptions(metric, options)
    this.tally = new ContactTally(
      metric,
      thresholdMs,
      options.shortAbandonMs ?? 0,
      this.options.skipInvalid,
    )
  }

  add(contact: ServiceContact): void {
    this.tally.add(contact)
  }

  addWait(waitMs: number, abandoned = false): void {
    this.tally.addWait(waitMs, abandoned)
  }

  /** Settings beyond the tally's that must match for a merge; a description when they differ. */
  protected mismatch(_other: this): string | undefined {
    return undefined
  }

  merge(other: this): this {
    const what = this.mismatch(other)
    if (what !== undefined) throw mergeMismatch(this.tally.metric, what)
    if (!sameOutputOptions(this.options, other.options)) {
      throw mergeMismatch(this.tally.metric, 'z, round or minSample options')
    }
    this.tally.merge(other.tally)
    return this
  }

  reset(): void {
    this.tally.reset()
  }

  abstract result(): TResult
}
