import { toJsonPointer, type ValidationIssue } from '@servicekit/core'
import type { FactDeclaration } from '../facts'
import { isOfType } from '../facts'

const hasOwn = Object.prototype.hasOwnProperty

/**
 * Reads every declared fact from a facts object into a slot array, checking
 * each against its declaration. It reads own properties only, so a fact path
 * can never reach an inherited member (`__proto__`, `constructor`, `toString`).
 */
export interface FactReader {
  /** The declared fact names, in slot order. */
  readonly names: readonly string[]
  /**
   * Fills `slots[0..names.length)` from `facts`. Returns undefined when every
   * fact is valid, else the issues (the slots are then meaningless).
   */
  read(facts: unknown, slots: unknown[]): ValidationIssue[] | undefined
}

interface Compiled {
  slot: number
  segments: string[]
  declaration: FactDeclaration
  allowed: Set<unknown> | undefined
  /** A fast type-and-value check; the message is built by {@link checkValue} only on failure. */
  accepts: (value: unknown) => boolean
}

interface Leaf {
  key: string
  slot: number
  required: boolean
  /** 1: a string from `allowed`; 2: any string; 0: ask `accepts` (the common cases need no call). */
  kind: 0 | 1 | 2
  allowed: Set<unknown> | undefined
  accepts: (value: unknown) => boolean
  fact: Compiled
}

interface Group {
  root: string
  /** Facts `root.key`, read straight from the root object (flat, for a fast monomorphic loop). */
  leaves: Leaf[]
  /** The root itself, or deeper paths, read by walking. */
  others: Compiled[]
}

/** Compiles the fact declarations into a {@link FactReader}. */
export function createFactReader(declarations: Record<string, FactDeclaration>): FactReader {
  const names = Object.keys(declarations)
  const groups = new Map<string, Group>()
  names.forEach((name, slot) => {
    const declaration = declarations[name]!
    const allowed = declaration.values ? new Set<unknown>(declaration.values) : undefined
    const fact: Compiled = {
      slot,
      segments: name.split('.'),
      declaration,
      allowed,
      accepts: accepter(declaration, allowed),
    }
    const root = fact.segments[0]!
    let g = groups.get(root)
    if (!g) {
      g = { root, leaves: [], others: [] }
      groups.set(root, g)
    }
    if (fact.segments.length === 2)
      g.leaves.push({
        key: fact.segments[1]!,
        slot,
        required: declaration.required,
        kind: declaration.type !== 'string' ? 0 : allowed ? 1 : 2,
        allowed,
        accepts: fact.accepts,
        fact,
      })
    else g.others.push(fact)
  })
  const list = [...groups.values()]
  return {
    names,
    read(facts, slots) {
      if (!isRecord(facts)) return [issue([], 'invalid_type', 'The facts must be an object')]
      let failed = false
      for (let gi = 0; gi < list.length; gi++) {
        const g = list[gi]!
        let obj = facts[g.root]
        if (obj !== undefined && !hasOwn.call(facts, g.root)) obj = undefined
        const leaves = g.leaves
        if (obj !== undefined && !isRecord(obj)) {
          if (leaves.length > 0) failed = true
        } else {
          for (let li = 0; li < leaves.length; li++) {
            const leaf = leaves[li]!
            let v = obj === undefined ? undefined : obj[leaf.key]
            if (v !== undefined && !hasOwn.call(obj, leaf.key)) v = undefined
            slots[leaf.slot] = v
            if (v === undefined) {
              if (leaf.required) failed = true
            } else if (leaf.kind === 1) {
              if (typeof v !== 'string' || !leaf.allowed!.has(v)) failed = true
            } else if (leaf.kind === 2) {
              if (typeof v !== 'string') failed = true
            } else if (!leaf.accepts(v)) failed = true
          }
        }
        for (let oi = 0; oi < g.others.length; oi++) {
          const c = g.others[oi]!
          const v = walk(facts, c.segments)
          if (v === notAnObject) failed = true
          else {
            slots[c.slot] = v
            if (v === undefined ? c.declaration.required : !c.accepts(v)) failed = true
          }
        }
      }
      // The slow path, only on failure or for facts other than root.key: every issue, with messages.
      return failed ? readSlowly(facts, list, slots) : undefined
    },
  }
}

const notAnObject = Symbol('not an object')

// The value at a path, reading own properties only; `notAnObject` when a non-object is in the way.
function walk(facts: Record<string, unknown>, segs: string[]): unknown {
  let value: unknown = facts
  for (let k = 0; k < segs.length; k++) {
    if (value === undefined) return undefined
    if (!isRecord(value)) return notAnObject
    const key = segs[k]!
    const next: unknown = value[key]
    value = next !== undefined && hasOwn.call(value, key) ? next : undefined
  }
  return value
}

function readSlowly(
  facts: Record<string, unknown>,
  list: Group[],
  slots: unknown[],
): ValidationIssue[] | undefined {
  let issues: ValidationIssue[] | undefined
  const fail = (c: Compiled, path: string[], code: string, message: string) => {
    issues ??= []
    issues.push(issue(path, code, message))
    slots[c.slot] = undefined
  }
  for (const g of list) {
    for (const { fact } of g.leaves) readDeep(facts, fact, slots, fail)
    for (const c of g.others) readDeep(facts, c, slots, fail)
  }
  return issues
}

function readDeep(
  facts: Record<string, unknown>,
  c: Compiled,
  slots: unknown[],
  fail: (c: Compiled, path: string[], code: string, message: string) => void,
): void {
  const segs = c.segments
  let value: unknown = facts
  let k = 0
  for (; k < segs.length; k++) {
    if (!isRecord(value)) break
    value = hasOwn.call(value, segs[k]!) ? value[segs[k]!] : undefined
    if (value === undefined) break
  }
  if (value !== undefined && k < segs.length) {
    fail(
      c,
      segs.slice(0, k),
      'invalid_type',
      `Expected an object holding "${segs.slice(k).join('.')}"`,
    )
    return
  }
  slots[c.slot] = value
  const problem = checkValue(value, c)
  if (problem) fail(c, segs, 'invalid_value', problem)
}

function accepter(d: FactDeclaration, allowed: Set<unknown> | undefined): (v: unknown) => boolean {
  if (d.type === 'array') {
    const itemType = d.items ?? 'string'
    return (v) => {
      if (!Array.isArray(v)) return false
      for (let i = 0; i < v.length; i++)
        if (!isOfType(v[i], itemType) || (allowed && !allowed.has(v[i]))) return false
      return true
    }
  }
  const type = d.type
  if (allowed) {
    if (type === 'string') return (v) => typeof v === 'string' && allowed.has(v)
    return (v) => isOfType(v, type) && allowed.has(v)
  }
  if (type === 'string') return (v) => typeof v === 'string'
  return (v) => isOfType(v, type)
}

function checkValue(value: unknown, c: Compiled): string | undefined {
  const d = c.declaration
  if (value === undefined) return d.required ? 'Required fact is missing' : undefined
  if (d.type === 'array') {
    if (!Array.isArray(value)) return `Expected an array, received ${describe(value)}`
    const itemType = d.items ?? 'string'
    for (const item of value) {
      if (!isOfType(item, itemType))
        return `Expected array items of type ${itemType}, received ${describe(item)}`
      if (c.allowed && !c.allowed.has(item))
        return `${JSON.stringify(item)} is not an allowed item; allowed: ${d.values!.map((v) => JSON.stringify(v)).join(', ')}`
    }
    return undefined
  }
  if (!isOfType(value, d.type)) return `Expected ${d.type}, received ${describe(value)}`
  if (c.allowed && !c.allowed.has(value))
    return `${JSON.stringify(value)} is not allowed; allowed: ${d.values!.map((v) => JSON.stringify(v)).join(', ')}`
  return undefined
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`
}

function issue(path: string[], code: string, message: string): ValidationIssue {
  return { path, pointer: toJsonPointer(path), code, message }
}
