import type { Labels } from '@servicekit/core'
import type { AnyStateMachine, AnyStateNode } from 'xstate'

import type { DiagramLocale } from '../to-mermaid'

interface NodeMeta {
  labels?: Labels
}

/** A state node's label in `locale`, falling back to English, then to its key. */
export function stateLabel(node: AnyStateNode, locale: DiagramLocale): string {
  const labels = (node.meta as NodeMeta | undefined)?.labels
  return pick(labels, locale) ?? node.key
}

/** An event type's label in `locale`, from the machine's root meta. */
export function eventLabel(machine: AnyStateMachine, type: string, locale: DiagramLocale): string {
  const labels = (machine.root.meta as { eventLabels?: Record<string, Labels> } | undefined)
    ?.eventLabels?.[type]
  return pick(labels, locale) ?? type
}

function pick(labels: Labels | undefined, locale: DiagramLocale): string | undefined {
  if (labels === undefined) return undefined
  return (labels as unknown as Record<string, string | undefined>)[locale] ?? labels.en
}

/** The state node's path below the root, e.g. `['lifecycle', 'inProgress', 'diagnosing']`. */
export const pathOf = (node: AnyStateNode): string[] => node.path

/** A state node's children in document order. */
export const childrenOf = (node: AnyStateNode): AnyStateNode[] => Object.values(node.states)

/** A transition that changes state, with what its guard requires of a step trigger. */
export interface MovingTransition {
  source: AnyStateNode
  target: AnyStateNode
  eventType: string
  /** An added step's trigger: the `execution.step` name or solution kinds it needs. */
  when: string | undefined
}

/**
 * Every transition that changes state, once per (source, target), in document
 * order: targetless transitions (events recorded without moving) are left out.
 */
export function movingTransitions(machine: AnyStateMachine): MovingTransition[] {
  const out: MovingTransition[] = []
  const seen = new Set<string>()
  const visit = (node: AnyStateNode) => {
    for (const transitions of node.transitions.values()) {
      for (const t of transitions) {
        for (const target of t.target ?? []) {
          const key = `${node.id}>${target.id}>${t.eventType}>${JSON.stringify(t.guard)}`
          if (seen.has(key)) continue
          seen.add(key)
          const params = (t.guard as { params?: { step?: string; solutionKinds?: string[] } })
            ?.params
          const when = params?.step ?? params?.solutionKinds?.join('/')
          out.push({ source: node, target, eventType: t.eventType, when })
        }
      }
    }
    childrenOf(node).forEach(visit)
  }
  visit(machine.root)
  return out
}
