import { type TimeInput, tryToMillis } from '@servicekit/core'
import { invalidInput, invalidOption } from './internal/errors'
import { resolveOptions } from './internal/options'
import { rateResult } from './internal/results'
import type { MetricOptions, RateResult } from './types'

/** One completed repair of one fault on one product unit. */
export interface RepairRecord {
  /** The repaired unit: a serial number, or a customer-and-model key. */
  assetId: string
  /** The fault, as a stable code (e.g. the diagnosis code), not free text. */
  fault: string
  /** When the repair was done. */
  at: TimeInput
}

/** Options of {@link repeatRepairRate}. */
export interface RepeatRepairOptions extends MetricOptions {
  /**
   * Only a repair within this many days after the previous repair of the same
   * fault on the same unit counts as a repeat (e.g. 90 for a warranty on
   * the repair). Default: any earlier repair.
   */
  windowDays?: number
}

/** A unit and fault that were repaired more than once. */
export interface RepeatedFault {
  assetId: string
  fault: string
  /** How many repairs of this fault on this unit (≥ 2). */
  repairs: number
  /** How many of them count as repeats (within the window). */
  repeats: number
}

/** The result of {@link repeatRepairRate}: `count` is repeat repairs, `n` all repairs. */
export interface RepeatRepairResult extends RateResult {
  /** Every unit and fault repaired more than once, most repairs first. */
  repeated: RepeatedFault[]
}

const DAY_MS = 86_400_000

/**
 * Repeat-repair rate: repairs that fix a fault already repaired on the same
 * unit, as a percentage of all repairs, with a Wilson interval, and the list
 * of units and faults concerned. The standard forbids repeat repairs
 * ("不允许同一问题重复修理"), so each one is a defect to review, not noise.
 *
 * `repeat-repair rate = 100 · repairs of an already-repaired (unit, fault) / all repairs`
 *
 * It needs memory for every (unit, fault) pair, so it has no constant-memory
 * accumulator; to stream, flag repeats where you store repairs and use
 * {@link createReopenRateAccumulator} on the flags.
 *
 * Source: the service standard (SERVICE-STANDARD §1 side paths; §3 per-agent
 * "repeat-repair count").
 *
 * @throws ServiceKitError `METRICS_INVALID_INPUT` for a record without a
 * non-empty `assetId` and `fault` or with an invalid time.
 * @example
 * ```ts
 * repeatRepairRate([
 *   { assetId: 'SN-1', fault: 'E21', at: '2026-03-01T10:00:00+08:00' },
 *   { assetId: 'SN-1', fault: 'E21', at: '2026-04-02T10:00:00+08:00' },
 *   { assetId: 'SN-2', fault: 'E05', at: '2026-04-03T10:00:00+08:00' },
 * ]).value // 33.33…
 * ```
 */
export function repeatRepairRate(
  repairs: Iterable<RepairRecord>,
  options: RepeatRepairOptions = {},
): RepeatRepairResult {
  const resolved = resolveOptions('repeatRepairRate', options)
  const { windowDays } = options
  if (windowDays !== undefined && !(Number.isFinite(windowDays) && windowDays > 0)) {
    throw invalidOption(
      'repeatRepairRate',
      'windowDays',
      `must be a positive number of days, got ${windowDays}`,
    )
  }
  const windowMs = windowDays === undefined ? Number.POSITIVE_INFINITY : windowDays * DAY_MS
  const byKey = new Map<string, { assetId: string; fault: string; times: number[] }>()
  let invalid = 0
  let index = 0
  for (const r of repairs) {
    const at = r === null || typeof r !== 'object' ? undefined : tryToMillis(r.at)
    if (at === undefined || !isKey(r.assetId) || !isKey(r.fault)) {
      if (resolved.skipInvalid) invalid++
      else
        throw invalidInput(
          'repeatRepairRate',
          r,
          '{ assetId, fault, at } with non-empty ids and a valid time',
          index,
        )
    } else {
      const key = `${r.assetId.length}:${r.assetId}${r.fault}`
      const entry = byKey.get(key)
      if (entry) entry.times.push(at)
      else byKey.set(key, { assetId: r.assetId, fault: r.fault, times: [at] })
    }
    index++
  }
  let n = 0
  let repeats = 0
  const repeated: RepeatedFault[] = []
  for (const { assetId, fault, times } of byKey.values()) {
    n += times.length
    if (times.length < 2) continue
    times.sort((a, b) => a - b)
    let count = 0
    for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! <= windowMs) count++
    repeats += count
    repeated.push({ assetId, fault, repairs: times.length, repeats: count })
  }
  repeated.sort(
    (a, b) =>
      b.repairs - a.repairs || a.assetId.localeCompare(b.assetId) || a.fault.localeCompare(b.fault),
  )
  return { ...rateResult(repeats, n, invalid, resolved), repeated }
}

function isKey(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0
}
