import { type Condition, isFactCondition } from '../condition'
import type { FactValue } from '../facts'
import { resolveFactName } from './conditions'
import type { CodeTables } from './fact-reader'

/** A compiled condition: reads fact slots, never the facts object. */
export type Predicate = (slots: readonly unknown[]) => boolean

// Where a test leads: to another test, or out with the condition's result.
const holdsExit = -1
const failsExit = -2

// The tests (leaf comparisons). A negated operator (notEqual, notIn) is its
// positive test with the two successors swapped.
const CODED = 0
const CODED_TABLE = 1
const EQUAL = 2
const IN = 3
const IN_SET = 4
const CONTAINS = 5
const DOES_NOT_CONTAIN = 6
const LESS = 7
const LESS_OR_EQUAL = 8
const GREATER = 9
const GREATER_OR_EQUAL = 10
const HAS_ITEM = 11
const LACKS_ITEM = 12

// Lists at least this long are looked up in a Set (same result as indexOf: values are never NaN).
const setFrom = 8
// A coded fact with at most this many allowed values is tested with a bit mask (bit 0:
// absent), which stays a small integer.
const maskedUpTo = 29

/**
 * Conditions compiled into one branching program: each test compares one
 * slot (or the code of its value) and says which test comes next when it
 * holds and when it fails, so `all`, `any` and `not` are jumps and a
 * condition runs in a loop, with no call per leaf. `add` compiles a
 * condition and gives its entry; `finish` gives the instructions, arrays of
 * small integers, which {@link runProgram} evaluates.
 */
export interface ConditionProgram {
  /** Compiles a condition into the program and returns its entry (an exit for no condition). */
  add(condition: Condition | undefined): number
  /** The instructions of every condition added, for {@link runProgram}. */
  finish(): ProgramCode
}

/** The program's instructions, one index per test. */
export interface ProgramCode {
  op: number[]
  slot: number[]
  /** CODED: the mask of the `code + 1`s that pass; HAS_ITEM, LACKS_ITEM: the item's code. */
  mask: number[]
  /** The next test: `next[2 * i]` when test `i` fails, `next[2 * i + 1]` when it holds. */
  next: number[]
  /** Raw values, lists, Sets and code tables. */
  values: unknown[]
}

// json-rules-engine's numberValidator: the fact must parse as a number.
const isNumberLike = (v: unknown): boolean =>
  typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN'

/**
 * Makes a {@link ConditionProgram} with json-rules-engine's semantics (`===`
 * for equal, `indexOf` for in and contains, a number check before the numeric
 * operators). The policy is validated, so every fact is in `slotOf` and every
 * operator is known. With `codes`, `equal`, `notEqual`, `in` and `notIn` on a
 * coded fact compare codes: a value outside the allowed set has no code and
 * can never equal such a fact (validation rejects it), as `===` would find.
 */
export function createConditionProgram(
  slotOf: ReadonlyMap<string, number>,
  codes?: CodeTables,
): ConditionProgram {
  const op: number[] = []
  const slot: number[] = []
  const mask: number[] = []
  const next: number[] = []
  const values: unknown[] = []
  const emit = (o: number, s: number, m: number, v: unknown, ifYes: number, ifNo: number) => {
    op.push(o)
    slot.push(s)
    mask.push(m)
    values.push(v)
    next.push(ifNo, ifYes)
    return op.length - 1
  }
  // A test on a coded fact passing for the listed values (codes + 1 in a mask, or a table).
  const codedTest = (
    codeOf: ReadonlyMap<unknown, number>,
    i: number,
    list: unknown[],
    y: number,
    n: number,
  ) => {
    if (codeOf.size > maskedUpTo) {
      const member = new Uint8Array(codeOf.size + 1)
      for (const x of list) {
        const k = codeOf.get(x)
        if (k !== undefined) member[k + 1] = 1
      }
      return emit(CODED_TABLE, i, 0, member, y, n)
    }
    let m = 0
    for (const x of list) {
      const k = codeOf.get(x)
      if (k !== undefined) m |= 1 << (k + 1)
    }
    return emit(CODED, i, m, list, y, n)
  }
  // Compiles `c` to lead to `ifYes` when it holds and `ifNo` when it fails; returns its entry.
  const compile = (c: Condition, ifYes: number, ifNo: number): number => {
    if (!isFactCondition(c)) {
      if ('not' in c) return compile(c.not, ifNo, ifYes)
      const isAll = 'all' in c
      const parts = isAll ? c.all : c.any
      let entry = compile(parts[parts.length - 1]!, ifYes, ifNo)
      for (let i = parts.length - 2; i >= 0; i--)
        entry = isAll ? compile(parts[i]!, entry, ifNo) : compile(parts[i]!, ifYes, entry)
      return entry
    }
    const resolved = resolveFactName(c)
    const i = 'name' in resolved ? slotOf.get(resolved.name) : undefined
    if (i === undefined) throw new Error(`Unresolved fact in a validated policy: ${c.fact}`)
    const v = c.value
    const coded = codes?.get(i)
    // A scalar fact's codes serve equal and in; an array fact's, contains (an item outside the
    // allowed set is never held: bit 31 of a mask of at most 29 items).
    const codeOf = coded && !coded.items ? coded.codeOf : undefined
    const itemOf = coded?.items ? (x: unknown) => coded.codeOf.get(x) ?? 31 : undefined
    switch (c.operator) {
      case 'equal':
      case 'notEqual': {
        const [y, n] = c.operator === 'equal' ? [ifYes, ifNo] : [ifNo, ifYes]
        // A value outside the allowed set has no code: such a fact can never equal it.
        if (codeOf) return codedTest(codeOf, i, [v], y, n)
        return emit(EQUAL, i, 0, v, y, n)
      }
      case 'in':
      case 'notIn': {
        const [y, n] = c.operator === 'in' ? [ifYes, ifNo] : [ifNo, ifYes]
        const list = v as FactValue[]
        if (codeOf) return codedTest(codeOf, i, list, y, n)
        if (list.length >= setFrom) return emit(IN_SET, i, 0, new Set<unknown>(list), y, n)
        return emit(IN, i, 0, list, y, n)
      }
      case 'contains':
        if (itemOf) return emit(HAS_ITEM, i, itemOf(v), v, ifYes, ifNo)
        return emit(CONTAINS, i, 0, v, ifYes, ifNo)
      case 'doesNotContain':
        if (itemOf) return emit(LACKS_ITEM, i, itemOf(v), v, ifYes, ifNo)
        return emit(DOES_NOT_CONTAIN, i, 0, v, ifYes, ifNo)
      case 'lessThan':
        return emit(LESS, i, 0, v, ifYes, ifNo)
      case 'lessThanInclusive':
        return emit(LESS_OR_EQUAL, i, 0, v, ifYes, ifNo)
      case 'greaterThan':
        return emit(GREATER, i, 0, v, ifYes, ifNo)
      case 'greaterThanInclusive':
        return emit(GREATER_OR_EQUAL, i, 0, v, ifYes, ifNo)
      default:
        throw new Error(`Unknown operator in a validated policy: ${String(c.operator)}`)
    }
  }
  return {
    add: (condition) =>
      condition === undefined ? holdsExit : compile(condition, holdsExit, failsExit),
    finish: () => ({ op, slot, mask, next, values }),
  }
}

/** Whether the condition whose entry is `pc` holds for these slots and codes. */
export function runProgram(
  p: ProgramCode,
  pc: number,
  s: readonly unknown[],
  c: readonly number[],
): boolean {
  const { op, slot, mask, next } = p
  while (pc >= 0) {
    const o = op[pc]!
    const i = slot[pc]!
    // A coded test picks its successor without a branch: the mask's bit for the code.
    const bit =
      o === CODED
        ? (mask[pc]! >>> c[i]!) & 1
        : o === CODED_TABLE
          ? (p.values[pc] as Uint8Array)[c[i]!]!
          : o === HAS_ITEM || o === LACKS_ITEM
            ? testItem(o, c[i]!, mask[pc]!)
            : testValue(o, s[i], p.values[pc])
    pc = next[(pc << 1) | bit]!
  }
  return pc === holdsExit
}

/**
 * The condition whose entry is `pc` evaluated when only some of its tests can
 * be decided (`decides(slot, itemTest)`: whether a test on that slot, by its
 * items or not, is decided by these slots and codes): 1 when it holds whatever
 * the others give, 0 when it fails whatever they give, -1 when it depends on
 * them. Each test visited takes one from `budget.left`; past 0 the answer is -1.
 */
export function runProgramPartly(
  p: ProgramCode,
  pc: number,
  s: readonly unknown[],
  c: readonly number[],
  decides: (slot: number, itemTest: boolean) => boolean,
  budget: { left: number },
): -1 | 0 | 1 {
  const visit = (at: number): -1 | 0 | 1 => {
    let pc = at
    while (pc >= 0) {
      if (--budget.left < 0) return -1
      const o = p.op[pc]!
      const i = p.slot[pc]!
      const itemTest = o === HAS_ITEM || o === LACKS_ITEM
      if (!decides(i, itemTest)) {
        const ifNo = visit(p.next[pc << 1]!)
        if (ifNo === -1) return -1
        return visit(p.next[(pc << 1) | 1]!) === ifNo ? ifNo : -1
      }
      const bit =
        o === CODED
          ? (p.mask[pc]! >>> c[i]!) & 1
          : o === CODED_TABLE
            ? (p.values[pc] as Uint8Array)[c[i]!]!
            : itemTest
              ? testItem(o, c[i]!, p.mask[pc]!)
              : testValue(o, s[i], p.values[pc])
      pc = p.next[(pc << 1) | bit]!
    }
    return pc === holdsExit ? 1 : 0
  }
  return visit(pc)
}

// contains and doesNotContain on a coded array fact (code: 0 absent, else 1 + its items' mask).
function testItem(op: number, code: number, item: number): number {
  if (code === 0) return 0
  const held = ((code - 1) >>> item) & 1
  return op === HAS_ITEM ? held : held ^ 1
}

function testValue(op: number, x: unknown, v: unknown): number {
  switch (op) {
    case EQUAL:
      return x === v ? 1 : 0
    case IN:
      return (v as unknown[]).indexOf(x) > -1 ? 1 : 0
    case IN_SET:
      return (v as Set<unknown>).has(x) ? 1 : 0
    case CONTAINS:
      return Array.isArray(x) && x.indexOf(v) > -1 ? 1 : 0
    case DOES_NOT_CONTAIN:
      return Array.isArray(x) && x.indexOf(v) === -1 ? 1 : 0
    case LESS:
      return x !== undefined && isNumberLike(x) && (x as number) < (v as number) ? 1 : 0
    case LESS_OR_EQUAL:
      return x !== undefined && isNumberLike(x) && (x as number) <= (v as number) ? 1 : 0
    case GREATER:
      return x !== undefined && isNumberLike(x) && (x as number) > (v as number) ? 1 : 0
    case GREATER_OR_EQUAL:
      return x !== undefined && isNumberLike(x) && (x as number) >= (v as number) ? 1 : 0
    default:
      throw new Error(`Unknown test ${op}`)
  }
}

const noCodes: readonly number[] = []

/**
 * Turns a condition into a synchronous predicate over fact slots (raw values,
 * no codes): for lint and explain, which hold slots only.
 */
export function compileCondition(
  condition: Condition | undefined,
  slotOf: ReadonlyMap<string, number>,
): Predicate {
  const program = createConditionProgram(slotOf)
  const entry = program.add(condition)
  const code = program.finish()
  return (s) => runProgram(code, entry, s, noCodes)
}
