import type { AnyStateMachine, AnyStateNode } from 'xstate'
import { childrenOf, eventLabel, stateLabel } from './internal/walk-machine'
import type { DiagramOptions } from './to-mermaid'

/** A transition in a {@link StatelyMachineJSON}. */
export interface StatelyTransitionJSON {
  /** Absolute targets (`#id`); absent for a transition that records without moving. */
  target?: string[]
  /** The named guard, with its parameters. */
  guard?: { type: string; params?: unknown }
  /** The named actions, with their parameters. */
  actions: { type: string; params?: unknown }[]
  /** The event's label. */
  description: string
}

/** A state node in a {@link StatelyMachineJSON}. */
export interface StatelyStateJSON {
  /** `parallel`, `final` or `history`; absent for atomic and compound states. */
  type?: 'parallel' | 'final' | 'history'
  /** For history states. */
  history?: 'shallow' | 'deep'
  /** The initial child's key. */
  initial?: string
  /** The state's label. */
  description: string
  /** The state's meta data (labels in every locale, a level's role). */
  meta?: unknown
  /** Transitions by event type, tried in order. */
  on?: Record<string, StatelyTransitionJSON[]>
  /** Child states by key. */
  states?: Record<string, StatelyStateJSON>
}

/** A machine config as plain JSON, with implementations referenced by name. */
export interface StatelyMachineJSON extends StatelyStateJSON {
  /** The machine's id. */
  id: string
  /** The machine's version. */
  version?: string
  /** The initial context. */
  context?: unknown
}

function stateJSON(node: AnyStateNode, options: Required<DiagramOptions>): StatelyStateJSON {
  const out: StatelyStateJSON = { description: stateLabel(node, options.locale) }
  if (node.type === 'parallel' || node.type === 'final' || node.type === 'history') {
    out.type = node.type
  }
  if (node.type === 'history') out.history = node.history === 'deep' ? 'deep' : 'shallow'
  const initial = node.initial?.target[0]
  if (initial) out.initial = initial.key
  if (node.meta !== undefined) out.meta = node.meta
  const on: Record<string, StatelyTransitionJSON[]> = {}
  for (const [type, transitions] of node.transitions) {
    on[type] = transitions.map((t) => {
      const json: StatelyTransitionJSON = {
        actions: t.actions.map((a) => {
          const { type: name, params } = a as { type: string; params?: unknown }
          return params === undefined ? { type: name } : { type: name, params }
        }),
        description: eventLabel(node.machine, type, options.locale),
      }
      if (t.target) json.target = t.target.map((n) => `#${n.id}`)
      if (t.guard) json.guard = t.guard as StatelyTransitionJSON['guard']
      return json
    })
  }
  if (Object.keys(on).length) out.on = on
  const children = childrenOf(node)
  if (children.length) {
    out.states = Object.fromEntries(children.map((c) => [c.key, stateJSON(c, options)]))
  }
  return out
}

/**
 * The machine as a JSON machine config that Stately Studio imports and
 * `createMachine` accepts: states, transitions with named guards and actions
 * (and their parameters), descriptions in `locale`, labels in every locale in
 * `meta`.
 *
 * @example
 * ```ts
 * writeFileSync('process.json', JSON.stringify(toStatelyJSON(process, { locale: 'zh-CN' }), null, 2))
 * ```
 */
export function toStatelyJSON(
  machine: AnyStateMachine,
  options: DiagramOptions = {},
): StatelyMachineJSON {
  const resolved = { locale: options.locale ?? 'en' }
  const json: StatelyMachineJSON = { id: machine.id, ...stateJSON(machine.root, resolved) }
  if (machine.version !== undefined) json.version = machine.version
  if (machine.config.context !== undefined) json.context = machine.config.context
  return json
}
