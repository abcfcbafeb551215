import type { Decision, TraceStep } from '../decision'
import type { EscalationRule } from '../sections/escalation'
import type { SlaPolicy } from '../sections/sla'
import type { SlaEventContext } from '../sections/tests'
import { compileCondition, type Predicate } from './compile-condition'
import { type Plan, readFacts, triggerMatches } from './plan'

const none: readonly never[] = Object.freeze([])

/**
 * The compiled evaluator: the policy's conditions as closures over a slot
 * array that is reused between calls (decide is synchronous and runs no
 * caller code, so it cannot be re-entered).
 */
export function createCompiledDecide(
  plan: Plan,
): (facts: unknown, event?: SlaEventContext) => Decision {
  const { policy: p, slotOf, steps, rank } = plan
  const slots: unknown[] = new Array(plan.slotCount).fill(undefined)
  const nFacts = plan.reader.names.length
  const compile = (c: Parameters<typeof compileCondition>[0]) => compileCondition(c, slotOf)

  const priorityRules = p.priority.rules.map((r) => compile(r.when))
  const maxHit = p.priority.hitPolicy === 'max'
  const m = p.priority.matrix
  const rowSlot = m ? slotOf.get(m.rows.fact)! : -1
  const colSlot = m ? slotOf.get(m.columns.fact)! : -1
  const rowIndex = new Map<unknown, number>(m?.rows.values.map((v, i) => [v, i]))
  const colIndex = new Map<unknown, number>(m?.columns.values.map((v, i) => [v, i]))
  const cells = m?.cells ?? []

  const routingRules = p.routing.rules.map((r) => compile(r.when))
  const def = p.routing.default
  const defaultSkills = def.skills ?? none

  const slaRules = p.sla.policies.map((s) => compile(s.when))
  const slaFirst = p.sla.hitPolicy === 'first'

  const escalationRules: { rule: EscalationRule; when: Predicate; step: TraceStep }[] =
    p.escalation.rules.map((rule, i) => ({
      rule,
      when: compile(rule.when),
      step: steps.escalation[i]!,
    }))

  return (facts, event) => {
    readFacts(plan, facts, slots)
    const trace: TraceStep[] = []

    // Priority.
    let priority: string | undefined
    let best = Number.POSITIVE_INFINITY
    for (let i = 0; i < priorityRules.length; i++) {
      if (!priorityRules[i]!(slots)) continue
      const step = steps.priority[i]!
      trace.push(step)
      if (!maxHit) {
        priority = step.outcome
        break
      }
      const r = rank.get(step.outcome)!
      if (r < best) {
        best = r
        priority = step.outcome
      }
    }
    if (m && (maxHit || priority === undefined)) {
      const r = rowIndex.get(slots[rowSlot])
      const c = colIndex.get(slots[colSlot])
      if (r !== undefined && c !== undefined) {
        const step = steps.matrix[r]![c]!
        trace.push(step)
        const k = rank.get(cells[r]![c]!)!
        if (priority === undefined || k < best) {
          best = k
          priority = step.outcome
        }
      }
    }
    if (priority === undefined) {
      priority = p.priority.default
      trace.push(steps.priorityDefault)
    }
    slots[nFacts] = priority

    // Routing: first match; unset fields from the default.
    let team = def.team
    let role = def.role
    let skills: readonly string[] = defaultSkills
    let routed = false
    for (let i = 0; i < routingRules.length; i++) {
      if (!routingRules[i]!(slots)) continue
      const then = p.routing.rules[i]!.then
      team = then.team ?? def.team
      role = then.role ?? def.role
      skills = then.skills ?? defaultSkills
      trace.push(steps.routing[i]!)
      routed = true
      break
    }
    if (!routed) trace.push(steps.routingDefault)
    slots[nFacts + 1] = team
    slots[nFacts + 2] = role

    // SLA policies.
    let slaPolicies: SlaPolicy[] | readonly never[] = none
    for (let i = 0; i < slaRules.length; i++) {
      if (!slaRules[i]!(slots)) continue
      if (slaPolicies === none) slaPolicies = []
      ;(slaPolicies as SlaPolicy[]).push(p.sla.policies[i]!)
      trace.push(steps.sla[i]!)
      if (slaFirst) break
    }

    // Escalation: standing rules without an event, triggered rules with one.
    let escalations: EscalationRule[] | readonly never[] = none
    for (let i = 0; i < escalationRules.length; i++) {
      const e = escalationRules[i]!
      if (event === undefined ? e.rule.on !== undefined : !triggerMatches(e.rule, event)) continue
      if (!e.when(slots)) continue
      if (escalations === none) escalations = []
      ;(escalations as EscalationRule[]).push(e.rule)
      trace.push(e.step)
    }

    return { priority, team, role, skills, slaPolicies, escalations, trace }
  }
}
