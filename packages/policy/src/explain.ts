import { type Condition, isFactCondition } from './condition'
import { createPolicyEngine, type DecideOptions } from './create-policy-engine'
import type { Decision } from './decision'
import { compileCondition } from './internal/compile-condition'
import { resolveFactName } from './internal/conditions'
import { createPlan } from './internal/plan'
import type { Policy } from './policy-schema'

/**
 * Says in words what a policy decides for these facts and why: for each
 * section, the rules that fired with the value of every fact they compared,
 * and, under `first`, why the rules before the winner did not match.
 *
 * @throws ServiceKitError `POLICY_FACTS_INVALID` when the facts break their declarations.
 * @example
 * ```ts
 * console.log(explain(policy, { case: { category: 'complaint', channel: 'web' }, customer: { tier: 'key' } }))
 * // Priority: high (hit policy max: the most urgent match wins)
 * //   ✓ "key-customer" → high: customer.tier equal "key" (is "key") ✓
 * // …
 * ```
 */
export function explain(policy: Policy, facts: unknown, options: DecideOptions = {}): string {
  const engine = createPolicyEngine(policy)
  const decision = engine.decide(facts, options)
  const plan = createPlan(engine.policy)
  const p = plan.policy
  const slots: unknown[] = []
  plan.reader.read(facts, slots)
  const n = plan.reader.names.length
  slots[n] = decision.priority
  slots[n + 1] = decision.team
  slots[n + 2] = decision.role
  const why = (c: Condition | undefined) =>
    c ? describe(c, slots, plan.slotOf) : 'no condition (always)'
  const fired = (id: string) => decision.trace.some((s) => s.rule === id)
  const lines: string[] = []

  lines.push(
    `Priority: ${decision.priority} (hit policy ${p.priority.hitPolicy}: ${p.priority.hitPolicy === 'max' ? 'the most urgent match wins' : 'the first match wins, then the matrix, then the default'})`,
  )
  const first = p.priority.hitPolicy === 'first'
  const winner = first ? p.priority.rules.findIndex((r) => fired(r.id)) : -1
  p.priority.rules.forEach((r, i) => {
    if (winner >= 0 && i > winner) return
    lines.push(`  ${fired(r.id) ? '✓' : '✗'} "${r.id}" → ${r.then}: ${why(r.when)}`)
  })
  const m = p.priority.matrix
  if (m && winner < 0) {
    const row = show(slots[plan.slotOf.get(m.rows.fact)!])
    const col = show(slots[plan.slotOf.get(m.columns.fact)!])
    const cell = decision.trace.find((s) => s.section === 'priority' && s.rule === 'matrix')
    lines.push(
      cell
        ? `  ✓ matrix: ${m.rows.fact} is ${row} and ${m.columns.fact} is ${col} → ${cell.outcome}`
        : `  ✗ matrix: no cell for ${m.rows.fact} = ${row}, ${m.columns.fact} = ${col}`,
    )
  }
  if (decision.trace.some((s) => s.section === 'priority' && s.rule === 'default'))
    lines.push(`  → no rule matched: the default, ${p.priority.default}`)

  lines.push(
    `Team: ${decision.team}${decision.role ? `, role ${decision.role}` : ''}${decision.skills.length ? `, skills ${decision.skills.join(', ')}` : ''} (the first matching routing rule wins)`,
  )
  for (const r of p.routing.rules) {
    if (fired(r.id)) {
      lines.push(`  ✓ "${r.id}": ${why(r.when)}`)
      break
    }
    lines.push(`  ✗ "${r.id}": ${why(r.when)}`)
  }
  if (decision.trace.some((s) => s.section === 'routing' && s.rule === 'default'))
    lines.push('  → no rule matched: the default')

  lines.push(
    `SLA policies: ${list(decision.slaPolicies.map((s) => s.id))} (hit policy ${p.sla.hitPolicy})`,
  )
  for (const s of p.sla.policies)
    lines.push(`  ${fired(s.id) ? '✓' : '✗'} "${s.id}": ${why(s.when)}`)

  lines.push(
    `Escalations: ${list(decision.escalations.map((e) => e.id))}${options.event ? ` (for ${options.event.type} of ${options.event.metric})` : ''}`,
  )
  for (const e of decision.escalations)
    lines.push(
      `  ✓ "${e.id}": ${e.on ? `on ${e.on.event} of ${e.on.metric}${e.on.threshold === undefined ? '' : ` at ${e.on.threshold}`}` : why(e.when)} → ${e.actions.map(describeAction).join(', ')}`,
    )
  return lines.join('\n')
}

function describe(
  c: Condition,
  slots: readonly unknown[],
  slotOf: ReadonlyMap<string, number>,
): string {
  if (isFactCondition(c)) {
    const r = resolveFactName(c)
    const name = 'name' in r ? r.name : c.fact
    const ok = compileCondition(c, slotOf)(slots)
    return `${name} ${c.operator} ${JSON.stringify(c.value)} (is ${show(slots[slotOf.get(name)!])}) ${ok ? '✓' : '✗'}`
  }
  if ('not' in c) return `not (${describe(c.not, slots, slotOf)})`
  const parts = ('all' in c ? c.all : c.any).map((x) => describe(x, slots, slotOf))
  return parts.length === 1 ? parts[0]! : `(${parts.join('all' in c ? ' and ' : ' or ')})`
}

function show(v: unknown): string {
  return v === undefined ? 'absent' : JSON.stringify(v)
}

function list(ids: string[]): string {
  return ids.length ? ids.join(', ') : 'none'
}

function describeAction(a: Decision['escalations'][number]['actions'][number]): string {
  switch (a.type) {
    case 'notify':
      return `notify ${a.role}`
    case 'escalate':
      return `escalate to ${a.to} (level ${a.level})`
    case 'reassign':
      return `reassign to ${a.team}`
    case 'setPriority':
      return `set priority ${a.priority}`
  }
}
