import { accumulate } from './internal/accumulate'
import { invalidInput, mergeMismatch } from './internal/errors'
import { Moments } from './internal/moments'
import { type ResolvedOptions, resolveOptions, sameOutputOptions } from './internal/options'
import { meanResult } from './internal/results'
import type { Accumulator, MeanResult, MetricOptions } from './types'

/** One handled contact: its handle time in ms, or its parts. */
export type HandledContact = number | { talkMs: number; holdMs?: number; afterCallWorkMs?: number }

/** The result of {@link averageHandleTime}: the mean handle time in milliseconds with a Student-t interval. */
export type AverageHandleTimeResult = MeanResult

class HandleTimeAccumulator implements Accumulator<HandledContact, AverageHandleTimeResult> {
  readonly options: ResolvedOptions
  readonly moments = new Moments()
  invalid = 0

  constructor(options: MetricOptions) {
    this.options = resolveOptions('averageHandleTime', options)
  }

  add(contact: HandledContact): void {
    let ms: unknown = contact
    if (typeof contact === 'object' && contact !== null) {
      const { talkMs, holdMs = 0, afterCallWorkMs = 0 } = contact
      ms =
        isDuration(talkMs) && isDuration(holdMs) && isDuration(afterCallWorkMs)
          ? talkMs + holdMs + afterCallWorkMs
          : Number.NaN
    }
    if (isDuration(ms)) {
      this.moments.add(ms)
      return
    }
    if (this.options.skipInvalid) this.invalid++
    else
      throw invalidInput(
        'averageHandleTime',
        contact,
        'a handle time of finite milliseconds ≥ 0',
        this.moments.n + this.invalid,
      )
  }

  merge(other: this): this {
    if (!sameOutputOptions(this.options, other.options))
      throw mergeMismatch('averageHandleTime', 'z, round or minSample options')
    this.moments.merge(other.moments)
    this.invalid += other.invalid
    return this
  }

  reset(): void {
    this.moments.reset()
    this.invalid = 0
  }

  result(): AverageHandleTimeResult {
    const { n, m2 } = this.moments
    return meanResult(n, n === 0 ? 0 : this.moments.exactMean(), m2, this.invalid, this.options)
  }
}

function isDuration(x: unknown): x is number {
  return typeof x === 'number' && x >= 0 && x < Number.POSITIVE_INFINITY
}

/**
 * A streaming {@link averageHandleTime}: constant memory, mergeable.
 *
 * @example
 * ```ts
 * const acc = createHandleTimeAccumulator()
 * acc.add(240_000)
 * acc.add({ talkMs: 300_000, holdMs: 30_000, afterCallWorkMs: 30_000 })
 * acc.result().mean // 300000
 * ```
 */
export function createHandleTimeAccumulator(
  options: MetricOptions = {},
): Accumulator<HandledContact, AverageHandleTimeResult> {
  return new HandleTimeAccumulator(options)
}

/**
 * Average handle time (AHT): talk time plus hold time plus after-call work,
 * divided by the contacts handled, in milliseconds, with a Student-t interval.
 *
 * `AHT = Σ (talk + hold + after-call work) / handled contacts`
 *
 * Handle times are skewed (a few long cases): quote a percentile beside the
 * mean (see {@link percentile}).
 *
 * Source: ICMI's definition of average handle time (B. Cleveland, *Call
 * Center Management on Fast Forward*, ICMI Press).
 *
 * @example
 * ```ts
 * averageHandleTime([240_000, 360_000]).mean // 300000
 * ```
 */
export function averageHandleTime(
  contacts: Iterable<HandledContact>,
  options: MetricOptions = {},
): AverageHandleTimeResult {
  return accumulate(new HandleTimeAccumulator(options), contacts)
}
