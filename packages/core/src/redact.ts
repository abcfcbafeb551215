import { normalizeKey, personalDataPatterns, personalKeys } from './internal/personal-data-patterns'

/** The kinds of personal data {@link redact} recognises. */
export type PersonalDataKind = 'name' | 'phone' | 'email' | 'address' | 'idCard' | 'contact'

/** Options for {@link redact}. */
export interface RedactOptions {
  /**
   * What replaces a piece of personal data. The default is
   * `[redacted:<kind>]`; pass e.g. a partial mask such as `138****8000` if
   * your logs need one.
   */
  mask?: (kind: PersonalDataKind, original: string) => string
  /** More keys whose values are always personal data, e.g. `{ dealerContact: 'name' }`. */
  keys?: Readonly<Record<string, PersonalDataKind>>
}

const defaultMask = (kind: PersonalDataKind) => `[redacted:${kind}]`
const contactKinds: Readonly<Record<string, PersonalDataKind>> = {
  phone: 'phone',
  email: 'email',
  address: 'address',
  wechat: 'contact',
  other: 'contact',
}

/**
 * Returns a copy of `value` with customer personal data masked, for logs and
 * exports (the standard's first principle: 尊重隐私, 信息保密).
 *
 * - Values under personal keys (`name`, `phone`, `email`, `address`,
 *   `idCard`, … in any casing) are masked whatever they hold; numbers there
 *   become mask strings.
 * - A contact `{ kind: 'phone' | 'email' | 'address' | …, value }` has its
 *   `value` masked.
 * - Inside every other string, e-mail addresses, phone numbers (mainland
 *   mobiles such as `138 0013 8000` and `+86` forms, landlines, international
 *   `+` numbers), resident ID-card numbers and street addresses are masked
 *   where they stand. Street-address matching is heuristic and may take a
 *   word or two before the address with it.
 * - Ids, other numbers, booleans and `Date`s are left alone. The input is
 *   never modified; cycles are preserved.
 *
 * @example
 * ```ts
 * redact({ customer: { name: '王芳', contacts: [{ kind: 'phone', value: '138 0013 8000' }] }, note: 'call +86 13800138000' })
 * // { customer: { name: '[redacted:name]', contacts: [{ kind: 'phone', value: '[redacted:phone]' }] },
 * //   note: 'call [redacted:phone]' }
 * ```
 */
export function redact<T>(value: T, options: RedactOptions = {}): T {
  const mask = options.mask ?? defaultMask
  const extraKeys = new Map(
    Object.entries(options.keys ?? {}).map(([k, kind]) => [normalizeKey(k), kind]),
  )
  const kindOfKey = (key: string) => {
    const normalized = normalizeKey(key)
    return extraKeys.get(normalized) ?? personalKeys.get(normalized)
  }
  const seen = new WeakMap<object, unknown>()

  const maskWhole = (kind: PersonalDataKind, v: unknown): unknown => {
    if (v === null || v === undefined || typeof v === 'boolean') return v
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint')
      return mask(kind, String(v))
    if (Array.isArray(v)) return v.map((item) => maskWhole(kind, item))
    // A nested object under a personal key (e.g. address: { street, city }): mask every leaf.
    if (isPlainObject(v))
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, maskWhole(kind, item)]))
    return v
  }

  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, mask)
    if (v === null || typeof v !== 'object') return v
    if (seen.has(v)) return seen.get(v)
    if (Array.isArray(v)) {
      const out: unknown[] = []
      seen.set(v, out)
      for (const item of v) out.push(visit(item))
      return out
    }
    if (!isPlainObject(v)) return v
    const out: Record<string, unknown> = {}
    seen.set(v, out)
    const contactKind =
      typeof v.kind === 'string' && 'value' in v ? contactKinds[v.kind] : undefined
    for (const [key, item] of Object.entries(v)) {
      const kind = key === 'value' && contactKind ? contactKind : kindOfKey(key)
      out[key] = kind ? maskWhole(kind, item) : visit(item)
    }
    return out
  }
  return visit(value) as T
}

/**
 * Masks personal data inside one piece of free text (see {@link redact}).
 *
 * @example
 * ```ts
 * redactText('Reach me at li.lei@example.com or 138-0013-8000')
 * // 'Reach me at [redacted:email] or [redacted:phone]'
 * ```
 */
export function redactText(text: string, mask: RedactOptions['mask'] = defaultMask): string {
  let out = text
  for (const [kind, pattern] of personalDataPatterns) {
    out = out.replace(pattern, (match) => mask(kind, match))
  }
  return out
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}
