import type { CaseEventType } from '@servicekit/core'
import type {
  EventTemplate,
  FieldTemplate,
  ReplayMapping,
  StatusMapping,
  ValueSource,
} from '../replay-mapping'
import { createTimestampReader, type TimestampReader } from './timestamp'

/** What a template reads besides the row: the policy's decision at that row. */
export interface DecisionValues {
  priority: string
  team: string
  role: string | undefined
}

/** The context a template is evaluated in. */
export interface EvalContext {
  values: unknown[]
  /** The decision at this row, computed on first use. */
  decision: () => DecisionValues
  /** Called when a cell holds a value its source cannot read. */
  onBadValue: (column: string, value: unknown, why: string) => void
  /** The mapping's default actor on this row, computed once per row. */
  actor: () => unknown
}

/** A compiled template: the value, or `undefined` when its source is missing. */
export type Evaluator = (ctx: EvalContext) => unknown

/** A compiled event template. */
export interface CompiledEvent {
  type: CaseEventType
  /** The payload fields and the actor, evaluated. */
  build: (ctx: EvalContext) => { payload: Record<string, unknown>; actor: unknown }
  /** Whether the payload or actor depends on the row. */
  variable: boolean
  /** For a payload that does not depend on the row: its memo key ({@link payloadKey}), computed once. */
  constantKey: string | undefined
}

/** A compiled status mapping. */
export interface CompiledStatus {
  ignore: boolean
  events: CompiledEvent[]
  from: Map<string, CompiledEvent[]>
}

/** The mapping, ready to apply to rows. */
export interface CompiledMapping {
  mapping: ReplayMapping
  /** Every column the mapping reads, in a fixed order; rows carry their values in this order. */
  columns: string[]
  caseId: number
  status: number
  order: number | undefined
  time: { index: number; read: TimestampReader }
  openAt: { index: number; read: TimestampReader } | undefined
  /** The case fields, by name (a nested object for `customer`, `product`, `custom`), with the columns each reads. */
  caseFields: Map<string, { evaluate: Evaluator; columns: number[] }>
  openEvents: CompiledEvent[]
  statuses: Map<string, CompiledStatus>
  changes: {
    indexes: number[]
    events: CompiledEvent[]
    values: Map<string, CompiledEvent[]>
    skipFirst: boolean
  }[]
  facts: { path: string[]; evaluate: Evaluator }[]
  observed: { priority?: Evaluator; team?: Evaluator }
  /** The default actor of the events. */
  actor: Evaluator
  /** Cell values that mean "missing" (the empty string and the mapping's markers). */
  missing: Set<string>
  timeZone: string
}

/** Compiles a validated mapping. */
export function compileMapping(mapping: ReplayMapping): CompiledMapping {
  const columns: string[] = []
  const col = (name: string) => {
    let i = columns.indexOf(name)
    if (i < 0) i = columns.push(name) - 1
    return i
  }
  const missing = new Set(['', ...(mapping.missing ?? [])])

  const source = (s: ValueSource): Evaluator => {
    if ('decision' in s) {
      const key = s.decision
      return (ctx) => ctx.decision()[key]
    }
    const index = col(s.column)
    const pattern = s.pattern === undefined ? undefined : new RegExp(s.pattern)
    const type = s.type ?? 'string'
    const fallback = s.default
    return (ctx) => {
      const raw = ctx.values[index]
      if (raw === undefined || raw === null || (typeof raw === 'string' && missing.has(raw)))
        return fallback
      let value: unknown = raw
      if (pattern && typeof raw === 'string') {
        const m = pattern.exec(raw)
        if (!m) {
          ctx.onBadValue(s.column, raw, `does not match ${s.pattern}`)
          return fallback
        }
        value = m[1] ?? m[0]
      }
      if (s.map && typeof value === 'string' && Object.hasOwn(s.map, value)) value = s.map[value]
      const converted = convert(value, type)
      if (converted === undefined) ctx.onBadValue(s.column, raw, `is not ${article(type)}`)
      return converted ?? fallback
    }
  }

  type Field = { evaluate: Evaluator; variable: boolean; columns: number[] }
  const field = (t: FieldTemplate): Field => {
    if (typeof t !== 'object' || t === null)
      return { evaluate: () => t, variable: false, columns: [] }
    if (Array.isArray(t)) {
      const items = t.map(field)
      return {
        evaluate: (ctx) => items.map((i) => i.evaluate(ctx)).filter((v) => v !== undefined),
        variable: items.some((i) => i.variable),
        columns: items.flatMap((i) => i.columns),
      }
    }
    if ('column' in t || 'decision' in t) {
      const columns = 'column' in t ? [col(t.column as string)] : []
      return { evaluate: source(t as ValueSource), variable: true, columns }
    }
    const entries = Object.entries(t).map(([k, v]) => [k, field(v)] as const)
    return {
      columns: entries.flatMap(([, f]) => f.columns),
      evaluate: (ctx) => {
        const out: Record<string, unknown> = {}
        for (const [k, f] of entries) {
          const v = f.evaluate(ctx)
          if (v !== undefined) out[k] = v
        }
        return out
      },
      variable: entries.some(([, f]) => f.variable),
    }
  }

  const defaultActor = mapping.actor ?? { id: 'log', role: 'agent' }
  const event = (t: EventTemplate): CompiledEvent => {
    const { type, actor, ...payload } = t
    const body = field(payload as FieldTemplate)
    const own = actor === undefined ? undefined : field(actor as FieldTemplate)
    const who = own ?? { evaluate: (ctx: EvalContext) => ctx.actor(), variable: true, columns: [] }
    return {
      type,
      build: (ctx) => ({
        payload: body.evaluate(ctx) as Record<string, unknown>,
        actor: who.evaluate(ctx),
      }),
      variable: body.variable || who.variable,
      constantKey: body.variable
        ? undefined
        : payloadKey(
            type,
            body.evaluate(undefined as unknown as EvalContext) as Record<string, unknown>,
          ),
    }
  }
  const status = (s: StatusMapping): CompiledStatus => {
    if (s === 'ignore') return { ignore: true, events: [], from: new Map() }
    if (Array.isArray(s)) return { ignore: false, events: s.map(event), from: new Map() }
    return {
      ignore: false,
      events: s.events.map(event),
      from: new Map(Object.entries(s.from ?? {}).map(([k, v]) => [k, v.map(event)])),
    }
  }

  const timeZone = mapping.timestamp.timeZone ?? 'UTC'
  const compiled: CompiledMapping = {
    mapping,
    columns,
    caseId: col(mapping.caseId),
    status: col(mapping.status),
    order: mapping.order === undefined ? undefined : col(mapping.order),
    time: {
      index: col(mapping.timestamp.column),
      read: createTimestampReader(mapping.timestamp.format, timeZone),
    },
    openAt: mapping.open.at && {
      index: col(mapping.open.at.column),
      read: createTimestampReader(mapping.open.at.format, mapping.open.at.timeZone ?? timeZone),
    },
    caseFields: new Map(
      Object.entries(mapping.open.case).map(([k, v]) => {
        const f = field(v)
        return [k, { evaluate: f.evaluate, columns: f.columns }]
      }),
    ),
    openEvents: (mapping.open.events ?? []).map(event),
    statuses: new Map(Object.entries(mapping.statuses).map(([k, v]) => [k, status(v)])),
    changes: (mapping.changes ?? []).map((c) => ({
      indexes: (Array.isArray(c.column) ? c.column : [c.column]).map(col),
      events: (c.events ?? []).map(event),
      values: new Map(Object.entries(c.values ?? {}).map(([k, v]) => [k, v.map(event)])),
      skipFirst: c.skipFirst === true,
    })),
    facts: Object.entries(mapping.facts ?? {}).map(([name, s]) => ({
      path: name.split('.'),
      evaluate: source(s),
    })),
    observed: {},
    actor: field(defaultActor as FieldTemplate).evaluate,
    missing,
    timeZone,
  }
  if (mapping.observed?.priority) compiled.observed.priority = source(mapping.observed.priority)
  if (mapping.observed?.team) compiled.observed.team = source(mapping.observed.team)
  return compiled
}

function convert(value: unknown, type: 'string' | 'integer' | 'number' | 'boolean'): unknown {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : String(value)
    case 'integer': {
      const n =
        typeof value === 'number'
          ? value
          : /^\s*-?\d+\s*$/.test(String(value))
            ? Number(value)
            : Number.NaN
      return Number.isInteger(n) ? n : undefined
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim() || Number.NaN)
      return Number.isFinite(n) ? n : undefined
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value
      const s = String(value).trim().toLowerCase()
      if (s === 'true' || s === '1' || s === 'yes') return true
      if (s === 'false' || s === '0' || s === 'no') return false
      return undefined
    }
  }
}

const article = (type: string) => (type === 'integer' ? 'an integer' : `a ${type}`)

/**
 * The memo key of an event's payload: its type and fields. A flat payload of
 * strings, numbers and booleans (most are) is keyed without JSON; the type of
 * each value is in the key, so `"1"` and `1` differ, and an undefined field
 * counts as absent, as in JSON. Distinct payloads always get distinct keys.
 */
export function payloadKey(type: string, payload: Record<string, unknown>): string {
  let key = type
  for (const name in payload) {
    const v = payload[name]
    if (v === undefined) continue
    const t = typeof v
    if (t !== 'string' && t !== 'number' && t !== 'boolean')
      return `${type}\u0004${JSON.stringify(payload)}`
    const text = t === 'string' ? (v as string) : String(v)
    // Lengths first, so no name or value can pass for another (the key decides the memoized event).
    key += `${name.length}:${name}${t[0]}${text.length}:${text}`
  }
  return key
}
