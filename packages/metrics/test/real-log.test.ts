// Metrics over a real public event log: the UCI "Incident management process enriched event
// log" (ServiceNow, 24,918 incidents; see shared/data/uci-incident-management-event-log/SOURCE.md).
// It checks what synthetic data cannot: skewed, minute-granular durations with many ties.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sharedDataPath, sharedLogs } from '../../../scripts/shared-data'
import {
  createPercentileAccumulator,
  createReopenRateAccumulator,
  percentile,
  reopenRate,
} from '../src/index'

const path = sharedDataPath(sharedLogs.uci)

/** The last update of each incident: its reopen count, opened and resolved times (ms, UTC as written). */
function incidents(file: string) {
  const lines = readFileSync(file, 'utf8').split('\n')
  const header = lines[0]!.split(',')
  const col = (name: string) => header.indexOf(name)
  const [number, mods, reopens, opened, resolved] = [
    col('number'),
    col('sys_mod_count'),
    col('reopen_count'),
    col('opened_at'),
    col('resolved_at'),
  ]
  // d/m/yyyy HH:MM, no zone: read as UTC, which is fine for differences.
  const time = (s: string) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(s)
    return m ? Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!, +m[4]!, +m[5]!) : undefined
  }
  const last = new Map<string, string[]>()
  for (const line of lines.slice(1)) {
    if (!line) continue
    const f = line.split(',')
    const prev = last.get(f[number]!)
    if (!prev || Number(f[mods]) >= Number(prev[mods])) last.set(f[number]!, f)
  }
  return [...last.values()].map((f) => {
    const o = time(f[opened]!)
    const r = time(f[resolved]!)
    return {
      reopened: Number(f[reopens]) > 0,
      resolutionMs: o !== undefined && r !== undefined && r >= o ? r - o : undefined,
    }
  })
}

describe.skipIf(!path)(
  'the UCI incident log (skipped only when shared/data is absent outside CI)',
  () => {
    const all = path ? incidents(path) : []

    it('reads every incident', () => {
      expect(all).toHaveLength(24_918)
    })

    it('reopen rate: batch and four merged workers agree', () => {
      const batch = reopenRate(all.map((i) => i.reopened))
      const workers = [0, 1, 2, 3].map(() => createReopenRateAccumulator())
      all.forEach((i, k) => {
        workers[k % 4]!.add(i.reopened)
      })
      const merged = workers.reduce((a, b) => a.merge(b))
      expect(merged.result()).toEqual(batch)
      expect(batch.n).toBe(24_918)
      expect(batch.value!).toBeGreaterThan(0)
      expect(batch.value!).toBeLessThan(10)
    })

    it('streaming percentiles of time to resolve stay within 1% of the exact ones', () => {
      const durations = all.flatMap((i) => (i.resolutionMs === undefined ? [] : [i.resolutionMs]))
      expect(durations.length).toBeGreaterThan(20_000)
      const sketch = createPercentileAccumulator({ relativeAccuracy: 0.01 })
      for (const d of durations) sketch.add(d)
      for (const p of [10, 25, 50, 75, 90, 95, 99]) {
        const exact = percentile(durations, p).value!
        const approx = sketch.percentile(p).value!
        expect(Math.abs(approx - exact)).toBeLessThanOrEqual(0.01 * exact)
      }
      expect(sketch.result().max).toBe(Math.max(...durations))
    })
  },
)
