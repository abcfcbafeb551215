import type { AnyStateMachine, AnyStateNode } from 'xstate'
import { childrenOf, eventLabel, movingTransitions, stateLabel } from './internal/walk-machine'

/** A label language: `en` or `zh-CN` ship with servicekit; any other falls back to English. */
export type DiagramLocale = 'en' | 'zh-CN' | (string & {})

/** Options of {@link toMermaid} and {@link toStatelyJSON}. */
export interface DiagramOptions {
  /** The label language: `en` (default) or `zh-CN`; others fall back to English. */
  locale?: DiagramLocale
}

const idOf = (node: AnyStateNode) => (node.path.length ? node.path.join('_') : 'process')
// Mermaid ends a transition label at a line break and reads `:` `;` `#` specially.
const clean = (text: string) => text.replace(/[:;#"\n]/g, ' ').trim()

function isAncestor(ancestor: AnyStateNode, node: AnyStateNode): boolean {
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) if (n === ancestor) return true
  return false
}

/** The child of `ancestor` on the way down to `node`. */
function childOn(ancestor: AnyStateNode, node: AnyStateNode): AnyStateNode {
  let n = node
  while (n.parent && n.parent !== ancestor) n = n.parent
  return n
}

function commonAncestor(a: AnyStateNode, b: AnyStateNode): AnyStateNode {
  for (let n = a.parent; n; n = n.parent) if (isAncestor(n, b)) return n
  return a.machine.root
}

interface Edge {
  from: AnyStateNode
  to: AnyStateNode
  /** Event label → the labels of the real targets inside `to` (none when `to` itself). */
  events: Map<string, string[]>
}

const labelOf = (edge: Edge) =>
  [...edge.events]
    .map(([event, targets]) => (targets.length ? `${event} → ${targets.join(' / ')}` : event))
    .join(' / ')

/**
 * Mermaid allows no transition between states inside different composite
 * states, so each edge is drawn between the children of its endpoints' common
 * ancestor, with the real target named in the label ("Not solved → Diagnosing").
 * A transition declared on a composite state for its own child is drawn from
 * each of the composite's other children.
 */
function collectEdges(machine: AnyStateMachine, locale: DiagramLocale): Map<AnyStateNode, Edge[]> {
  const byScope = new Map<AnyStateNode, Edge[]>()
  for (const { source, target, eventType, when } of movingTransitions(machine)) {
    const event = `${eventLabel(machine, eventType, locale)}${when ? ` (${when})` : ''}`
    const sources = isAncestor(source, target)
      ? childrenOf(source).filter((c) => c.type !== 'history' && !isAncestor(c, target))
      : [source]
    for (const origin of sources) {
      const scope = commonAncestor(origin, target)
      const from = childOn(scope, origin)
      const to = childOn(scope, target)
      const edges = byScope.get(scope) ?? []
      byScope.set(scope, edges)
      let edge = edges.find((e) => e.from === from && e.to === to)
      if (edge === undefined) {
        edge = { from, to, events: new Map() }
        edges.push(edge)
      }
      const targets = edge.events.get(event) ?? []
      edge.events.set(event, targets)
      const inner = stateLabel(target, locale)
      if (to !== target && !targets.includes(inner)) targets.push(inner)
    }
  }
  return byScope
}

/**
 * The machine as a Mermaid `stateDiagram-v2`, with state and event labels in
 * `locale`. Parallel regions are drawn side by side; events recorded without
 * changing state (notes, replies, SLA warnings) are left out.
 *
 * @example
 * ```ts
 * const diagram = toMermaid(createServiceProcess(), { locale: 'zh-CN' })
 * // stateDiagram-v2
 * //   state "服务案件" as process {
 * //     state "服务流程" as lifecycle { …
 * ```
 */
export function toMermaid(machine: AnyStateMachine, options: DiagramOptions = {}): string {
  const locale = options.locale ?? 'en'
  const edges = collectEdges(machine, locale)
  const lines = ['stateDiagram-v2']
  const render = (node: AnyStateNode, depth: number) => {
    const pad = '  '.repeat(depth)
    const name = `state "${clean(stateLabel(node, locale))}" as ${idOf(node)}`
    const children = childrenOf(node).filter((c) => c.type !== 'history')
    if (children.length === 0) {
      lines.push(`${pad}${name}`)
      if (node.type === 'final') lines.push(`${pad}${idOf(node)} --> [*]`)
      return
    }
    if (node.type === 'parallel' && node === machine.root) {
      // Mermaid's layout crashes on transitions to composite states inside
      // concurrent regions (mermaid-js/mermaid#4052), so the root's regions
      // are drawn as side-by-side composites; they run in parallel.
      for (const region of children) render(region, depth)
      return
    }
    lines.push(`${pad}${name} {`)
    if (node.type === 'parallel') {
      children.forEach((region, i) => {
        if (i > 0) lines.push(`${pad}  --`)
        render(region, depth + 1)
      })
    } else {
      const initial = node.initial?.target[0]
      if (initial) lines.push(`${pad}  [*] --> ${idOf(initial)}`)
      for (const child of children) render(child, depth + 1)
    }
    for (const edge of edges.get(node) ?? []) {
      lines.push(`${pad}  ${idOf(edge.from)} --> ${idOf(edge.to)} : ${clean(labelOf(edge))}`)
    }
    lines.push(`${pad}}`)
  }
  render(machine.root, 0)
  return `${lines.join('\n')}\n`
}
