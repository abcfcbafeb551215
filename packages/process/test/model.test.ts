// Model-based tests: xstate/graph walks the process (shortest paths to every
// state, each extended by every event the model tries there, and simple paths
// to the end of a case) and the invariants of the service standard are
// checked on every step of every path.
import { isServiceKitError } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate'
import { getStateNodes as getActiveNodes } from 'xstate'
import {
  getAdjacencyMap,
  getShortestPaths,
  getSimplePaths,
  getStateNodes,
  type StatePath,
  type TraversalOptions,
} from 'xstate/graph'
import {
  createServiceProcess,
  type ProcessSnapshot,
  replayCase,
  restoreCase,
  type ServiceProcess,
  toCaseState,
  toPersistedCase,
} from '../src/index'
import { extendedProcess } from './fixtures/extended-process'
import { modelEvents, serializeModelState } from './fixtures/model'

type Event = Parameters<ServiceProcess['transition']>[1]
type Path = StatePath<ProcessSnapshot, Event>
type Options = TraversalOptions<ProcessSnapshot, Event, undefined>
type Edge = { event: Event; state: ProcessSnapshot }

const lifecycleOf = (s: ProcessSnapshot) => toCaseState(s).lifecycle
const isTerminal = (s: ProcessSnapshot) => ['closed', 'cancelled'].includes(lifecycleOf(s))
const byEvents =
  (pick: (e: Event) => boolean): Options['events'] =>
  (s) =>
    modelEvents(s).filter(pick)

interface Walk {
  /** The case reached `resolved` since it was last worked on (a reopen or a rejected resolution). */
  resolvedSinceWork: boolean
  violations: string[]
}

/**
 * Checks every invariant of the standard on the steps of a path from `from`
 * on, continuing `walk` (so a path extended by one step is checked by one
 * step). Violations are collected, not thrown, to report all of them.
 */
function checkInvariants(
  steps: Path['steps'],
  from = 0,
  walk: Walk = { resolvedSinceWork: false, violations: [] },
): Walk {
  let { resolvedSinceWork } = walk
  const { violations } = walk
  for (let i = from; i < steps.length; i++) {
    const step = steps[i]!
    const s = step.state
    const state = toCaseState(s)
    const fail = (what: string) =>
      violations.push(`${what} at step ${i} of ${steps.map((x) => x.event.type).join(' → ')}`)
    if (state.escalation.id !== (s.value as { escalation: string }).escalation) {
      fail('the escalation region and the context level disagree')
    }
    if (state.open !== (state.caseId !== null && !isTerminal(s))) fail('open is wrong')
    if (state.stage === 'resolved') resolvedSinceWork = true
    else if (!['followUp', 'closed'].includes(state.stage)) resolvedSinceWork = false
    // A resolved case has a resolution note.
    if (state.stage === 'resolved' && s.context.resolution?.note !== true) {
      fail('a resolved case without a resolution note')
    }
    if (i === 0) continue
    const prev = steps[i - 1]!.state
    const before = toCaseState(prev)
    const type = step.event.type
    // A closed case went through resolved (since its last reopen or rejection).
    if (state.stage === 'closed' && before.stage !== 'closed') {
      if (!resolvedSinceWork || before.stage !== 'followUp') fail('closed without a resolution')
    }
    // Cancelled only by case.cancelled, and nothing changes a cancelled case.
    if (state.stage === 'cancelled' && before.stage !== 'cancelled' && type !== 'case.cancelled') {
      fail('cancelled by another event')
    }
    if (before.stage === 'cancelled' && serializeModelState(s) !== serializeModelState(prev)) {
      fail('a cancelled case changed')
    }
    // Entering resolved takes a case.resolved that carries its note.
    if (state.stage === 'resolved' && before.stage !== 'resolved') {
      const note = (step.event as { resolution?: string }).resolution?.trim()
      if (type !== 'case.resolved' || !note) fail('resolved without a noted case.resolved')
    }
    // Escalation never drops a level without a de-escalate event, and only
    // escalation events move it.
    if (state.escalation.level < before.escalation.level && type !== 'case.deescalated') {
      fail('the escalation level dropped without case.deescalated')
    }
    if (state.escalation.level > before.escalation.level && type !== 'case.escalated') {
      fail('the escalation level rose without case.escalated')
    }
  }
  return { resolvedSinceWork, violations }
}

function allTransitions(machine: ServiceProcess): AnyTransitionDefinition[] {
  const nodes: AnyStateNode[] = [machine.root, ...getStateNodes(machine)]
  return nodes.flatMap((node) => [...node.transitions.values()].flat())
}

const models = [
  { name: 'standard', machine: createServiceProcess() },
  { name: 'extended (on-site visit step, director level)', machine: extendedProcess },
]

describe.each(models)('the $name process, walked with xstate/graph', ({ machine }) => {
  const traversal: Options = {
    events: (s) => modelEvents(s),
    serializeState: (s) => serializeModelState(s),
  }
  const adjacency = getAdjacencyMap(machine, traversal)
  const vertices = Object.values(adjacency)
  const shortest = getShortestPaths(machine, traversal)
  // Every shortest path, extended by every event the model tries at its end:
  // together they take every (state, event) pair the model knows.
  const edgePaths = shortest.map((path) => {
    const vertex = adjacency[serializeModelState(path.state) as keyof typeof adjacency]!
    return {
      path,
      edges: Object.values(vertex.transitions).map(({ event, state }) => ({ event, state })),
    }
  })
  const toEnd = { toState: isTerminal, serializeState: traversal.serializeState }
  const simple = [
    // The main flow of a case to its end.
    ...getSimplePaths(machine, { ...toEnd, events: (s) => modelEvents(s, 'flow') }),
    // Escalation one level up and down at a time (jumps are on the shortest
    // paths' extensions) while a case is opened, triaged, assigned, cancelled.
    ...getSimplePaths(machine, {
      ...toEnd,
      events: byEvents(
        (e) =>
          ['case.opened', 'case.triaged', 'case.assigned', 'case.cancelled'].includes(e.type) ||
          (e.type === 'case.escalated' && e.level === undefined && e.to === undefined) ||
          (e.type === 'case.deescalated' && e.level === undefined),
      ),
    }),
  ]

  it('generates paths to every state of the model', () => {
    expect(shortest.length).toBe(vertices.length)
    expect(simple.length).toBeGreaterThan(100)
    expect(simple.every((p) => isTerminal(p.state))).toBe(true)
  })

  it('reaches every state node', () => {
    const reached = new Set<string>()
    for (const path of [...shortest, ...simple]) {
      for (const step of path.steps) {
        for (const node of getActiveNodes(machine.root, step.state.value)) reached.add(node.id)
      }
    }
    // A history state is never active; it is reached when a transition targets it.
    for (const t of allTransitions(machine)) {
      for (const target of t.target ?? []) if (target.type === 'history') reached.add(target.id)
    }
    const all = getStateNodes(machine).map((n) => n.id)
    expect(all.filter((id) => !reached.has(id))).toEqual([])
  })

  it('takes every transition of the machine', () => {
    const taken = new Set<AnyTransitionDefinition>()
    for (const { path, edges } of edgePaths) {
      for (const { event } of edges) {
        for (const t of machine.getTransitionData(path.state, event)) taken.add(t)
      }
    }
    const missing = allTransitions(machine)
      .filter((t) => !taken.has(t))
      .map(
        (t) => `${t.source.id} on ${t.eventType}${t.guard ? ` [${JSON.stringify(t.guard)}]` : ''}`,
      )
    expect(missing).toEqual([])
  })

  it('holds the invariants on every shortest path and each of its one-event extensions', () => {
    const violations: string[] = []
    let checked = 0
    for (const { path, edges } of edgePaths) {
      const walk = checkInvariants(path.steps)
      violations.push(...walk.violations)
      for (const edge of edges) {
        const extended = [...path.steps, edge]
        checkInvariants(extended, extended.length - 1, { ...walk, violations })
        checked++
      }
    }
    expect(violations.slice(0, 5)).toEqual([])
    expect(checked).toBeGreaterThan(shortest.length * 20)
  })

  it('holds the invariants on every simple path to the end of a case', () => {
    const violations = simple.flatMap((path) => checkInvariants(path.steps).violations)
    expect(violations.slice(0, 5)).toEqual([])
  })

  it('replays every shortest and simple path through replayCase, accepting each event', () => {
    for (const path of [...shortest, ...simple]) {
      const events = path.steps.slice(1).map((s) => s.event)
      const { snapshot, rejected } = replayCase(events, { process: machine })
      expect(rejected).toEqual([])
      const restored = restoreCase(snapshot, { process: machine }).snapshot
      expect(serializeModelState(restored)).toBe(serializeModelState(path.state))
    }
  })

  it('leaves the snapshot byte-identical on every rejected event, in every state', () => {
    let rejections = 0
    for (const vertex of vertices) {
      const persisted = JSON.stringify(toPersistedCase(vertex.state))
      const c = restoreCase(JSON.parse(persisted), { process: machine })
      expect(JSON.stringify(c.persist())).toBe(persisted)
      for (const { event, state: next } of Object.values(vertex.transitions) as Edge[]) {
        if (next !== vertex.state) {
          expect(c.can(event)).toBe(true)
          continue
        }
        const result = c.safeSend(event)
        expect(result.success).toBe(false)
        if (!result.success) {
          expect(isServiceKitError(result.error, 'PROCESS_EVENT_REJECTED')).toBe(true)
          expect(result.error.details.state).toBe(lifecycleOf(vertex.state))
        }
        expect(JSON.stringify(c.persist())).toBe(persisted)
        rejections++
      }
    }
    expect(rejections).toBeGreaterThan(vertices.length * 10)
  })
})
