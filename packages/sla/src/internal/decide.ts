import { ServiceKitError } from '@servicekit/core'
import type { StateRecord } from '../sla-state'
import type { ExtraFacts } from './fold'
import type { SlaPlan } from './plan'

/** What the policy decides for a case, as the clocks need it. */
export interface CaseDecision {
  readonly priority: string
  /** The team routing chose. */
  readonly team: string
  /** The objectives that apply (SLA policies selected, with a target for the priority), in policy order. */
  readonly objectives: readonly number[]
}

// Decisions are a pure function of the declared facts and the priority the
// log sets, so they are remembered by those values (most cases share a few
// combinations): a tree of maps, one level per fact, keyed by the fact's value.
// Bounded: cleared when it holds too many decisions.
const CACHE_SIZE = 4096

/** A level of the decision cache. */
export type DecisionCache = Map<unknown, unknown>

/**
 * Decides the priority, team and SLA policies for the case as it is now. A
 * priority the log set (intake, triage, `priority.changed`) stands: the
 * policy then decides routing and SLA policies with it.
 */
export function decideCase(plan: SlaPlan, st: StateRecord, extra: ExtraFacts): CaseDecision {
  // With the caller's own facts, decide every time (they are not part of the state).
  const leaf = extra === undefined ? cacheLevel(plan, st) : undefined
  if (leaf !== undefined) {
    const known = leaf.get(LEAF) as CaseDecision | undefined
    if (known) return known
  }
  const facts = buildFacts(plan, st, extra)
  let d = plan.engine.decide(facts)
  if (st.recorded !== null && st.recorded !== d.priority) {
    if (!plan.levels.has(st.recorded))
      throw new ServiceKitError(
        'SLA_PRIORITY_UNKNOWN',
        `The case's priority ${JSON.stringify(st.recorded)} is not one of the policy's levels (${[...plan.levels].join(', ')})`,
        { details: { priority: st.recorded, levels: [...plan.levels] } },
      )
    d = plan.engineFor(st.recorded).decide(facts)
  }
  const objectives: number[] = []
  for (const sla of d.slaPolicies)
    for (const oi of plan.byPolicy.get(sla.id)!) {
      const o = plan.objectives[oi]!
      if (o.fixedDue || o.targets[d.priority] !== undefined) objectives.push(oi)
    }
  const decision: CaseDecision = { priority: d.priority, team: d.team, objectives }
  if (leaf !== undefined) {
    if (++plan.cache.size > CACHE_SIZE) {
      plan.cache.root.clear()
      plan.cache.size = 0
    } else leaf.set(LEAF, decision)
  }
  return decision
}

/** The facts the policy decides with: the case (with `reopenCount`) and its customer, then the caller's. */
function buildFacts(plan: SlaPlan, st: StateRecord, extra: ExtraFacts): Record<string, unknown> {
  let c: Record<string, unknown>
  if (plan.caseKeys === null) {
    c = Object.assign({}, st.case, st.changes)
    c.reopenCount = st.reopens
  } else {
    // Only the fields the policy reads: a small object, always built in the same order.
    c = {}
    for (const key of plan.caseKeys) {
      const value =
        key === 'reopenCount'
          ? st.reopens
          : st.changes !== null && Object.hasOwn(st.changes, key)
            ? st.changes[key]
            : Object.hasOwn(st.case, key)
              ? st.case[key]
              : undefined
      if (value !== undefined) c[key] = value
    }
  }
  const facts: Record<string, unknown> = { case: c, customer: st.case.customer }
  if (extra)
    for (const [key, value] of Object.entries(extra)) {
      const base = facts[key]
      facts[key] = isRecord(base) && isRecord(value) ? { ...base, ...value } : value
    }
  return facts
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

const LEAF = Symbol('decision')
// Roots of a declared fact (FactRead.root): `case.*`, `customer.*`, or another
// (which only the caller's own facts give, and those are never remembered).
const CASE = 0
const CUSTOMER = 1
const LIST = Symbol('list')

/** The cache level for the case's declared facts (created as needed); undefined when a value is not a plain one. */
function cacheLevel(plan: SlaPlan, st: StateRecord): DecisionCache | undefined {
  if (plan.caseKeys === null) return undefined
  let level = step(plan.cache.root, st.recorded)
  const customer = st.case.customer as Record<string, unknown> | undefined
  const changes = st.changes
  for (const f of plan.factReads) {
    // The value buildFacts would give this fact, read from the state.
    let v: unknown
    if (f.root === CASE)
      v =
        f.key === 'reopenCount'
          ? st.reopens
          : changes !== null && Object.hasOwn(changes, f.key)
            ? changes[f.key]
            : Object.hasOwn(st.case, f.key)
              ? st.case[f.key]
              : undefined
    else if (f.root === CUSTOMER)
      v =
        f.key === ''
          ? customer // the whole customer: an object, so not remembered
          : customer !== undefined && Object.hasOwn(customer, f.key)
            ? customer[f.key]
            : undefined
    const rest = f.rest
    for (let i = 0; i < rest.length && v !== undefined; i++)
      v =
        v !== null && typeof v === 'object' && Object.hasOwn(v, rest[i]!)
          ? (v as Record<string, unknown>)[rest[i]!]
          : undefined
    if (v !== null && typeof v === 'object') {
      // A list of strings (tags, flags) by its text; anything else is not remembered.
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return undefined
      level = step(step(level, LIST), JSON.stringify(v))
    } else level = step(level, v)
  }
  return level
}

function step(level: DecisionCache, value: unknown): DecisionCache {
  let next = level.get(value) as DecisionCache | undefined
  if (next === undefined) {
    next = new Map()
    level.set(value, next)
  }
  return next
}
