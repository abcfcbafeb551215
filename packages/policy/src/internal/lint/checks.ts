import { toJsonPointer } from '@servicekit/core'
import type { Condition, FactCondition } from '../../condition'
import type { FactDeclaration, FactValue } from '../../facts'
import type { Policy } from '../../policy-schema'
import { compileCondition, type Predicate } from '../compile-condition'
import { conditionsOf, forEachLeaf, resolveFactName } from '../conditions'
import { decisionSlots } from '../plan'
import { createModelFinder, slotsOf } from './satisfiability'

type Warn = (code: string, path: (string | number)[], message: string) => void

interface Rule {
  id: string
  path: (string | number)[]
  test: Predicate | undefined
  slots: number[]
  outcome: string
}

const valueOperators = new Set(['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain'])
const deadlineMetrics = new Set(['onsiteArrival'])

/** The warnings of lint (errors come from the reference checks). */
export function runLintChecks(p: Policy, broken: ReadonlySet<string>, warn: Warn): void {
  const names = Object.keys(p.facts)
  const slotOf = new Map<string, number>()
  const declarations = new Map<number, FactDeclaration>()
  names.forEach((n, i) => {
    slotOf.set(n, i)
    declarations.set(i, p.facts[n]!)
  })
  const decisionValues = [p.priority.levels, p.teams, p.roles]
  decisionSlots.forEach((n, k) => {
    slotOf.set(n, names.length + k)
    declarations.set(names.length + k, {
      type: 'string',
      values: decisionValues[k],
      required: k < 2,
    })
  })
  const allowedOf = (name: string): FactValue[] | undefined => {
    const slot = slotOf.get(name)
    return slot === undefined ? undefined : declarations.get(slot)?.values
  }

  const located = conditionsOf(p)
  const isBroken = (path: (string | number)[]) => {
    const prefix = toJsonPointer(path)
    for (const b of broken) if (b === prefix || b.startsWith(`${prefix}/`)) return true
    return false
  }
  const compile = (
    when: Condition | undefined,
    path: (string | number)[],
  ): Predicate | undefined => {
    if (when && isBroken([...path, 'when'])) return undefined
    try {
      return compileCondition(when, slotOf)
    } catch {
      return undefined
    }
  }
  const finder = createModelFinder(
    slotOf,
    declarations,
    located.map((l) => l.condition),
  )

  // Facts: unused, and values outside their allowed set.
  const used = new Set<string>()
  // A rule whose only fault is a value outside the allowed set is reported once, for the value.
  const valueFaults = new Set<string>()
  for (const l of located)
    forEachLeaf(l.condition, l.path, (leaf, path) => {
      const r = resolveFactName(leaf)
      if (!('name' in r)) return
      used.add(r.name)
      checkAllowed(leaf, r.name, path)
    })
  function checkAllowed(leaf: FactCondition, name: string, path: (string | number)[]) {
    const allowed = allowedOf(name)
    if (!allowed || !valueOperators.has(leaf.operator)) return
    const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value]
    values.forEach((v, i) => {
      if (allowed.includes(v)) return
      valueFaults.add(toJsonPointer(path.slice(0, path.lastIndexOf('when'))))
      warn(
        'value-not-allowed',
        Array.isArray(leaf.value) ? [...path, 'value', i] : [...path, 'value'],
        `${JSON.stringify(v)} is not an allowed value of "${name}" (${allowed.map((a) => JSON.stringify(a)).join(', ')}), so this comparison never matches it`,
      )
    })
  }
  const m = p.priority.matrix
  if (m)
    for (const axis of ['rows', 'columns'] as const) {
      used.add(m[axis].fact)
      const allowed = allowedOf(m[axis].fact)
      if (!allowed) continue
      m[axis].values.forEach((v, i) => {
        if (!allowed.includes(v))
          warn(
            'value-not-allowed',
            ['priority', 'matrix', axis, 'values', i],
            `${JSON.stringify(v)} is not an allowed value of "${m[axis].fact}"`,
          )
      })
      const missing = allowed.filter((v) => !m[axis].values.includes(v))
      if (missing.length)
        warn(
          'matrix-incomplete',
          ['priority', 'matrix', axis, 'values'],
          `The matrix has no ${axis === 'rows' ? 'row' : 'column'} for ${missing.map((v) => JSON.stringify(v)).join(', ')} of "${m[axis].fact}"; such cases get the default priority`,
        )
    }
  for (const n of names)
    if (!used.has(n))
      warn('fact-unused', ['facts', n], `The fact "${n}" is declared but no rule reads it`)

  // Rules: never firing, shadowed and overlapping under `first`.
  const toRule = (
    r: { id: string; when?: Condition },
    path: (string | number)[],
    outcome: string,
  ): Rule => ({
    id: r.id,
    path,
    test: compile(r.when, path),
    slots: slotsOf(r.when, slotOf),
    outcome,
  })
  const sections: { rules: Rule[]; first: boolean; what: string }[] = [
    {
      rules: p.priority.rules.map((r, i) => toRule(r, ['priority', 'rules', i], r.then)),
      first: p.priority.hitPolicy === 'first',
      what: 'priority',
    },
    {
      rules: p.routing.rules.map((r, i) =>
        toRule(r, ['routing', 'rules', i], JSON.stringify(r.then)),
      ),
      first: true,
      what: 'routing',
    },
    {
      rules: p.sla.policies.map((r, i) => toRule(r, ['sla', 'policies', i], r.id)),
      first: p.sla.hitPolicy === 'first',
      what: 'SLA policy',
    },
    {
      rules: p.escalation.rules.map((r, i) => toRule(r, ['escalation', 'rules', i], r.id)),
      first: false,
      what: 'escalation',
    },
  ]
  const yes = (r: Rule) => ({ test: r.test!, want: true, slots: r.slots })
  const no = (r: Rule) => ({ test: r.test!, want: false, slots: r.slots })
  for (const section of sections)
    section.rules.forEach((b, j) => {
      if (!b.test) return
      if (finder.find([yes(b)]) === undefined) {
        if (valueFaults.has(toJsonPointer(b.path))) return
        warn('rule-never-fires', b.path, `"${b.id}" can never fire: no facts satisfy its condition`)
        return
      }
      if (!section.first) return
      const earlier = section.rules.slice(0, j)
      if (earlier.some((a) => !a.test)) return
      if (finder.find([yes(b), ...earlier.map(no)]) === undefined) {
        const alone = earlier.filter((a) => finder.find([yes(b), no(a)]) === undefined)
        const by = (
          alone.length ? alone : earlier.filter((a) => finder.find([yes(a), yes(b)]) !== undefined)
        ).map((a) => `"${a.id}"`)
        warn(
          'rule-shadowed',
          b.path,
          `"${b.id}" never applies: ${by.join(', ')} ${by.length > 1 ? 'match' : 'matches'} every case it matches, and the first match wins`,
        )
        return
      }
      for (const a of earlier) {
        if (a.outcome === b.outcome) continue
        const both = finder.find([yes(a), yes(b)])
        if (!Array.isArray(both)) continue
        if (finder.find([yes(a), no(b)]) === undefined) continue // a is the more specific rule, written first: intended
        if (finder.find([yes(b), no(a)]) === undefined) continue
        warn(
          'rule-overlap',
          b.path,
          `"${a.id}" and "${b.id}" both match ${describe(both, [...a.slots, ...b.slots], slotOf)} but decide differently; the earlier one wins. Make them exclusive, or put the more specific one first`,
        )
      }
    })

  // SLA: priorities that reach a policy without a target; unused calendars.
  const prioritySlot = slotOf.get('decision.priority')!
  const usedCalendars = new Set<string>()
  const slaRules = sections[2]!.rules
  p.sla.policies.forEach((sla, i) => {
    const self = slaRules[i]!
    const earlier = p.sla.hitPolicy === 'first' ? slaRules.slice(0, i) : []
    for (const [metric, o] of Object.entries(sla.metrics)) {
      usedCalendars.add(o.calendar)
      const def = p.sla.metrics[metric]
      if (
        deadlineMetrics.has(metric) ||
        def?.dueAt ||
        (def?.extends && deadlineMetrics.has(def.extends))
      )
        continue
      if (o.targets['*'] || !self.test || earlier.some((a) => !a.test)) continue
      const missing = p.priority.levels.filter((level) => {
        if (o.targets[level]) return false
        const isLevel = {
          test: (s: readonly unknown[]) => s[prioritySlot] === level,
          want: true,
          slots: [prioritySlot],
        }
        return finder.find([yes(self), isLevel, ...earlier.map(no)]) !== undefined
      })
      if (missing.length)
        warn(
          'priority-without-target',
          ['sla', 'policies', i, 'metrics', metric],
          `"${metric}" of "${sla.id}" has no target for ${missing.map((l) => `"${l}"`).join(', ')}, which can reach this SLA policy; such cases get no ${metric} clock`,
        )
    }
  })
  for (const name of Object.keys(p.calendars))
    if (!usedCalendars.has(name))
      warn(
        'calendar-unused',
        ['calendars', name],
        `The calendar "${name}" is defined but no SLA metric uses it`,
      )

  // Escalation triggers on warnings no objective raises.
  p.escalation.rules.forEach((r, i) => {
    if (r.on?.event !== 'sla.warning') return
    const on = r.on
    const raised = p.sla.policies
      .filter((s) => on.policy === undefined || s.id === on.policy)
      .flatMap((s) => Object.values(s.metrics))
      .filter((o) => on.metric === '*' || o.metric === on.metric)
      .flatMap((o) => o.warnings.map((w) => w.threshold))
    if (on.threshold === undefined ? raised.length === 0 : !raised.includes(on.threshold))
      warn(
        'trigger-never-fires',
        ['escalation', 'rules', i, 'on'],
        `No SLA metric${on.metric === '*' ? '' : ` "${on.metric}"`} warns${on.threshold === undefined ? '' : ` at ${JSON.stringify(on.threshold)}`}, so "${r.id}" never fires on a warning`,
      )
  })
}

function describe(s: unknown[], slots: number[], slotOf: ReadonlyMap<string, number>): string {
  const byslot = new Map([...slotOf].map(([n, i]) => [i, n]))
  const parts = [...new Set(slots)]
    .filter((i) => s[i] !== undefined)
    .map((i) => `${byslot.get(i)} = ${JSON.stringify(s[i])}`)
  return parts.length ? `when ${parts.join(', ')}` : 'every case'
}
