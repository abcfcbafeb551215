import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine'
import { type Condition, isFactCondition } from '../condition'
import type { Decision, TraceStep } from '../decision'
import type { EscalationRule } from '../sections/escalation'
import type { SlaPolicy } from '../sections/sla'
import type { SlaEventContext } from '../sections/tests'
import { resolveFactName } from './conditions'
import { type Plan, readFacts } from './plan'

// The SLA event is given to json-rules-engine as a fact under a name no declared fact can have.
const eventFact = 'sla:event'
const none: readonly never[] = Object.freeze([])
const hasOwn = Object.prototype.hasOwnProperty

/** A condition in json-rules-engine's own shape: every fact path becomes `fact` + `$.path`. */
function toEngineCondition(c: Condition): Record<string, unknown> {
  if (isFactCondition(c)) {
    const resolved = resolveFactName(c)
    if (!('name' in resolved)) throw new Error(resolved.error)
    const dot = resolved.name.indexOf('.')
    return dot < 0
      ? { fact: resolved.name, operator: c.operator, value: c.value }
      : {
          fact: resolved.name.slice(0, dot),
          path: `$${resolved.name.slice(dot)}`,
          operator: c.operator,
          value: c.value,
        }
  }
  if ('all' in c) return { all: c.all.map(toEngineCondition) }
  if ('any' in c) return { any: c.any.map(toEngineCondition) }
  return { not: toEngineCondition(c.not) }
}

function topLevel(conditions: Record<string, unknown>[]): TopLevelCondition {
  return { all: conditions } as unknown as TopLevelCondition
}

interface StageRule {
  conditions: Record<string, unknown>[]
}

/** One json-rules-engine engine per section; with `first`, it stops at the first success. */
function createStageEngine(rules: StageRule[], stopAtFirst: boolean): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false })
  rules.forEach((r, i) => {
    // Distinct, descending priorities make json-rules-engine evaluate the rules one by one, in order.
    const rule: RuleProperties = {
      name: String(i),
      priority: rules.length - i,
      conditions: topLevel(r.conditions),
      event: { type: String(i) },
    }
    engine.addRule(rule)
  })
  if (stopAtFirst) engine.on('success', () => void engine.stop())
  return engine
}

async function matched(engine: Engine, facts: Record<string, unknown>): Promise<number[]> {
  const { results } = await engine.run(facts)
  return results.map((r) => Number(r.event?.type)).sort((a, b) => a - b)
}

interface Engines {
  priority: Engine
  routing: Engine
  sla: Engine
  standing: Engine
  triggered: Engine
}

/**
 * The reference evaluator: the same policy evaluated by json-rules-engine.
 * A json-rules-engine instance keeps run state (`stop()`, its status) on the
 * instance, so overlapping `run()` calls on one instance can skip each
 * other's rules; each decision therefore takes an idle set of engines from a
 * pool and gives it back when done.
 */
export function createReferenceDecide(
  plan: Plan,
): (facts: unknown, event?: SlaEventContext) => Promise<Decision> {
  const p = plan.policy
  const roots = [...new Set(plan.reader.names.map((n) => n.split('.')[0]!))]
  const when = (c: Condition | undefined) => (c ? [toEngineCondition(c)] : [])
  const eq = (path: string, value: unknown) => ({ fact: eventFact, path, operator: 'equal', value })

  const priorityRules: StageRule[] = p.priority.rules.map((r) => ({ conditions: when(r.when) }))
  const m = p.priority.matrix
  const cellIndex: [number, number][] = []
  m?.cells.forEach((row, r) => {
    row.forEach((_, c) => {
      cellIndex.push([r, c])
      priorityRules.push({
        conditions: [
          toEngineCondition({ fact: m.rows.fact, operator: 'equal', value: m.rows.values[r]! }),
          toEngineCondition({
            fact: m.columns.fact,
            operator: 'equal',
            value: m.columns.values[c]!,
          }),
        ],
      })
    })
  })
  const standingIndex: number[] = []
  const triggeredIndex: number[] = []
  const standingRules: StageRule[] = []
  const triggeredRules: StageRule[] = []
  p.escalation.rules.forEach((r, i) => {
    if (!r.on) {
      standingIndex.push(i)
      standingRules.push({ conditions: when(r.when) })
      return
    }
    const trigger = [eq('$.type', r.on.event)]
    if (r.on.metric !== '*') trigger.push(eq('$.metric', r.on.metric))
    if (r.on.threshold !== undefined) trigger.push(eq('$.threshold', r.on.threshold))
    if (r.on.policy !== undefined) trigger.push(eq('$.policy', r.on.policy))
    triggeredIndex.push(i)
    triggeredRules.push({ conditions: [...trigger, ...when(r.when)] })
  })

  const build = (): Engines => ({
    priority: createStageEngine(priorityRules, p.priority.hitPolicy === 'first'),
    routing: createStageEngine(
      p.routing.rules.map((r) => ({ conditions: when(r.when) })),
      true,
    ),
    sla: createStageEngine(
      p.sla.policies.map((s) => ({ conditions: when(s.when) })),
      p.sla.hitPolicy === 'first',
    ),
    standing: createStageEngine(standingRules, false),
    triggered: createStageEngine(triggeredRules, false),
  })
  const idle: Engines[] = []
  const slots: unknown[] = []

  return async (facts, event) => {
    readFacts(plan, facts, slots)
    const input = facts as Record<string, unknown>
    const runtime: Record<string, unknown> = {}
    for (const root of roots) runtime[root] = hasOwn.call(input, root) ? input[root] : undefined
    runtime[eventFact] = event
    const engines = idle.pop() ?? build()
    try {
      const trace: TraceStep[] = []
      const nRules = p.priority.rules.length

      // Priority: rules (and matrix cells after them), json-rules-engine in priority order.
      const hits = await matched(engines.priority, runtime)
      let priority: string | undefined
      let best = Number.POSITIVE_INFINITY
      for (const k of hits) {
        const step = k < nRules ? plan.steps.priority[k]! : stepOfCell(plan, cellIndex[k - nRules]!)
        trace.push(step)
        const r = plan.rank.get(step.outcome)!
        if (r < best) {
          best = r
          priority = step.outcome
        }
        if (p.priority.hitPolicy === 'first') break
      }
      if (priority === undefined) {
        priority = p.priority.default
        trace.push(plan.steps.priorityDefault)
      }
      runtime.decision = { priority }

      // Routing.
      const routed = (await matched(engines.routing, runtime))[0]
      const def = p.routing.default
      const then = routed === undefined ? def : p.routing.rules[routed]!.then
      const team = then.team ?? def.team
      const role = then.role ?? def.role
      const skills = then.skills ?? def.skills ?? none
      trace.push(routed === undefined ? plan.steps.routingDefault : plan.steps.routing[routed]!)
      runtime.decision = { priority, team, role }

      // SLA policies.
      let slaHits = await matched(engines.sla, runtime)
      if (p.sla.hitPolicy === 'first') slaHits = slaHits.slice(0, 1)
      const slaPolicies: readonly SlaPolicy[] = slaHits.length
        ? slaHits.map((i) => p.sla.policies[i]!)
        : none
      for (const i of slaHits) trace.push(plan.steps.sla[i]!)

      // Escalation.
      const escalationHits =
        event === undefined
          ? (await matched(engines.standing, runtime)).map((k) => standingIndex[k]!)
          : (await matched(engines.triggered, runtime)).map((k) => triggeredIndex[k]!)
      const escalations: readonly EscalationRule[] = escalationHits.length
        ? escalationHits.map((i) => p.escalation.rules[i]!)
        : none
      for (const i of escalationHits) trace.push(plan.steps.escalation[i]!)

      return { priority, team, role, skills, slaPolicies, escalations, trace }
    } finally {
      idle.push(engines)
    }
  }
}

function stepOfCell(plan: Plan, [r, c]: [number, number]): TraceStep {
  return plan.steps.matrix[r]![c]!
}
