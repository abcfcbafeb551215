import {
  actorSchema,
  type CaseEvent,
  type CaseEventOf,
  isServiceKitError,
  safeParseCaseEvent,
  safeParseCustomer,
} from '@servicekit/core'
import {
  type CompiledEvent,
  type CompiledMapping,
  type DecisionValues,
  type EvalContext,
  payloadKey,
} from './compile-mapping'
import type { Row } from './read-rows'

/** The kinds of bad input a replay counts (and `--strict` makes fatal). */
export type IssueKind =
  | 'malformed-row'
  | 'missing-case-id'
  | 'split-case'
  | 'bad-timestamp'
  | 'out-of-order'
  | 'missing-status'
  | 'unknown-status'
  | 'bad-value'
  | 'bad-order'
  | 'invalid-event'
  | 'invalid-facts'
  | 'invalid-history'

/** One piece of bad input, with the line it is on. */
export interface Issue {
  line: number
  kind: IssueKind
  caseId?: string
  message: string
}

/** Decides for a case's facts (the policy engine), or throws `POLICY_FACTS_INVALID`. */
export type Decide = (facts: Record<string, unknown>) => DecisionValues

/** A case's rows turned into its event log. */
export interface BuiltCase {
  caseId: string
  firstLine: number
  rows: number
  /** Rows skipped because their status is mapped to `ignore`. */
  ignoredRows: number
  events: CaseEvent[]
  /** The source line of each event. */
  lines: number[]
  /** The statuses the case entered, in order (repeats of the same status collapsed). */
  statusPath: string[]
  /** The decision on the last row, or undefined when the case could not be decided. */
  decision: DecisionValues | undefined
  /** The extra facts (the mapping's `facts`), for the SLA clocks. */
  facts: Record<string, unknown>
  /** The case's facts after its last row (the case, its customer, the extra facts), for escalation rules. */
  finalFacts: Record<string, unknown> | undefined
  /** Observed-versus-decided checks: `observed → decided` (or `=`) with row counts. */
  checks: { priority: Map<string, number>; team: Map<string, number> }
  issues: Issue[]
}

/** Fields `case.updated` can carry; a change of another case field is not recorded. */
const updatable = new Set([
  'subject',
  'description',
  'channel',
  'tags',
  'custom',
  'product',
  'impact',
  'urgency',
])

/** Validated event payloads, by their content: most differ only in id and time. */
type Memo = Map<
  string,
  | { ok: true; event: Omit<CaseEvent, 'id' | 'caseId' | 'at' | 'actor'> }
  | { ok: false; message: string }
>

const placeholderActor = { id: 'x', role: 'x' }
const actors = new Map<string, string | undefined>()
const unchecked = Symbol('unchecked')

/** What is wrong with an actor (core's actor schema), or undefined; remembered, since a log has few actors. */
function checkActor(actor: unknown): string | undefined {
  const a = actor as { id?: unknown; role?: unknown } | null
  const key =
    typeof a === 'object' && a !== null ? `${String(a.id)}\u0000${String(a.role)}` : String(actor)
  let problem = actors.get(key)
  if (problem === undefined && !actors.has(key)) {
    const parsed = actorSchema.safeParse(actor)
    problem = parsed.success ? undefined : `actor: ${parsed.error.issues[0]?.message ?? 'invalid'}`
    if (actors.size > 50_000) actors.clear()
    actors.set(key, problem)
  }
  return problem
}

/** Makes the builder for one mapping and one policy's decisions. */
export function createCaseBuilder(mapping: CompiledMapping, decide: Decide) {
  const memo: Memo = new Map()
  const parseOpened = createOpenedParser()
  const m = mapping
  const orderOf = m.order

  return function buildCase(caseId: string, input: Row[]): BuiltCase {
    const issues: Issue[] = []
    const issue = (line: number, kind: IssueKind, message: string) =>
      issues.push({ line, kind, caseId, message })
    let rows = input
    if (orderOf !== undefined) {
      const keyed = rows.map((row, i) => {
        const n = Number(row.values[orderOf])
        if (!Number.isFinite(n))
          issue(
            row.line,
            'bad-order',
            `${m.mapping.order} is ${JSON.stringify(row.values[orderOf])}, not a number`,
          )
        return { row, i, n: Number.isFinite(n) ? n : Number.POSITIVE_INFINITY }
      })
      keyed.sort((a, b) => a.n - b.n || a.i - b.i)
      rows = keyed.map((k) => k.row)
    }
    const first = rows[0]!
    const built: BuiltCase = {
      caseId,
      firstLine: input[0]!.line,
      rows: rows.length,
      ignoredRows: 0,
      events: [],
      lines: [],
      statusPath: [],
      decision: undefined,
      facts: {},
      finalFacts: undefined,
      checks: { priority: new Map(), team: new Map() },
      issues,
    }

    let line = first.line
    let values = first.values
    const onBadValue = (column: string, value: unknown, why: string) =>
      issue(line, 'bad-value', `${column} ${JSON.stringify(value)} ${why}`)
    const fields: Record<string, unknown> = {}
    let reopenCount = 0
    let decided: DecisionValues | undefined
    let decidedFacts: Record<string, unknown> | undefined // the facts `decided` came from
    const ctx: EvalContext = {
      get values() {
        return values
      },
      decision: () => {
        if (decided === undefined) {
          decidedFacts = factsOf()
          decided = decide(decidedFacts)
        }
        return decided
      },
      onBadValue,
      actor: () => {
        if (actorOf !== values) {
          actorOf = values
          rowActor = m.actor(ctx)
        }
        return rowActor
      },
    }
    let actorOf: unknown[] | undefined
    let rowActor: unknown
    let validActor: unknown = unchecked
    // The facts as the SLA clocks build them: the case's fields, its customer, the extra facts.
    const factsOf = (of = fields): Record<string, unknown> => {
      const facts: Record<string, unknown> = {
        case: { ...of, reopenCount },
        customer: of.customer,
      }
      const extra = built.facts // a plain object of ours: for-in sees its own keys only
      for (const key in extra) {
        const value = extra[key]
        const base = facts[key]
        facts[key] = isRecord(base) && isRecord(value) ? { ...base, ...value } : value
      }
      return facts
    }
    for (const f of m.facts) {
      const v = f.evaluate(ctx)
      if (v !== undefined) setPath(built.facts, f.path, v)
    }

    let last = Number.NEGATIVE_INFINITY
    let sequence = 0
    // What the log says now, so that an event changing none of it is not written.
    const now = {
      priority: undefined as unknown,
      team: undefined as unknown,
      assignee: undefined as unknown,
      level: 0,
    }
    const changesNothing = (e: Partial<CaseEvent>) => {
      if (e.type === 'priority.changed') return e.priority === now.priority
      if (e.type === 'case.assigned')
        return (e.team ?? now.team) === now.team && (e.assigneeId ?? now.assignee) === now.assignee
      if (e.type === 'case.escalated') return e.level !== undefined && e.level <= now.level
      if (e.type === 'case.deescalated') return (e.level ?? now.level - 1) === now.level
      if (e.type === 'category.changed')
        return e.category === fields.category && e.subcategory === fields.subcategory
      return false
    }
    const remember = (e: Partial<CaseEvent>) => {
      if (e.type === 'case.triaged' || e.type === 'priority.changed') now.priority = e.priority
      if (e.type === 'case.escalated') now.level = e.level ?? now.level + 1
      if (e.type === 'case.deescalated') now.level = e.level ?? Math.max(0, now.level - 1)
      if (e.type === 'case.assigned') {
        now.team = e.team ?? now.team
        now.assignee = e.assigneeId ?? now.assignee
      }
    }
    const emit = (
      given: string,
      payload: Record<string, unknown>,
      actor: unknown,
      at: number,
      constantKey?: string,
    ) => {
      // An escalation event with a level sets the level: it goes up or down as the level says.
      let type = given
      if (
        (type === 'case.escalated' || type === 'case.deescalated') &&
        typeof payload.level === 'number'
      ) {
        if (payload.level === now.level) return true
        type = payload.level < now.level ? 'case.deescalated' : 'case.escalated'
      }
      // The events of a row share its actor object, and rows mostly repeat the actor: check it once.
      if (actor !== validActor && !sameFields(actor, validActor)) {
        const who = checkActor(actor)
        if (who !== undefined) {
          issue(line, 'invalid-event', `${type}: ${who}`)
          return false
        }
        validActor = actor
      }
      const key = (type === given && constantKey) || payloadKey(type, payload)
      let entry = memo.get(key)
      if (entry === undefined) {
        const parsed = safeParseCaseEvent({
          ...payload,
          type,
          actor: placeholderActor,
          id: 'x',
          caseId: 'x',
          at: 0,
        })
        if (parsed.success) {
          const { id: _id, caseId: _caseId, at: _at, actor: _actor, ...rest } = parsed.data
          entry = { ok: true, event: rest as Omit<CaseEvent, 'id' | 'caseId' | 'at' | 'actor'> }
        } else entry = { ok: false, message: parsed.error.message }
        if (memo.size > 50_000) memo.clear()
        memo.set(key, entry)
      }
      if (!entry.ok) {
        issue(line, 'invalid-event', `${type}: ${entry.message}`)
        return false
      }
      if (changesNothing(entry.event as Partial<CaseEvent>)) return true
      built.events.push({
        ...entry.event,
        id: `${caseId}#${sequence++}`,
        caseId,
        at: new Date(at),
        actor,
      } as CaseEvent)
      built.lines.push(line)
      remember(entry.event as Partial<CaseEvent>)
      if (type === 'case.reopened') {
        reopenCount++
        decided = undefined // the reopen count is a fact
      }
      return true
    }
    const emitAll = (list: readonly CompiledEvent[], at: number) => {
      for (const e of list) {
        let built: { payload: Record<string, unknown>; actor: unknown }
        try {
          built = e.build(ctx)
        } catch (err) {
          if (isServiceKitError(err, 'POLICY_FACTS_INVALID')) {
            issue(line, 'invalid-facts', err.message)
            return false
          }
          throw err
        }
        emit(e.type, built.payload, built.actor, at, e.constantKey)
      }
      return true
    }

    // The opening: the case's fields on its first row, at the opening time.
    const firstTime = m.time.read(String(values[m.time.index] ?? ''))
    let openedAt = firstTime
    if (m.openAt) {
      const raw = values[m.openAt.index]
      const t = m.openAt.read(String(raw ?? ''))
      if (t === undefined)
        issue(
          line,
          'bad-timestamp',
          `${m.mapping.open.at!.column} ${JSON.stringify(raw)} is not ${m.mapping.open.at!.format}`,
        )
      else openedAt = firstTime === undefined ? t : Math.min(t, firstTime)
    }
    if (openedAt === undefined) {
      issue(
        line,
        'bad-timestamp',
        `${m.mapping.timestamp.column} ${JSON.stringify(values[m.time.index])} is not ${m.mapping.timestamp.format}; the case has no opening time`,
      )
      return built
    }
    for (const [name, { evaluate }] of m.caseFields) {
      const v = evaluate(ctx)
      if (v !== undefined) fields[name] = v
    }
    fields.subject ??= caseId
    const opened = parseOpened(caseId, `${caseId}#${sequence}`, openedAt, ctx.actor(), fields)
    if (!opened.ok) {
      issue(line, 'invalid-event', `case.opened: ${opened.message}`)
      return built
    }
    sequence++
    Object.assign(fields, opened.event.case)
    delete fields.id
    delete fields.openedAt
    built.events.push(opened.event)
    built.lines.push(line)
    last = openedAt
    try {
      built.decision = ctx.decision()
    } catch (err) {
      if (!isServiceKitError(err, 'POLICY_FACTS_INVALID')) throw err
      issue(line, 'invalid-facts', err.message)
      built.events.length = 0
      built.lines.length = 0
      return built
    }
    if (!emitAll(m.openEvents, openedAt)) return abandon(built)

    const previous: (unknown[] | undefined)[] = m.changes.map(() => undefined)
    let status: string | undefined
    let applied = first.values // the row the case's fields were last read from
    // A row left out of the log is still checked against what it records: its own fields, decided.
    const skipped = () => {
      if (!m.observed.priority && !m.observed.team) return
      const own = { ...fields }
      for (const [name, { evaluate }] of m.caseFields) {
        const v = evaluate(ctx)
        if (
          v !== undefined &&
          (updatable.has(name) || name === 'category' || name === 'subcategory')
        )
          own[name] = v
      }
      let d: DecisionValues
      try {
        d = decide(factsOf(own))
      } catch (err) {
        if (!isServiceKitError(err, 'POLICY_FACTS_INVALID')) throw err
        return
      }
      check(built.checks.priority, m.observed.priority?.(ctx), d.priority)
      check(built.checks.team, m.observed.team?.(ctx), d.team)
    }
    for (const row of rows) {
      line = row.line
      values = row.values
      const rawTime = values[m.time.index]
      const at = m.time.read(String(rawTime ?? ''))
      if (at === undefined) {
        issue(
          line,
          'bad-timestamp',
          `${m.mapping.timestamp.column} ${JSON.stringify(rawTime)} is not ${m.mapping.timestamp.format}`,
        )
        skipped()
        continue
      }
      if (at < last) {
        issue(
          line,
          'out-of-order',
          `${new Date(at).toISOString()} is before the case's previous event (${new Date(last).toISOString()})`,
        )
        skipped()
        continue
      }
      const rawStatus = values[m.status]
      if (rawStatus === undefined || rawStatus === null || rawStatus === '') {
        issue(line, 'missing-status', `${m.mapping.status} is empty`)
        skipped()
        continue
      }
      const name = String(rawStatus)
      const mapped = m.statuses.get(name)
      if (!mapped) {
        issue(
          line,
          'unknown-status',
          `${m.mapping.status} ${JSON.stringify(name)} is not in the mapping's statuses`,
        )
        skipped()
        continue
      }
      if (mapped.ignore) {
        built.ignoredRows++
        skipped()
        continue
      }
      last = at
      // The case's fields follow the row: a change is recorded as the log would record it.
      const changes: Record<string, unknown> = {}
      let category: Record<string, unknown> | undefined
      for (const [field, { evaluate, columns }] of m.caseFields) {
        // Most rows repeat the case's fields: read a field again only when one of its cells changed.
        if (sameCells(columns, values, applied)) continue
        const v = evaluate(ctx)
        if (v === undefined || sameValue(v, fields[field])) continue
        if (field === 'category' || field === 'subcategory') {
          category ??= { category: fields.category }
          if (fields.subcategory !== undefined) category.subcategory ??= fields.subcategory
          category[field] = v
        } else if (updatable.has(field)) changes[field] = v
      }
      applied = values
      if (category && emit('category.changed', category, ctx.actor(), at)) {
        Object.assign(fields, category)
        decided = undefined
      }
      if (Object.keys(changes).length > 0 && emit('case.updated', { changes }, ctx.actor(), at)) {
        Object.assign(fields, changes)
        decided = undefined
      }

      let decision: DecisionValues
      try {
        decision = ctx.decision()
      } catch (err) {
        if (!isServiceKitError(err, 'POLICY_FACTS_INVALID')) throw err
        issue(line, 'invalid-facts', err.message)
        return abandon(built)
      }
      built.decision = decision
      check(built.checks.priority, m.observed.priority?.(ctx), decision.priority)
      check(built.checks.team, m.observed.team?.(ctx), decision.team)

      for (let i = 0; i < m.changes.length; i++) {
        const change = m.changes[i]!
        // A change of any present cell of the rule's columns fires; a missing cell keeps its last value.
        let before = previous[i]
        let changed = false
        for (let k = 0; k < change.indexes.length; k++) {
          const v = values[change.indexes[k]!]
          if (isMissing(m, v) || v === before?.[k]) continue
          if (!changed) {
            changed = true
            before = before ? before.slice() : new Array(change.indexes.length)
            previous[i] = before
          }
          before![k] = v
        }
        if (!changed) continue
        if (change.skipFirst && row === rows[0]) continue
        const first = values[change.indexes[0]!]
        const list = change.values.get(String(first)) ?? change.events
        if (!emitAll(list, at)) return abandon(built)
      }
      if (name !== status) {
        const list = (status !== undefined && mapped.from.get(status)) || mapped.events
        if (!emitAll(list, at)) return abandon(built)
        built.statusPath.push(name)
        status = name
      }
    }
    built.finalFacts = decided === undefined ? factsOf() : decidedFacts
    return built
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * Validates `case.opened` events with core's schemas, remembering the parts
 * cases share: the case's fields apart from its id, subject and customer
 * (a few dozen combinations in a log), and each customer.
 */
function createOpenedParser() {
  const shared = new Map<string, Parsed<Record<string, unknown>>>()
  const customers = new Map<string, Parsed<unknown>>()
  const remember = <T>(memo: Map<string, Parsed<T>>, key: string, make: () => Parsed<T>) => {
    let entry = memo.get(key)
    if (entry === undefined) {
      entry = make()
      if (memo.size > 50_000) memo.clear()
      memo.set(key, entry)
    }
    return entry
  }
  return (
    caseId: string,
    id: string,
    at: number,
    actor: unknown,
    fields: Record<string, unknown>,
  ): { ok: true; event: CaseEventOf<'case.opened'> } | { ok: false; message: string } => {
    const { customer, subject, ...rest } = fields
    const badActor = checkActor(actor)
    if (badActor !== undefined) return { ok: false, message: badActor }
    const base = remember(shared, JSON.stringify(rest), () => {
      const parsed = safeParseCaseEvent({
        id: 'x',
        caseId: 'x',
        type: 'case.opened',
        at: 0,
        actor: placeholderActor,
        case: { ...rest, id: 'x', subject: 'x', customer: { id: 'x', name: 'x' }, openedAt: 0 },
      })
      return parsed.success
        ? { ok: true, value: parsed.data as unknown as Record<string, unknown> }
        : { ok: false, message: parsed.error.message }
    })
    if (!base.ok) return base
    const who = remember(customers, JSON.stringify(customer), () => {
      const parsed = safeParseCustomer(customer)
      return parsed.success
        ? { ok: true, value: parsed.data }
        : {
            ok: false,
            message: parsed.error.message.replace('customer at ', 'customer at /case/customer'),
          }
    })
    if (!who.ok) return who
    if (typeof subject !== 'string' || subject.length === 0 || subject.length > 500)
      return { ok: false, message: 'case.subject must be 1 to 500 characters' }
    const template = base.value as unknown as CaseEventOf<'case.opened'>
    const openedAt = new Date(at)
    return {
      ok: true,
      event: {
        ...template,
        id,
        caseId,
        at: openedAt,
        actor: actor as CaseEvent['actor'],
        case: { ...template.case, id: caseId, subject, customer: who.value as never, openedAt },
      },
    }
  }
}

/** Whether two values are objects with the same own fields holding the same primitive values. */
function sameFields(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  let n = 0
  for (const key in a) {
    const v = (a as Record<string, unknown>)[key]
    if (typeof v === 'object' || v !== (b as Record<string, unknown>)[key]) return false
    n++
  }
  for (const _ in b) n--
  return n === 0
}

function sameCells(
  columns: readonly number[],
  a: readonly unknown[],
  b: readonly unknown[],
): boolean {
  for (let i = 0; i < columns.length; i++) if (a[columns[i]!] !== b[columns[i]!]) return false
  return true
}

function abandon(built: BuiltCase): BuiltCase {
  built.events.length = 0
  built.lines.length = 0
  built.decision = undefined
  return built
}

function check(counts: Map<string, number>, observed: unknown, decided: string): void {
  if (observed === undefined) return
  const key = observed === decided ? '=' : `${String(observed)}\u0000${decided}`
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

function isMissing(m: CompiledMapping, v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && m.missing.has(v))
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target
  for (const key of path.slice(0, -1)) {
    if (!isRecord(node[key])) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[path.at(-1)!] = value
}
