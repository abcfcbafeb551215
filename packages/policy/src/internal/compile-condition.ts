import { type Condition, isFactCondition } from '../condition'
import type { FactValue } from '../facts'
import { resolveFactName } from './conditions'

/** A compiled condition: reads fact slots, never the facts object. */
export type Predicate = (slots: readonly unknown[]) => boolean

const always: Predicate = () => true

// json-rules-engine's numberValidator: the fact must parse as a number.
const isNumberLike = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN'

/**
 * Turns a condition into a synchronous closure with json-rules-engine's
 * semantics (`===` for equal, `indexOf` for in and contains, a number check
 * before the numeric operators). The policy is validated, so every fact is
 * in `slotOf` and every operator is known.
 */
export function compileCondition(
  condition: Condition | undefined,
  slotOf: ReadonlyMap<string, number>,
): Predicate {
  if (condition === undefined) return always
  if (!isFactCondition(condition)) {
    if ('not' in condition) {
      const inner = compileCondition(condition.not, slotOf)
      return (s) => !inner(s)
    }
    const isAll = 'all' in condition
    const parts = (isAll ? condition.all : condition.any).map((c) => compileCondition(c, slotOf))
    if (parts.length === 1) return parts[0]!
    if (parts.length === 2) {
      const [a, b] = parts as [Predicate, Predicate]
      return isAll ? (s) => a(s) && b(s) : (s) => a(s) || b(s)
    }
    const n = parts.length
    return isAll
      ? (s) => {
          for (let i = 0; i < n; i++) if (!parts[i]!(s)) return false
          return true
        }
      : (s) => {
          for (let i = 0; i < n; i++) if (parts[i]!(s)) return true
          return false
        }
  }
  const resolved = resolveFactName(condition)
  const i = 'name' in resolved ? slotOf.get(resolved.name) : undefined
  if (i === undefined) throw new Error(`Unresolved fact in a validated policy: ${condition.fact}`)
  const v = condition.value
  switch (condition.operator) {
    case 'equal':
      return (s) => s[i] === v
    case 'notEqual':
      return (s) => s[i] !== v
    case 'in': {
      const list = v as FactValue[]
      return (s) => list.indexOf(s[i] as FactValue) > -1
    }
    case 'notIn': {
      const list = v as FactValue[]
      return (s) => list.indexOf(s[i] as FactValue) === -1
    }
    case 'contains':
      return (s) => {
        const a = s[i]
        return Array.isArray(a) && a.indexOf(v) > -1
      }
    case 'doesNotContain':
      return (s) => {
        const a = s[i]
        return Array.isArray(a) && a.indexOf(v) === -1
      }
    case 'lessThan':
      return (s) => isNumberLike(s[i]) && (s[i] as number) < (v as number)
    case 'lessThanInclusive':
      return (s) => isNumberLike(s[i]) && (s[i] as number) <= (v as number)
    case 'greaterThan':
      return (s) => isNumberLike(s[i]) && (s[i] as number) > (v as number)
    case 'greaterThanInclusive':
      return (s) => isNumberLike(s[i]) && (s[i] as number) >= (v as number)
    default:
      throw new Error(`Unknown operator in a validated policy: ${String(condition.operator)}`)
  }
}
