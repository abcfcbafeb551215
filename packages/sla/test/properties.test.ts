// Properties over random histories (fixtures/arbitraries.ts) on four policies:
// every preset on a lunch-break office calendar, the same on a 24×7 calendar,
// the standard after-sales policy (holidays, make-up days, category changes
// restarting from the original start), and a policy whose priority changes
// move clocks between a 24×7 and an office calendar under each change rule.
import { readFileSync } from 'node:fs'
import { createCalendar } from '@servicekit/calendar'
import { type Policy, parsePolicy, type SlaChangeRule } from '@servicekit/policy'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advanceSla, computeSla, type SlaClock, toSlaClocks } from '../src/index'
import { allPresetsPolicy } from './fixtures/all-presets'
import { historyArbitrary } from './fixtures/arbitraries'
import { changePolicy } from './fixtures/policies'

const afterSales = parsePolicy(
  readFileSync(
    new URL('../../../examples/policies/standard-after-sales.policy.json', import.meta.url),
    'utf8',
  ),
)
const rules: SlaChangeRule[] = [
  { mode: 'recalculate' },
  { mode: 'restart', from: 'change' },
  { mode: 'restart', from: 'originalStart' },
]
const moving = rules.flatMap((priority) =>
  (['perSegment', 'last'] as const).map((calendar) =>
    changePolicy({ changes: { priority, calendar } }),
  ),
)

interface Subject {
  name: string
  policy: Policy
  priorities: string[]
  /** Clocks never change calendar under this policy. */
  oneCalendar: boolean
}
const subjects: Subject[] = [
  {
    name: 'every preset, office hours',
    policy: allPresetsPolicy('office'),
    priorities: ['urgent', 'high', 'low'],
    oneCalendar: true,
  },
  {
    name: 'every preset, 24×7',
    policy: allPresetsPolicy('allDay'),
    priorities: ['urgent', 'high', 'low'],
    oneCalendar: true,
  },
  {
    name: 'standard after-sales',
    policy: afterSales,
    priorities: ['urgent', 'high', 'medium', 'low'],
    oneCalendar: true,
  },
  ...moving.map((policy, i) => ({
    name: `calendar changes, rule set ${i}`,
    policy,
    priorities: ['urgent', 'high', 'low'],
    oneCalendar: false,
  })),
]

const MIN = 60_000
/** A history and a `now` from its last event to 5 days later. */
const caseAt = (s: Subject) =>
  fc
    .tuple(historyArbitrary({ priorities: s.priorities }), fc.integer({ min: 0, max: 7200 }))
    .map(([history, later]) => ({ history, now: history.at(-1)!.at.getTime() + later * MIN }))
const calendarsOf = (p: Policy) =>
  Object.fromEntries(Object.entries(p.calendars).map(([k, d]) => [k, createCalendar(d)]))

describe.each(subjects)('on random histories: $name', (s) => {
  const calendars = calendarsOf(s.policy)
  const end = (c: SlaClock, now: number) => c.stoppedAt?.getTime() ?? now

  it('elapsed business time never exceeds the open time of the calendar in the clock’s window', () => {
    fc.assert(
      fc.property(caseAt(s), ({ history, now }) => {
        for (const c of computeSla(history, s.policy, { now })) {
          const window = end(c, now) - c.startedAt.getTime()
          expect(c.elapsedMs).toBeGreaterThanOrEqual(0)
          expect(c.elapsedMs).toBeLessThanOrEqual(window)
          if (s.oneCalendar) {
            const open = calendars[c.calendar]!.businessTimeBetween(c.startedAt, end(c, now))
            expect(c.elapsedMs).toBeLessThanOrEqual(open)
            // Every moment of the window is running or paused.
            expect(c.elapsedMs + c.pausedMs).toBe(open)
          }
        }
      }),
      { numRuns: 150 },
    )
  })

  it('elapsed + remaining is the target, and the status agrees with the times', () => {
    fc.assert(
      fc.property(caseAt(s), ({ history, now }) => {
        for (const c of computeSla(history, s.policy, { now })) {
          expect(c.elapsedMs + c.remainingMs).toBe(c.targetMs)
          if (c.status === 'running') {
            expect(c.stoppedAt).toBeNull()
            expect(c.dueAt!.getTime()).toBeGreaterThanOrEqual(now)
            // Due where the remaining business time from now runs out (the next open moment
            // then), however the clock got here; on-site arrival is due at the customer's time.
            if (c.metric !== 'onsiteArrival') {
              const cal = calendars[c.calendar]!
              expect(c.dueAt!.getTime()).toBe(cal.nextOpenMs(cal.addBusinessMs(now, c.remainingMs)))
            }
          }
          if (c.status === 'paused') expect(c.dueAt).toBeNull()
          if (c.status === 'achieved')
            expect(c.stoppedAt!.getTime()).toBeLessThanOrEqual(c.dueAt!.getTime())
          if (c.status === 'breached') expect(c.breachedAt!.getTime()).toBeLessThan(end(c, now))
          for (const w of c.warnings) expect(w.fired).toBe(w.at !== null && w.at.getTime() <= now)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('gives the same clocks from a prefix and then the rest (through JSON) as from the whole', () => {
    fc.assert(
      fc.property(caseAt(s), fc.nat(), ({ history, now }, cut) => {
        const k = 1 + (cut % history.length)
        const whole = computeSla(history, s.policy, { now })
        const first = advanceSla(undefined, history.slice(0, k), s.policy)
        const stored = JSON.parse(JSON.stringify(first))
        const resumed = advanceSla(stored, history.slice(k), s.policy)
        expect(toSlaClocks(resumed, s.policy, { now })).toEqual(whole)
        // And the state given back is left as it was.
        expect(JSON.parse(JSON.stringify(first))).toEqual(stored)
      }),
      { numRuns: 150 },
    )
  })

  it('gives the same clocks whether or not the decision comes from the cache of decisions', () => {
    // Passing facts (even none) makes every decision afresh.
    fc.assert(
      fc.property(caseAt(s), ({ history, now }) => {
        expect(computeSla(history, s.policy, { now })).toEqual(
          computeSla(history, s.policy, { now, facts: {} }),
        )
      }),
      { numRuns: 100 },
    )
  })

  it('only moves forward: later, a clock has elapsed at least as much, and stopped ones are unchanged', () => {
    fc.assert(
      fc.property(caseAt(s), fc.integer({ min: 0, max: 7200 }), ({ history, now }, later) => {
        const a = computeSla(history, s.policy, { now })
        const b = computeSla(history, s.policy, { now: now + later * MIN })
        expect(b.length).toBe(a.length)
        a.forEach((c, i) => {
          const d = b[i]!
          expect([d.metric, d.instance]).toEqual([c.metric, c.instance])
          if (c.stoppedAt) expect(d).toEqual(c)
          else expect(d.elapsedMs + d.pausedMs).toBeGreaterThanOrEqual(c.elapsedMs + c.pausedMs)
        })
      }),
      { numRuns: 100 },
    )
  })
})
