import type { Condition } from '../condition'
import { type ProgramCode, runProgram, runProgramPartly } from './compile-condition'
import { forEachLeaf, resolveFactName } from './conditions'
import type { CodeTables } from './fact-reader'

/**
 * A section's rules decided ahead for every combination of the facts they
 * read, when every such fact has a (small) set of allowed values: a decision
 * then finds the rules that hold with one index computed from the facts'
 * codes instead of testing each rule. The table is filled when the engine is
 * made, by running the same compiled conditions on each combination, so it
 * decides exactly as they do.
 */
export interface StageTable {
  /**
   * The coded slots the rules read, and the weight of each one's code in the
   * index (padded to four with slot 0 and weight 0 when fewer, so the index is
   * one sum without a loop).
   */
  readonly slots: readonly number[]
  readonly strides: readonly number[]
  /** The first four slots and strides again, as fields: read without going through the arrays. */
  readonly s0: number
  readonly s1: number
  readonly s2: number
  readonly s3: number
  readonly w0: number
  readonly w1: number
  readonly w2: number
  readonly w3: number
  /**
   * The rules that hold for each combination, in order, each list ended by -1,
   * one after another; combination `e`'s starts at `start[e]`. When
   * `partly`, a rule `i` written `-i - 2` has its condition still to test.
   */
  readonly hits: readonly number[]
  readonly start: readonly number[]
  /** Whether some rule also reads facts the table does not decide (see `hits`). */
  readonly partly: boolean
}

// Tables larger than this (combinations of the facts' codes), or costing more condition runs
// to fill, are not built; the rules are tested instead.
const maxCombinations = 1024
const maxRuns = 65_536
// The most tests visited to fill a table whose rules also read undecided facts.
const maxVisits = 1 << 20

/**
 * Builds the {@link StageTable} of a section's rules (their conditions and
 * program entries), keeping only the first hit when `stopAtFirst`; undefined
 * when a rule reads a fact without allowed values or there are too many
 * combinations.
 */
export function compileStageTable(
  conditions: readonly (Condition | undefined)[],
  entries: readonly number[],
  code: ProgramCode,
  stopAtFirst: boolean,
  slotOf: ReadonlyMap<string, number>,
  codeTables: CodeTables,
  slotCount: number,
): StageTable | undefined {
  const read = new Set<number>()
  let partly = false
  for (const c of conditions)
    if (c)
      forEachLeaf(c, [], (leaf) => {
        const r = resolveFactName(leaf)
        const slot = 'name' in r ? slotOf.get(r.name) : undefined
        const coded = slot === undefined ? undefined : codeTables.get(slot)
        // An array fact's code tells its items, not their order: only contains reads it.
        const byItems = leaf.operator === 'contains' || leaf.operator === 'doesNotContain'
        if (coded === undefined || coded.items !== byItems) partly = true
        else read.add(slot!)
      })
  if (read.size === 0) return undefined
  const slots = [...read]
  // A test is decided by the table when it reads a scalar coded fact, or a coded array by its items.
  const decides = (slot: number, itemTest: boolean) =>
    read.has(slot) && codeTables.get(slot)!.items === itemTest
  const strides: number[] = []
  let total = 1
  for (const slot of slots) {
    const { codeOf, items } = codeTables.get(slot)!
    strides.push(total)
    total *= items ? 2 ** codeOf.size + 1 : codeOf.size + 1
    if (total > maxCombinations || total * entries.length > maxRuns) return undefined
  }
  // Each fact's value by code: absent for 0, else the allowed value (or the array of allowed items) it codes.
  const valuesOf = slots.map((slot) => {
    const { codeOf, items } = codeTables.get(slot)!
    const values = [...codeOf.keys()]
    if (!items) return [undefined, ...values]
    const held = (mask: number) => values.filter((_, k) => (mask >> k) & 1)
    return [undefined, ...Array.from({ length: 2 ** values.length }, (_, mask) => held(mask))]
  })

  const factValues: unknown[] = new Array(slotCount).fill(undefined)
  const codes = Array.from({ length: slotCount }, () => 0)
  const hits: number[] = []
  const budget = { left: maxVisits }
  const start: number[] = []
  for (let e = 0; e < total; e++) {
    slots.forEach((slot, j) => {
      const k = Math.floor(e / strides[j]!) % valuesOf[j]!.length
      codes[slot] = k
      factValues[slot] = valuesOf[j]![k]
    })
    start.push(hits.length)
    for (let i = 0; i < entries.length; i++) {
      const holds = partly
        ? runProgramPartly(code, entries[i]!, factValues, codes, decides, budget)
        : runProgram(code, entries[i]!, factValues, codes)
          ? 1
          : 0
      if (holds === 0) continue
      hits.push(holds === 1 ? i : -i - 2)
      if (holds === 1 && stopAtFirst) break
    }
    hits.push(-1)
    if (budget.left < 0) return undefined
  }
  while (slots.length < 4) {
    slots.push(0)
    strides.push(0)
  }
  const [s0, s1, s2, s3] = slots as [number, number, number, number]
  const [w0, w1, w2, w3] = strides as [number, number, number, number]
  return { slots, strides, s0, s1, s2, s3, w0, w1, w2, w3, hits, start, partly }
}

/** A section's rules as a decision runs them: their program entries, and their table when there is one. */
export interface Stage {
  readonly entries: readonly number[]
  readonly table: StageTable | undefined
  readonly stopAtFirst: boolean
}

/**
 * Where the indices of the rules that hold start, in order (only the first
 * when `stopAtFirst`) and ended by -1: in the stage's table's `hits`, or, for
 * a stage without a table, in `out` (at least one longer than the rules), where
 * they are written by running each rule's condition. See {@link heldIn}.
 */
export function rulesThatHold(
  stage: Stage,
  code: ProgramCode,
  slots: readonly unknown[],
  codes: readonly number[],
  out: number[],
): number {
  const t = stage.table
  if (t !== undefined) {
    let e = codes[t.s0]! * t.w0 + codes[t.s1]! * t.w1 + codes[t.s2]! * t.w2 + codes[t.s3]! * t.w3
    const s = t.slots
    for (let j = 4; j < s.length; j++) e += codes[s[j]!]! * t.strides[j]!
    return t.partly ? testListed(stage, t.hits, t.start[e]!, code, slots, codes, out) : t.start[e]!
  }
  let n = 0
  const entries = stage.entries
  for (let i = 0; i < entries.length; i++) {
    if (!runProgram(code, entries[i]!, slots, codes)) continue
    out[n++] = i
    if (stage.stopAtFirst) break
  }
  out[n] = -1
  return 0
}

/** The list {@link rulesThatHold} writes to or reads from for a stage: its table's, or `out`. */
export function heldIn(stage: Stage, out: number[]): readonly number[] {
  return stage.table === undefined || stage.table.partly ? out : stage.table.hits
}

// Copies a partly decided table's list to `out`, keeping the rules it marks only when they hold.
function testListed(
  stage: Stage,
  hits: readonly number[],
  from: number,
  code: ProgramCode,
  slots: readonly unknown[],
  codes: readonly number[],
  out: number[],
): 0 {
  let n = 0
  for (let k = from; hits[k] !== -1; k++) {
    let i = hits[k]!
    if (i < 0) {
      i = -i - 2
      if (!runProgram(code, stage.entries[i]!, slots, codes)) continue
    }
    out[n++] = i
    if (stage.stopAtFirst) break
  }
  out[n] = -1
  return 0
}
