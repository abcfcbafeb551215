/** Where a clock stands: counting, paused, met, missed, or cancelled (counts as neither). */
export type SlaClockStatus = 'running' | 'paused' | 'achieved' | 'breached' | 'cancelled'

/** A warning of a clock: when it comes (or came), and whether `now` has passed it. */
export interface SlaWarningState {
  /** The threshold as the policy wrote it: a percentage (`75`) or an offset before the target (`PT1H`). */
  readonly threshold: number | string
  /** When the clock reaches it; `null` when it never will (stopped or paused before it). */
  readonly at: Date | null
  /** Whether `now` has reached `at`. */
  readonly fired: boolean
}

/**
 * One SLA clock of a case: a metric as one SLA policy applies it, in one
 * instance (next response has one per customer message; resolution a new
 * cycle on reopening, when the policy says so). Business times are in
 * milliseconds on the clock's calendar. Always `elapsedMs + remainingMs ===
 * targetMs` (`remainingMs` is negative once overdue) and `elapsedMs +
 * pausedMs` is the business time from `startedAt` to `stoppedAt` (or `now`).
 */
export interface SlaClock {
  /** The case it belongs to. */
  readonly caseId: string
  /** The metric, e.g. `firstResponse`. */
  readonly metric: string
  /** The instance, from 0, counted per metric and case. */
  readonly instance: number
  /** The SLA policy that applies the metric. */
  readonly policyId: string
  /** Where the clock stands at `now`. */
  readonly status: SlaClockStatus
  /** The case's priority the target is for (at the stop, or now). */
  readonly priority: string
  /** The team of the case (the latest assignment, else routing), at the stop or now. */
  readonly team: string
  /**
   * When it started. The `at` of the event that started it, the same object
   * when the event gave a `Date` (as parsed events do): not a copy, so do not
   * mutate it. A state stored as JSON gives a new `Date` with the same time.
   */
  readonly startedAt: Date
  /** The target in business time. For a due time from an event: the business time from the start to it. */
  readonly targetMs: number
  /**
   * The last moment the clock is on time (stopping at it is achieved): while
   * running, as things stand; `null` while paused; once breached, the moment
   * it was missed; once stopped, the deadline it had then.
   */
  readonly dueAt: Date | null
  /**
   * When it stopped or was cancelled; `null` while it counts. Like
   * `startedAt`, the `at` of the event that stopped it, the same object.
   */
  readonly stoppedAt: Date | null
  /** Business time it ran, pauses excluded. */
  readonly elapsedMs: number
  /** Business time it was paused. */
  readonly pausedMs: number
  /** `targetMs - elapsedMs`: negative once it is overdue. */
  readonly remainingMs: number
  /** When the target was missed; `null` when it was not. The same object as `dueAt` when they are the same moment. */
  readonly breachedAt: Date | null
  /** Its warnings, in the order the policy lists them. */
  readonly warnings: readonly SlaWarningState[]
  /** The name of the calendar business time is counted on (a key of the policy's `calendars`). */
  readonly calendar: string
}
