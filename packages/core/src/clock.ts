import { type TimeInput, toMillis } from './time'

/**
 * Where servicekit reads the current time. Pass a manual clock in tests so
 * that deadlines and "now" are exact and repeatable.
 */
export interface Clock {
  /** The current time. */
  now(): Date
}

/** The machine's clock. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() })

/** A wall-clock span for {@link ManualClock.advance}. */
export interface ElapsedTime {
  days?: number
  hours?: number
  minutes?: number
  seconds?: number
  milliseconds?: number
}

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  /** Sets the time. */
  set(time: TimeInput): void
  /** Moves the time forward (or back, with negative values) by real elapsed time. */
  advance(by: number | ElapsedTime): void
}

/**
 * Creates a clock for tests that starts at `start` and moves only through
 * `set` and `advance`.
 *
 * @example
 * ```ts
 * const clock = createManualClock('2026-10-01T09:00:00+08:00')
 * clock.advance({ hours: 2 })
 * clock.now().toISOString() // '2026-10-01T03:00:00.000Z'
 * ```
 */
export function createManualClock(start: TimeInput): ManualClock {
  let current = toMillis(start)
  return {
    now: () => new Date(current),
    set(time) {
      current = toMillis(time)
    },
    advance(by) {
      const ms =
        typeof by === 'number'
          ? by
          : (by.days ?? 0) * 86_400_000 +
            (by.hours ?? 0) * 3_600_000 +
            (by.minutes ?? 0) * 60_000 +
            (by.seconds ?? 0) * 1000 +
            (by.milliseconds ?? 0)
      current = toMillis(current + ms)
    },
  }
}
