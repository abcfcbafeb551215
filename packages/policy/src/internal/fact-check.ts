import { toJsonPointer, type ValidationIssue } from '@servicekit/core'
import type { FactDeclaration } from '../facts'
import { isOfType } from '../facts'

/** A declared fact as the reader checks it: its slot, path and a fast type-and-value check. */
export interface CompiledFact {
  slot: number
  segments: string[]
  declaration: FactDeclaration
  allowed: Set<unknown> | undefined
  /** A fast type-and-value check; the message is built by {@link checkValue} only on failure. */
  accepts: (value: unknown) => boolean
}

/** Compiles one fact declaration. */
export function compileFact(
  name: string,
  slot: number,
  declaration: FactDeclaration,
): CompiledFact {
  const allowed = declaration.values ? new Set<unknown>(declaration.values) : undefined
  return {
    slot,
    segments: name.split('.'),
    declaration,
    allowed,
    accepts: accepter(declaration, allowed),
  }
}

/**
 * The slow path of reading, taken only when a fact breaks its declaration:
 * reads every fact (in `order`) again and returns every issue, with messages.
 */
export function readSlowly(
  facts: Record<string, unknown>,
  order: readonly CompiledFact[],
  slots: unknown[],
): ValidationIssue[] | undefined {
  let issues: ValidationIssue[] | undefined
  const fail = (c: CompiledFact, path: string[], code: string, message: string) => {
    issues ??= []
    issues.push(issue(path, code, message))
    slots[c.slot] = undefined
  }
  for (const fact of order) readDeep(facts, fact, slots, fail)
  return issues
}

function readDeep(
  facts: Record<string, unknown>,
  c: CompiledFact,
  slots: unknown[],
  fail: (c: CompiledFact, path: string[], code: string, message: string) => void,
): void {
  const segs = c.segments
  let value: unknown = facts
  let k = 0
  for (; k < segs.length; k++) {
    if (!isRecord(value)) break
    value = Object.hasOwn(value, segs[k]!) ? value[segs[k]!] : undefined
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

function checkValue(value: unknown, c: CompiledFact): string | undefined {
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

/** Whether a value is a plain record (an object, not an array or null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`
}

/** A validation issue at a path. */
export function issue(path: string[], code: string, message: string): ValidationIssue {
  return { path, pointer: toJsonPointer(path), code, message }
}
