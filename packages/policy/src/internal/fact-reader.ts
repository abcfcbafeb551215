import type { ValidationIssue } from '@servicekit/core'
import type { FactDeclaration } from '../facts'
import { bucketOf, createIntTable, createStringTable, type StringTable } from './allowed-values'
import { type CompiledFact, compileFact, isRecord, issue, readSlowly } from './fact-check'

// Inside `for (key in obj)` the own-property check is written
// `Object.prototype.hasOwnProperty.call(obj, key)`: V8 reduces that form to a map
// check there, but not `Object.hasOwn` or an alias, which cost a call per key.

/**
 * Reads every declared fact from a facts object into a slot array, checking
 * each against its declaration. It reads own properties only, so a fact path
 * can never reach an inherited member (`__proto__`, `constructor`, `toString`).
 */
export interface FactReader {
  /** The declared fact names, in slot order. */
  readonly names: readonly string[]
  /** How the values of facts with allowed values are coded, by slot. */
  readonly codeTables: CodeTables
  /**
   * Fills `slots[0..names.length)` from `facts` (and `codes`, when given, see
   * `codeTables`). Returns undefined when every fact is valid, else the
   * issues (the slots and codes are then meaningless).
   */
  read(facts: unknown, slots: unknown[], codes?: number[]): ValidationIssue[] | undefined
}

/**
 * A fact with allowed values, coded: each allowed value (or item) has a code,
 * its first index in `values`. For a scalar fact {@link FactReader.read}
 * writes `code + 1` to `codes[slot]`; for an array fact (`items`, at most
 * {@link maxItems} allowed items) `1 + ` the bit mask of the items it holds.
 * Either way 0 means absent.
 */
export interface CodedFact {
  readonly codeOf: ReadonlyMap<unknown, number>
  readonly items: boolean
}

/** The coded facts, by slot. */
export type CodeTables = ReadonlyMap<number, CodedFact>

/** The most allowed items an array fact may have to be coded as a bit mask. */
export const maxItems = 29

// How a value is checked inline, without a call, before its code is looked up; arrays ask `accepts`.
const isString = 1
const isNumber = 2
const isInteger = 3
const isBoolean = 4
const askAccepts = 0
type Check = 0 | 1 | 2 | 3 | 4
const checks: Record<FactDeclaration['type'], Check> = {
  string: isString,
  number: isNumber,
  integer: isInteger,
  boolean: isBoolean,
  array: askAccepts,
}

// What one fact needs at read time (one object shape for all facts).
interface Leaf {
  /** The property read from the root object (`root.key` facts). */
  key: string
  slot: number
  required: boolean
  check: Check
  /** Allowed value → code, for scalar facts with allowed values. */
  codeOf: Map<unknown, number> | undefined
  /**
   * The allowed values of a string fact in a table indexed by a hash of the
   * value (`===` agrees with the Map's SameValueZero: allowed values are never NaN).
   */
  strings: StringTable | undefined
  /** The codes of a number or integer fact whose allowed values are small integers, by value. */
  ints: number[] | undefined
  /** The allowed values of another number or integer fact, when few: a scan finds them faster than the Map. */
  numbers: number[] | undefined
  /** The allowed items of a coded array fact, in code order. */
  items: unknown[] | undefined
  accepts: (value: unknown) => boolean
  fact: CompiledFact
}

interface Group {
  root: string
  /** Facts `root.key`, read from the root object's own properties in one pass. */
  leaves: Leaf[]
  /** Their keys, when few: a scan finds a key faster than the Map. */
  keys: string[] | undefined
  /** The leaves by key, for that pass. */
  byKey: Map<string, Leaf>
  /** The root itself, or deeper paths, read by walking. */
  others: Leaf[]
}

// codes[slot] of a leaf the pass over the object's keys has not read (yet).
const unread = -3

// The table of a string fact's allowed values, their strings internalized.
function stringTable(codeOf: Map<unknown, number>): StringTable | undefined {
  return createStringTable(
    new Map([...codeOf].map(([v, code]) => [internalize(v as string), code] as const)),
  )
}

// V8 keeps one copy of each property-key string; comparing with it is a pointer comparison.
function internalize<T>(v: T): T {
  return typeof v === 'string' ? (Object.keys({ [v]: 0 })[0] as T) : v
}

/** Compiles the fact declarations into a {@link FactReader}. */
export function createFactReader(declarations: Record<string, FactDeclaration>): FactReader {
  const names = Object.keys(declarations)
  const groups = new Map<string, Group>()
  const codeTables = new Map<number, CodedFact>()
  names.forEach((name, slot) => {
    const declaration = declarations[name]!
    const fact = compileFact(name, slot, declaration)
    let codeOf: Map<unknown, number> | undefined
    let items: unknown[] | undefined
    if (declaration.values) {
      const codes = new Map<unknown, number>()
      for (const v of declaration.values) if (!codes.has(v)) codes.set(v, codes.size)
      if (declaration.type !== 'array') {
        codeOf = codes
        codeTables.set(slot, { codeOf, items: false })
      } else if (codes.size <= maxItems) {
        items = [...codes.keys()].map(internalize)
        codeTables.set(slot, { codeOf: codes, items: true })
      }
    }
    const root = fact.segments[0]!
    let g = groups.get(root)
    if (!g) {
      g = { root: internalize(root), leaves: [], keys: undefined, byKey: new Map(), others: [] }
      groups.set(root, g)
    }
    const few = codeOf && codeOf.size <= fewest ? [...codeOf.keys()] : undefined
    const numeric = declaration.type === 'number' || declaration.type === 'integer'
    const ints = numeric && codeOf ? createIntTable(codeOf) : undefined
    const leaf: Leaf = {
      key: internalize(fact.segments[1] ?? ''),
      slot,
      required: declaration.required,
      check: checks[declaration.type],
      codeOf,
      strings: declaration.type === 'string' && codeOf ? stringTable(codeOf) : undefined,
      ints,
      numbers: numeric && !ints ? (few as number[] | undefined) : undefined,
      items,
      accepts: fact.accepts,
      fact,
    }
    if (fact.segments.length === 2) {
      g.leaves.push(leaf)
      g.byKey.set(leaf.key, leaf)
    } else g.others.push(leaf)
  })
  const list = [...groups.values()]
  for (const g of list) if (g.leaves.length <= fewest) g.keys = g.leaves.map((l) => l.key)
  // The groups with root.key facts, found by a pass over the facts' keys (a bit each).
  const roots = list.filter((g) => g.leaves.length > 0)
  const rootKeys = roots.length <= 30 ? roots.map((g) => g.root) : undefined
  // The root facts and deeper paths, read by walking.
  const others = list.flatMap((g) => g.others)
  // The order the slow path reports issues in: by root, its root.key facts first.
  const slowOrder = list.flatMap((g) => [...g.leaves, ...g.others].map((l) => l.fact))
  const ownCodes = Array.from({ length: names.length }, () => 0)
  return {
    names,
    codeTables,
    read(facts, slots, codes = ownCodes) {
      if (!isRecord(facts)) return [issue([], 'invalid_type', 'The facts must be an object')]
      let failed = false
      let read = 0
      let seen = 0
      if (rootKeys !== undefined)
        for (const key in facts) {
          const r = indexOf(rootKeys, key)
          // biome-ignore lint/suspicious/noPrototypeBuiltins: V8 reduces this form inside for…in to a map check; Object.hasOwn is a call per key
          if (r < 0 || !Object.prototype.hasOwnProperty.call(facts, key)) continue
          read |= 1 << r
          seen++
          if (!readLeaves(roots[r]!, facts[key], slots, codes)) failed = true
        }
      // Roots the pass did not find: absent, or non-enumerable own properties.
      if (seen < roots.length)
        for (let r = 0; r < roots.length; r++) {
          if ((read & (1 << r)) !== 0 && rootKeys !== undefined) continue
          const g = roots[r]!
          const obj = Object.hasOwn(facts, g.root) ? facts[g.root] : undefined
          if (!readLeaves(g, obj, slots, codes)) failed = true
        }
      for (let oi = 0; oi < others.length; oi++) {
        const leaf = others[oi]!
        const v = walk(facts, leaf.fact.segments)
        if (v === notAnObject) failed = true
        else {
          slots[leaf.slot] = v
          if (!take(leaf, v, codes)) failed = true
        }
      }
      // The slow path, only on failure: every issue, with messages.
      return failed ? readSlowly(facts, slowOrder, slots) : undefined
    },
  }
}

/**
 * Reads the `root.key` facts of one root object into their slots; false when
 * one breaks its declaration. One `for…in` pass takes the object's own
 * enumerable properties (V8 turns its own-property check and loads into field
 * reads); only the leaves it did not find are looked up by key, so a
 * non-enumerable own property is read too, and an inherited one never.
 */
function readLeaves(g: Group, obj: unknown, slots: unknown[], codes: number[]): boolean {
  const leaves = g.leaves
  const n = leaves.length
  let ok = true
  if (obj === undefined) {
    for (let i = 0; i < n; i++) {
      const leaf = leaves[i]!
      slots[leaf.slot] = undefined
      if (!take(leaf, undefined, codes)) ok = false
    }
    return ok
  }
  if (!isRecord(obj)) return false
  const keys = g.keys
  if (keys === undefined) return readManyLeaves(g, obj, slots, codes)
  // A few leaves: found by a scan of their keys, and marked in a bit mask.
  let seen = 0
  for (const key in obj) {
    const j = indexOf(keys, key)
    // biome-ignore lint/suspicious/noPrototypeBuiltins: V8 reduces this form inside for…in to a map check; Object.hasOwn is a call per key
    if (j < 0 || !Object.prototype.hasOwnProperty.call(obj, key)) continue
    const leaf = leaves[j]!
    const v = obj[key]
    slots[leaf.slot] = v
    seen |= 1 << j
    if (!take(leaf, v, codes)) ok = false
  }
  if (seen !== (1 << n) - 1)
    for (let j = 0; j < n; j++) {
      if ((seen >> j) & 1) continue
      const leaf = leaves[j]!
      const v = Object.hasOwn(obj, leaf.key) ? obj[leaf.key] : undefined
      slots[leaf.slot] = v
      if (!take(leaf, v, codes)) ok = false
    }
  return ok
}

// The same for many leaves: found by key in a Map, and marked in their codes.
function readManyLeaves(
  g: Group,
  obj: Record<string, unknown>,
  slots: unknown[],
  codes: number[],
): boolean {
  const leaves = g.leaves
  const n = leaves.length
  let ok = true
  for (let i = 0; i < n; i++) codes[leaves[i]!.slot] = unread
  let found = 0
  for (const key in obj) {
    const leaf = g.byKey.get(key)
    // biome-ignore lint/suspicious/noPrototypeBuiltins: V8 reduces this form inside for…in to a map check; Object.hasOwn is a call per key
    if (leaf === undefined || !Object.prototype.hasOwnProperty.call(obj, key)) continue
    const v = obj[key]
    slots[leaf.slot] = v
    found++
    if (!take(leaf, v, codes)) ok = false
  }
  if (found < n)
    for (let i = 0; i < n; i++) {
      const leaf = leaves[i]!
      if (codes[leaf.slot] !== unread) continue
      const v = Object.hasOwn(obj, leaf.key) ? obj[leaf.key] : undefined
      slots[leaf.slot] = v
      if (!take(leaf, v, codes)) ok = false
    }
  return ok
}

/**
 * Checks a fact's value against its declaration and writes its code; false
 * when it breaks it. A value found among the allowed values has the declared
 * type too, so the common case is one table lookup (see `allowed-values`).
 */
function take(leaf: Leaf, v: unknown, codes: number[]): boolean {
  if (v === undefined) {
    codes[leaf.slot] = 0
    return !leaf.required
  }
  const strings = leaf.strings
  if (strings !== undefined) {
    if (typeof v !== 'string') return false
    const h = bucketOf(v, strings.a, strings.b, strings.mask)
    if (strings.strings[h] !== v) return false
    codes[leaf.slot] = strings.codes[h]!
    return true
  }
  const ints = leaf.ints
  if (ints !== undefined) {
    if (typeof v !== 'number') return false
    // Fractions, NaN, infinities and numbers beyond 32 bits are not their own `| 0`.
    const i = v | 0
    const code = i === v && i >= 0 && i < ints.length ? ints[i]! : 0
    if (code === 0) return false
    codes[leaf.slot] = code
    return true
  }
  const numbers = leaf.numbers
  if (numbers !== undefined) {
    for (let k = 0; k < numbers.length; k++)
      if (numbers[k] === v) {
        codes[leaf.slot] = k + 1
        return true
      }
    return false
  }
  return takeOther(leaf, v, codes)
}

function takeOther(leaf: Leaf, v: unknown, codes: number[]): boolean {
  let code = -1
  switch (leaf.check) {
    case isString:
      if (typeof v !== 'string') return false
      break
    case isNumber:
      if (typeof v !== 'number' || !Number.isFinite(v)) return false
      break
    case isInteger:
      if (!Number.isInteger(v)) return false
      break
    case isBoolean:
      if (typeof v !== 'boolean') return false
      break
    default:
      if (leaf.items === undefined) {
        codes[leaf.slot] = 0
        return leaf.accepts(v)
      }
      code = maskOf(leaf.items, v)
      if (code === -2) return false
      codes[leaf.slot] = code + 1
      return true
  }
  if (leaf.codeOf !== undefined) code = leaf.codeOf.get(v) ?? -2
  if (code === -2) return false
  codes[leaf.slot] = code + 1
  return true
}

// Up to this many keys or allowed values are found by a scan rather than a Map.
const fewest = 8

// The bit mask of an array's items in a list of allowed items, -2 when one is not allowed.
// (An allowed item has the item type, so membership is the whole check.)
function maskOf(allowed: unknown[], v: unknown): number {
  if (!Array.isArray(v)) return -2
  let mask = 0
  for (let i = 0; i < v.length; i++) {
    const k = allowed.indexOf(v[i])
    if (k < 0) return -2
    mask |= 1 << k
  }
  return mask
}

// The index of a key in a short list of keys, -1 when absent.
function indexOf(keys: string[], key: string): number {
  for (let k = 0; k < keys.length; k++) if (keys[k] === key) return k
  return -1
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
    value = next !== undefined && Object.hasOwn(value, key) ? next : undefined
  }
  return value
}
