import { type Condition, isFactCondition } from '../../condition'
import type { FactDeclaration, FactValue } from '../../facts'
import { resolveFactName } from '../conditions'

/**
 * A small model finder for lint: it enumerates representative values of the
 * facts some conditions read (each allowed value, each constant a condition
 * compares with and its neighbours, "absent", "something else") and
 * evaluates the compiled conditions on every combination. Over these values a
 * condition behaves as it would on any input, so "no combination satisfies
 * it" means "it can never hold". Above a size limit it answers `unknown`.
 */
export interface ModelFinder {
  /** A slot assignment satisfying every predicate (`want` true) and falsifying the others, or undefined if none; `unknown` when too large to search. */
  find(
    constraints: readonly {
      test: (s: readonly unknown[]) => boolean
      want: boolean
      slots: readonly number[]
    }[],
  ): unknown[] | undefined | 'unknown'
}

const limit = 60_000
const other = '\u0000other'

/** Builds the candidate values of every slot from the declarations and every constant in the conditions. */
export function createModelFinder(
  slotOf: ReadonlyMap<string, number>,
  declarations: ReadonlyMap<number, FactDeclaration>,
  conditions: readonly Condition[],
): ModelFinder {
  const constants = new Map<number, Set<FactValue>>()
  const visit = (c: Condition) => {
    if (isFactCondition(c)) {
      const r = resolveFactName(c)
      const slot = 'name' in r ? slotOf.get(r.name) : undefined
      if (slot === undefined) return
      const set = constants.get(slot) ?? new Set()
      for (const v of Array.isArray(c.value) ? c.value : [c.value]) set.add(v)
      constants.set(slot, set)
    } else if ('not' in c) visit(c.not)
    else for (const x of 'all' in c ? c.all : c.any) visit(x)
  }
  conditions.forEach(visit)
  const domains = new Map<number, unknown[]>()
  const domainOf = (slot: number): unknown[] => {
    let d = domains.get(slot)
    if (!d) {
      d = candidates(declarations.get(slot), [...(constants.get(slot) ?? [])])
      domains.set(slot, d)
    }
    return d
  }
  return {
    find(constraints) {
      const slots = [...new Set(constraints.flatMap((c) => c.slots))]
      const ds = slots.map(domainOf)
      if (ds.reduce((n, d) => n * d.length, 1) > limit) return 'unknown'
      const s: unknown[] = []
      const idx = slots.map(() => 0)
      for (;;) {
        for (let k = 0; k < slots.length; k++) s[slots[k]!] = ds[k]![idx[k]!]
        if (constraints.every((c) => c.test(s) === c.want)) return [...s]
        let k = 0
        while (k < slots.length && ++idx[k]! >= ds[k]!.length) idx[k++] = 0
        if (k === slots.length) return undefined
      }
    },
  }
}

function candidates(decl: FactDeclaration | undefined, consts: FactValue[]): unknown[] {
  const out: unknown[] = decl?.required ? [] : [undefined]
  if (!decl) return [...out, ...consts, other]
  if (decl.type === 'array') {
    const items = decl.values ?? [...consts, other]
    const lists: unknown[][] = [[]]
    if (items.length <= 4) {
      for (let mask = 1; mask < 1 << items.length; mask++)
        lists.push(items.filter((_, i) => mask & (1 << i)))
    } else {
      for (const v of items) lists.push([v])
      lists.push([...items])
    }
    return [...out, ...lists]
  }
  if (decl.values) return [...out, ...decl.values]
  if (decl.type === 'boolean') return [...out, true, false]
  if (decl.type === 'string') return [...out, ...consts.filter((c) => typeof c === 'string'), other]
  const step = decl.type === 'integer' ? 1 : 0.5
  const nums = new Set<number>([0])
  for (const c of consts)
    if (typeof c === 'number') for (const d of [-step, 0, step]) nums.add(c + d)
  return [...out, ...[...nums].filter((n) => decl.type !== 'integer' || Number.isInteger(n))]
}

/** The slots a condition reads. */
export function slotsOf(c: Condition | undefined, slotOf: ReadonlyMap<string, number>): number[] {
  if (!c) return []
  if (isFactCondition(c)) {
    const r = resolveFactName(c)
    const slot = 'name' in r ? slotOf.get(r.name) : undefined
    return slot === undefined ? [] : [slot]
  }
  if ('not' in c) return slotsOf(c.not, slotOf)
  return [...new Set(('all' in c ? c.all : c.any).flatMap((x) => slotsOf(x, slotOf)))]
}
