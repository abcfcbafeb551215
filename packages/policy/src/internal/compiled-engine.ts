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
  const { policy: p, slotOf, steps, rank, reader } = plan
  const slots: unknown[] = new Array(plan.slotCount).fill(undefined)
  const nFacts = plan.reader.names.length
  const compile = (c: Parameters<typeof compileCondition>[0]) => compileCondition(c, slotOf)

  const priorityRules = p.priority.rules.map((r) => compile(r.when))
  const priorityRank = p.priority.rules.map((r) => rank.get(r.then)!)
  const cellRank = (p.priority.matrix?.cells ?? []).map((row) => row.map((v) => rank.get(v)!))
  const maxHit = p.priority.hitPolicy === 'max'
  const m = p.priority.matrix
  const rowSlot = m ? slotOf.get(m.rows.fact)! : -1
  const colSlot = m ? slotOf.get(m.columns.fact)! : -1
  const rowIndex = new Map<unknown, number>(m?.rows.values.map((v, i) => [v, i]))
  const colIndex = new Map<unknown, number>(m?.columns.values.map((v, i) => [v, i]))

  const routingRules = p.routing.rules.map((r) => compile(r.when))
  const routingThen = p.routing.rules.map((r) => r.then)
  const def = p.routing.default
  const defaultSkills = def.skills ?? none

  const slaRules = p.sla.policies.map((s) => compile(s.when))
  const slaList = p.sla.policies
  const slaFirst = p.sla.hitPolicy === 'first'

  const escalationRules: { rule: EscalationRule; when: Predicate; step: TraceStep }[] =
    p.escalation.rules.map((rule, i) => ({
      rule,
      when: compile(rule.when),
      step: steps.escalation[i]!,
    }))
  const standing = escalationRules.filter((e) => e.rule.on === undefined)
  const triggered = escalationRules.filter((e) => e.rule.on !== undefined)

  return (facts, event) => {
    if (reader.read(facts, slots) !== undefined) readFacts(plan, facts, slots)
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
      const r = priorityRank[i]!
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
        const k = cellRank[r]![c]!
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
      const then = routingThen[i]!
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
      ;(slaPolicies as SlaPolicy[]).push(slaList[i]!)
      trace.push(steps.sla[i]!)
      if (slaFirst) break
    }

    // Escalation: standing rules without an event, triggered rules with one.
    let escalations: EscalationRule[] | readonly never[] = none
    const candidates = event === undefined ? standing : triggered
    for (let i = 0; i < candidates.length; i++) {
      const e = candidates[i]!
      if (event !== undefined && !triggerMatches(e.rule, event)) continue
      if (!e.when(slots)) continue
      if (escalations === none) escalations = []
      ;(escalations as EscalationRule[]).push(e.rule)
      trace.push(e.step)
    }

    return { priority, team, role, skills, slaPolicies, escalations, trace }
  }
}
