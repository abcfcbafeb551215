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
  segments: string[]
  declaration: FactDeclaration
  allowed: Set<unknown> | undefined
}

/** Compiles the fact declarations into a {@link FactReader}. */
export function createFactReader(declarations: Record<string, FactDeclaration>): FactReader {
  const names = Object.keys(declarations)
  const compiled: Compiled[] = names.map((name) => {
    const declaration = declarations[name]!
    return {
      segments: name.split('.'),
      declaration,
      allowed: declaration.values ? new Set<unknown>(declaration.values) : undefined,
    }
  })
  const n = compiled.length
  return {
    names,
    read(facts, slots) {
      if (!isRecord(facts)) return [issue([], 'invalid_type', 'The facts must be an object')]
      let issues: ValidationIssue[] | undefined
      for (let i = 0; i < n; i++) {
        const c = compiled[i]!
        const segs = c.segments
        let value: unknown = facts
        let k = 0
        for (; k < segs.length; k++) {
          if (!isRecord(value)) break
          value = hasOwn.call(value, segs[k]!) ? value[segs[k]!] : undefined
          if (value === undefined) break
        }
        if (value !== undefined && k < segs.length) {
          issues ??= []
          issues.push(
            issue(
              segs.slice(0, k),
              'invalid_type',
              `Expected an object holding "${segs.slice(k).join('.')}"`,
            ),
          )
          continue
        }
        slots[i] = value
        const problem = checkValue(value, c)
        if (problem) {
          issues ??= []
          issues.push(issue(segs, 'invalid_value', problem))
        }
      }
      return issues
    },
  }
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
