import { type Condition, type FactCondition, isFactCondition } from '../condition'
import { checkFactName } from '../facts'

/** The sections whose rules carry conditions, in the order a decision evaluates them. */
export type Stage = 'priority' | 'routing' | 'sla' | 'escalation'

/** Facts the engine provides once an earlier section has decided them. */
export const decisionFacts: Record<string, Stage[]> = {
  'decision.priority': ['routing', 'sla', 'escalation'],
  'decision.team': ['sla', 'escalation'],
  'decision.role': ['sla', 'escalation'],
}

const simplePath = /^\$(\.[A-Za-z_$][A-Za-z0-9_$-]*)+$/

/** The declared fact a leaf reads (`fact` + `path`), or why it cannot be read. */
export function resolveFactName(leaf: FactCondition): { name: string } | { error: string } {
  let name = leaf.fact
  if (leaf.path !== undefined) {
    if (!simplePath.test(leaf.path))
      return {
        error: `Only simple paths such as "$.category" are supported, not "${leaf.path}" (filters and wildcards would evaluate expressions)`,
      }
    name = `${leaf.fact}${leaf.path.slice(1)}`
  }
  const problem = checkFactName(name)
  return problem ? { error: problem } : { name }
}

/** Every leaf of a condition with its path from the condition's root. */
export function forEachLeaf(
  condition: Condition,
  path: (string | number)[],
  visit: (leaf: FactCondition, path: (string | number)[]) => void,
): void {
  if (isFactCondition(condition)) visit(condition, path)
  else if ('not' in condition) forEachLeaf(condition.not, [...path, 'not'], visit)
  else {
    const key = 'all' in condition ? 'all' : 'any'
    const list = 'all' in condition ? condition.all : condition.any
    for (const [i, c] of list.entries()) forEachLeaf(c, [...path, key, i], visit)
  }
}

/** A condition with where it sits in the policy and which section reads it. */
export interface LocatedCondition {
  stage: Stage
  /** The id of the rule or SLA policy that owns it. */
  owner: string
  condition: Condition
  path: (string | number)[]
}

interface ConditionSources {
  priority: { rules: { id: string; when?: Condition }[] }
  routing: { rules: { id: string; when?: Condition }[] }
  sla: { policies: { id: string; when?: Condition }[] }
  escalation: { rules: { id: string; when?: Condition }[] }
}

/** Every condition of a policy, in evaluation order. */
export function conditionsOf(p: ConditionSources): LocatedCondition[] {
  const out: LocatedCondition[] = []
  const add = (stage: Stage, list: { id: string; when?: Condition }[], base: (string | number)[]) =>
    list.forEach((r, i) => {
      if (r.when) out.push({ stage, owner: r.id, condition: r.when, path: [...base, i, 'when'] })
    })
  add('priority', p.priority.rules, ['priority', 'rules'])
  add('routing', p.routing.rules, ['routing', 'rules'])
  add('sla', p.sla.policies, ['sla', 'policies'])
  add('escalation', p.escalation.rules, ['escalation', 'rules'])
  return out
}
