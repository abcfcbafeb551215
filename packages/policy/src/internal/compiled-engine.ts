import type { Condition } from '../condition'
import type { Decision, TraceStep } from '../decision'
import type { EscalationRule } from '../sections/escalation'
import type { SlaPolicy } from '../sections/sla'
import type { SlaEventContext } from '../sections/tests'
import { createConditionProgram, runProgram } from './compile-condition'
import { type Plan, readFacts, triggerMatches } from './plan'
import { compileStageTable, heldIn, rulesThatHold, type Stage } from './stage-table'

const none: readonly never[] = Object.freeze([])

// The per-call working memory: fact values, the codes of values with an allowed set, and
// the indices of the rules that hold in the section being decided.
interface Scratch {
  slots: unknown[]
  codes: number[]
  hits: number[]
}

/**
 * The compiled evaluator. The policy's conditions are one branching program
 * (see `createConditionProgram`) over a slot array and a code array that are
 * reused between calls; a section whose rules read only facts with small
 * sets of allowed values is also decided ahead into a `StageTable`. A getter
 * in the facts could call `decide` again while it reads; such a nested call
 * gets its own scratch.
 */
export function createCompiledDecide(
  plan: Plan,
): (facts: unknown, event?: SlaEventContext) => Decision {
  const { policy: p, slotOf, steps, rank, reader } = plan
  const nFacts = reader.names.length
  const zeros = (n: number) => Array.from({ length: n }, () => 0)
  const mostRules = Math.max(
    p.priority.rules.length,
    p.routing.rules.length,
    p.sla.policies.length,
    p.escalation.rules.length,
  )
  const newScratch = (): Scratch => ({
    slots: Array.from({ length: plan.slotCount }, () => undefined),
    codes: zeros(plan.slotCount),
    hits: zeros(mostRules + 1),
  })
  const shared = newScratch()
  let busy = false

  const program = createConditionProgram(slotOf, reader.codeTables)
  const priorityWhen = p.priority.rules.map((r) => r.when)
  const routingWhen = p.routing.rules.map((r) => r.when)
  const slaWhen = p.sla.policies.map((s) => s.when)
  const standing = p.escalation.rules.flatMap((rule, i) =>
    rule.on === undefined ? [{ rule, step: steps.escalation[i]! }] : [],
  )
  const standingWhen = standing.map((e) => e.rule.when)
  const triggered = p.escalation.rules.flatMap((rule, i) =>
    rule.on === undefined
      ? []
      : [{ rule, step: steps.escalation[i]!, when: program.add(rule.when) }],
  )
  const entries = [priorityWhen, routingWhen, slaWhen, standingWhen].map((w) => w.map(program.add))
  const code = program.finish()
  const stage = (when: (Condition | undefined)[], k: number, stopAtFirst: boolean): Stage => ({
    entries: entries[k]!,
    stopAtFirst,
    table: compileStageTable(
      when,
      entries[k]!,
      code,
      stopAtFirst,
      slotOf,
      reader.codeTables,
      plan.slotCount,
    ),
  })

  const priorityFirst = p.priority.hitPolicy === 'first'
  const priorityStage = stage(priorityWhen, 0, priorityFirst)
  const priorityRank = p.priority.rules.map((r) => rank.get(r.then)!)
  const matrix = compileMatrix(plan)
  const routingStage = stage(routingWhen, 1, true)
  const routingThen = p.routing.rules.map((r) => r.then)
  const def = p.routing.default
  const defaultSkills = def.skills ?? none
  const slaStage = stage(slaWhen, 2, p.sla.hitPolicy === 'first')
  // A copy: reading an element of the policy's frozen array takes a slower path in V8.
  const slaList = [...p.sla.policies]
  const standingStage = stage(standingWhen, 3, false)

  function run(facts: unknown, event: SlaEventContext | undefined, scratch: Scratch): Decision {
    const { slots, codes, hits } = scratch
    if (reader.read(facts, slots, codes) !== undefined) readFacts(plan, facts, slots)
    const trace: TraceStep[] = []

    // Priority: under `first` the first matching rule, else the matrix; under `max` the most urgent match.
    let priority: string | undefined
    let best = Number.POSITIVE_INFINITY
    let held = heldIn(priorityStage, hits)
    let k = rulesThatHold(priorityStage, code, slots, codes, hits)
    for (let i = held[k]!; i >= 0; i = held[++k]!) {
      const step = steps.priority[i]!
      trace.push(step)
      if (priorityRank[i]! < best) {
        best = priorityRank[i]!
        priority = step.outcome
      }
    }
    if (matrix !== undefined && (!priorityFirst || priority === undefined)) {
      const cell = matrix.cellOf(slots, codes)
      if (cell >= 0) {
        const step = matrix.steps[cell]!
        trace.push(step)
        if (priority === undefined || matrix.rank[cell]! < best) priority = step.outcome
      }
    }
    if (priority === undefined) {
      priority = p.priority.default
      trace.push(steps.priorityDefault)
    }
    slots[nFacts] = priority

    // Routing: the first match; fields it leaves unset come from the default.
    let team = def.team
    let role = def.role
    let skills: readonly string[] = defaultSkills
    const first = heldIn(routingStage, hits)[rulesThatHold(routingStage, code, slots, codes, hits)]!
    if (first >= 0) {
      const then = routingThen[first]!
      team = then.team ?? def.team
      role = then.role ?? def.role
      skills = then.skills ?? defaultSkills
      trace.push(steps.routing[first]!)
    } else trace.push(steps.routingDefault)
    slots[nFacts + 1] = team
    slots[nFacts + 2] = role

    // SLA policies.
    const slaPolicies: SlaPolicy[] = []
    held = heldIn(slaStage, hits)
    k = rulesThatHold(slaStage, code, slots, codes, hits)
    for (let i = held[k]!; i >= 0; i = held[++k]!) {
      slaPolicies.push(slaList[i]!)
      trace.push(steps.sla[i]!)
    }

    // Escalation: standing rules without an event, triggered rules with one.
    let escalations: EscalationRule[] | undefined
    if (event === undefined) {
      held = heldIn(standingStage, hits)
      k = rulesThatHold(standingStage, code, slots, codes, hits)
      for (let i = held[k]!; i >= 0; i = held[++k]!) {
        escalations ??= []
        escalations.push(standing[i]!.rule)
        trace.push(standing[i]!.step)
      }
    } else
      for (const e of triggered)
        if (triggerMatches(e.rule, event) && runProgram(code, e.when, slots, codes)) {
          escalations ??= []
          escalations.push(e.rule)
          trace.push(e.step)
        }

    return {
      priority,
      team,
      role,
      skills,
      slaPolicies: slaPolicies.length > 0 ? slaPolicies : none,
      escalations: escalations ?? none,
      trace,
    }
  }

  return (facts, event) => {
    if (busy) return run(facts, event, newScratch())
    busy = true
    try {
      return run(facts, event, shared)
    } finally {
      busy = false
    }
  }
}

interface CompiledMatrix {
  /** The cell (`row * columns + column`) for these facts, or -1 when a value has no row or column. */
  cellOf(slots: readonly unknown[], codes: readonly number[]): number
  /** Per cell: its trace step and the rank of its priority. */
  steps: readonly TraceStep[]
  rank: readonly number[]
}

// The matrix as one flat array of cells; a coded axis fact finds its row or column by its code.
function compileMatrix(plan: Plan): CompiledMatrix | undefined {
  const m = plan.policy.priority.matrix
  if (!m) return undefined
  const nCols = m.columns.values.length
  const axis = (a: typeof m.rows) => {
    const slot = plan.slotOf.get(a.fact)!
    const index = new Map<unknown, number>(a.values.map((v, i) => [v, i]))
    const coded = plan.reader.codeTables.get(slot)
    const codeOf = coded && !coded.items ? coded.codeOf : undefined
    if (!codeOf) return (slots: readonly unknown[]) => index.get(slots[slot]) ?? -1
    // byCode[code + 1] is the row or column of the allowed value with that code (-1: none, or absent).
    const byCode = Array.from({ length: codeOf.size + 1 }, () => -1)
    for (const [v, code] of codeOf) byCode[code + 1] = index.get(v) ?? -1
    return (_: readonly unknown[], codes: readonly number[]) => byCode[codes[slot]!]!
  }
  const row = axis(m.rows)
  const col = axis(m.columns)
  return {
    cellOf(slots, codes) {
      const r = row(slots, codes)
      if (r < 0) return -1
      const c = col(slots, codes)
      return c < 0 ? -1 : r * nCols + c
    },
    steps: plan.steps.matrix.flat(),
    rank: m.cells.flat().map((v) => plan.rank.get(v)!),
  }
}
