// The SLA package projects process states from the events itself (it does not
// depend on @servicekit/process). Here the projection is checked against the
// statechart: on every history the statechart accepts, after every event, the
// projected state is the statechart's lifecycle state. Histories: the process
// package's own model (xstate/graph shortest paths to every state, each
// extended by every event its model tries there, and the simple paths of the
// main flow to the end of a case), and random logs with the events the
// statechart rejects taken out.
import { type CaseEvent, caseEventTypes } from '@servicekit/core'
import {
  createServiceProcess,
  type ProcessSnapshot,
  replayCase,
  toCaseState,
} from '@servicekit/process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph'
import { modelEvents, serializeModelState } from '../../process/test/fixtures/model'
import { projectProcessState } from '../src/index'
import { historyArbitrary } from './fixtures/arbitraries'

const machine = createServiceProcess()
const lifecycle = (s: ProcessSnapshot) => toCaseState(s).lifecycle
const isCaseEvent = (e: { type: string }): e is CaseEvent =>
  (caseEventTypes as readonly string[]).includes(e.type)

/**
 * Compares the projection with the statechart on a log the statechart accepts
 * (the events it refuses are taken out first: they change nothing, so a desk
 * never records them), after its last event or after every one.
 */
function agree(log: readonly CaseEvent[], everyPrefix = false): void {
  const refused = new Set(replayCase(log).rejected.map((r) => r.index))
  const accepted = log.filter((_, i) => !refused.has(i))
  for (let k = everyPrefix ? 1 : accepted.length; k <= accepted.length; k++) {
    const prefix = accepted.slice(0, k)
    expect(projectProcessState(prefix), prefix.map((e) => e.type).join(' → ')).toBe(
      replayCase(prefix).state.lifecycle,
    )
  }
}

/** The case events of a walk (without the machine's own start). */
const eventsOf = (steps: readonly { event: { type: string } }[]) =>
  steps.map((s) => s.event).filter(isCaseEvent)

describe('projectProcessState agrees with the service statechart', () => {
  const traversal = {
    events: (s: ProcessSnapshot) => modelEvents(s),
    serializeState: (s: ProcessSnapshot) => serializeModelState(s),
  }

  it('on the shortest path to every state of the process model, extended by every event tried there', () => {
    // Every prefix of a shortest path is a shortest path too, so checking each
    // path's end checks every step; the extensions take every (state, event) pair.
    const adjacency = getAdjacencyMap(machine, traversal)
    const shortest = getShortestPaths(machine, traversal)
    let logs = 0
    for (const path of shortest) {
      agree(eventsOf(path.steps))
      const vertex = adjacency[serializeModelState(path.state) as keyof typeof adjacency]!
      for (const { event } of Object.values(vertex.transitions)) {
        agree(eventsOf([...path.steps, { event }]))
        logs++
      }
    }
    expect(shortest.length).toBeGreaterThan(50)
    expect(logs).toBeGreaterThan(1000)
  })

  it('on every simple path of the main flow to the end of a case', () => {
    const paths = getSimplePaths(machine, {
      serializeState: traversal.serializeState,
      events: (s: ProcessSnapshot) => modelEvents(s, 'flow'),
      toState: (s: ProcessSnapshot) => ['closed', 'cancelled'].includes(lifecycle(s)),
    })
    expect(paths.length).toBeGreaterThan(10)
    for (const path of paths) agree(eventsOf(path.steps))
  })

  it('on random logs, with the events the statechart rejects taken out', () => {
    fc.assert(
      fc.property(historyArbitrary({ priorities: ['high', 'low'] }), (history) => {
        agree(history, true)
      }),
      { numRuns: 150 },
    )
  })
})
