import { z } from 'zod'
import { ServiceKitError } from '../errors'
import type { Result } from '../result'
import { type Case, caseSchema } from '../schemas/case'
import { type CaseEvent, caseEventSchema } from '../schemas/case-event'
import { createParser } from '../validation'
import type { CategoryLabels, Labels, VocabularyDefinition, VocabularyKind } from './types'

/** What a company may add to a vocabulary: keys of every kind but tiers, and typed custom fields. */
export interface VocabularyExtension<TCustom extends z.ZodRawShape = z.ZodRawShape>
  extends Omit<VocabularyDefinition, 'tiers'> {
  /** zod schemas of the company's own case fields, stored under `case.custom`. */
  customFields?: TCustom
}

/** A case whose custom fields have the vocabulary's declared types. */
export type VocabularyCase<TCustom extends z.ZodRawShape> = Omit<Case, 'custom'> & {
  custom: z.output<z.ZodObject<TCustom>>
}

/**
 * A set of known keys with their labels, and strict parsers that accept only
 * those keys and the declared custom fields.
 */
export interface Vocabulary<TCustom extends z.ZodRawShape = Record<never, never>> {
  /** The plain-data definition, frozen. */
  readonly definition: Readonly<VocabularyDefinition>
  /**
   * The label of a key such as `channel.phone`, `category.afterSales` or
   * `category.afterSales.quality`, in `locale` (default `en`). A missing
   * locale falls back to English; an unknown key is returned unchanged, as
   * i18n libraries do.
   */
  label(key: string, locale?: string): string
  /** Whether the key has a label in `locale` (without falling back). */
  hasLabel(key: string, locale?: string): boolean
  /** The keys of one kind, e.g. `keys('channel')` → `['phone', 'email', …]`. */
  keys(kind: VocabularyKind): string[]
  /** The sub-category keys of a category. */
  subcategories(category: string): string[]
  /** Every label key, e.g. `channel.phone`, for listing and tests. */
  labelKeys(): string[]
  /** A case schema that accepts only this vocabulary's keys and custom fields. */
  readonly caseSchema: z.ZodType<VocabularyCase<TCustom>>
  /** Validates a case against this vocabulary; throws `CASE_INVALID`. */
  parseCase(input: unknown): VocabularyCase<TCustom>
  /** {@link Vocabulary.parseCase} without throwing. */
  safeParseCase(input: unknown): Result<VocabularyCase<TCustom>>
  /** Validates an event, checking every key it carries; throws `CASE_EVENT_INVALID`. */
  parseCaseEvent(input: unknown): CaseEvent
  /** {@link Vocabulary.parseCaseEvent} without throwing. */
  safeParseCaseEvent(input: unknown): Result<CaseEvent>
  /** A new vocabulary with more keys, relabelled keys, or more custom fields. */
  extend<TMore extends z.ZodRawShape = Record<never, never>>(
    extension: VocabularyExtension<TMore>,
  ): Vocabulary<TCustom & TMore>
}

const keyPattern = /^[A-Za-z][A-Za-z0-9_-]*$/
const labelsSchema = z.looseObject({ en: z.string().min(1), 'zh-CN': z.string().min(1).optional() })
const labelMap = z.record(
  z
    .string()
    .regex(keyPattern, { message: 'A key is a letter followed by letters, digits, - or _' }),
  labelsSchema,
)
const definitionSchema = z.object({
  channels: labelMap.optional(),
  categories: z
    .record(
      z.string().regex(keyPattern),
      labelsSchema.extend({ subcategories: labelMap.optional() }),
    )
    .optional(),
  priorities: labelMap.optional(),
  tiers: labelMap.optional(),
  roles: labelMap.optional(),
  teams: labelMap.optional(),
  flags: labelMap.optional(),
  customFields: z
    .record(
      z.string().regex(keyPattern),
      z.custom<z.ZodType>((v) => v instanceof z.ZodType),
    )
    .optional(),
})
const validateDefinition = createParser(definitionSchema, 'VOCABULARY_INVALID', 'vocabulary')

const sections = {
  channel: 'channels',
  category: 'categories',
  priority: 'priorities',
  tier: 'tiers',
  role: 'roles',
  team: 'teams',
  flag: 'flags',
} as const satisfies Record<VocabularyKind, keyof VocabularyDefinition>

/**
 * Creates a vocabulary from scratch. Most companies want
 * `standardVocabulary.extend(...)` instead, which keeps the standard keys.
 *
 * @throws ServiceKitError `VOCABULARY_INVALID` for a malformed key or a missing English label.
 * @example
 * ```ts
 * const vocab = createVocabulary({ channels: { hotline: { en: 'Hotline', 'zh-CN': '热线' } } })
 * vocab.label('channel.hotline', 'zh-CN') // '热线'
 * ```
 */
export function createVocabulary<TCustom extends z.ZodRawShape = Record<never, never>>(
  definition: VocabularyDefinition & { customFields?: TCustom },
): Vocabulary<TCustom> {
  const { customFields, ...plain } = validateDefinition.parse(
    definition,
  ) as VocabularyDefinition & {
    customFields?: TCustom
  }
  return build(plain, (customFields ?? {}) as TCustom)
}

function build<TCustom extends z.ZodRawShape>(
  definition: VocabularyDefinition,
  customFields: TCustom,
): Vocabulary<TCustom> {
  const frozen = deepFreeze(structuredClone(definition))
  const labels = new Map<string, Labels>()
  for (const [kind, section] of Object.entries(sections) as [
    VocabularyKind,
    keyof VocabularyDefinition,
  ][]) {
    for (const [key, entry] of Object.entries(frozen[section] ?? {})) {
      labels.set(`${kind}.${key}`, entry)
      const subs = (entry as { subcategories?: Record<string, Labels> }).subcategories
      for (const [sub, subLabels] of Object.entries(subs ?? {}))
        labels.set(`${kind}.${key}.${sub}`, subLabels)
    }
  }
  const keys = (kind: VocabularyKind) => Object.keys(frozen[sections[kind]] ?? {})
  const subcategories = (category: string) =>
    Object.keys(frozen.categories?.[category]?.subcategories ?? {})

  const known = (kind: VocabularyKind, key: string) =>
    Object.hasOwn(frozen[sections[kind]] ?? {}, key)
  const check = (
    ctx: z.RefinementCtx,
    kind: VocabularyKind,
    key: string | undefined,
    path: PropertyKey[],
  ) => {
    if (key === undefined || known(kind, key)) return
    ctx.addIssue({
      code: 'custom',
      path,
      message: `Unknown ${kind} "${key}"; known: ${keys(kind).join(', ')}`,
    })
  }
  const checkSub = (
    ctx: z.RefinementCtx,
    category: string,
    sub: string | undefined,
    path: PropertyKey[],
  ) => {
    if (sub === undefined || !known('category', category) || subcategories(category).includes(sub))
      return
    const allowed = subcategories(category)
    ctx.addIssue({
      code: 'custom',
      path,
      message: `Unknown subcategory "${sub}" of ${category}; known: ${allowed.length ? allowed.join(', ') : '(none)'}`,
    })
  }
  const checkCase = (c: Case, ctx: z.RefinementCtx, at: PropertyKey[]) => {
    check(ctx, 'channel', c.channel, [...at, 'channel'])
    check(ctx, 'category', c.category, [...at, 'category'])
    checkSub(ctx, c.category, c.subcategory, [...at, 'subcategory'])
    check(ctx, 'priority', c.priority, [...at, 'priority'])
  }

  const customSchema = z.strictObject(customFields)
  const strictCase = caseSchema
    .extend({ custom: customSchema.default({} as never) })
    .superRefine((c, ctx) => checkCase(c as Case, ctx, [])) as unknown as z.ZodType<
    VocabularyCase<TCustom>
  >

  const strictEvent = caseEventSchema.superRefine((e, ctx) => {
    check(ctx, 'role', e.actor.role, ['actor', 'role'])
    switch (e.type) {
      case 'case.opened': {
        checkCase(e.case, ctx, ['case'])
        const custom = customSchema.safeParse(e.case.custom)
        for (const issue of custom.success ? [] : custom.error.issues) {
          ctx.addIssue({
            code: 'custom',
            path: ['case', 'custom', ...issue.path],
            message: issue.message,
          })
        }
        break
      }
      case 'case.triaged':
      case 'category.changed':
        check(ctx, 'category', e.category, ['category'])
        checkSub(ctx, e.category, e.subcategory, ['subcategory'])
        if (e.type === 'case.triaged') check(ctx, 'priority', e.priority, ['priority'])
        break
      case 'priority.changed':
        check(ctx, 'priority', e.priority, ['priority'])
        break
      case 'case.assigned':
        check(ctx, 'team', e.team, ['team'])
        check(ctx, 'role', e.role, ['role'])
        break
      case 'case.escalated':
        check(ctx, 'role', e.to, ['to'])
        break
      case 'agent.replied':
      case 'customer.replied':
        check(ctx, 'channel', e.channel, ['channel'])
        break
    }
  }) as unknown as z.ZodType<CaseEvent>

  const caseParser = createParser(strictCase, 'CASE_INVALID', 'case')
  const eventParser = createParser(strictEvent, 'CASE_EVENT_INVALID', 'case event')

  return {
    definition: frozen,
    label(key, locale = 'en') {
      const entry = labels.get(key)
      if (!entry) return key
      const text = (entry as unknown as Record<string, unknown>)[locale]
      return typeof text === 'string' ? text : entry.en
    },
    hasLabel: (key, locale = 'en') =>
      typeof (labels.get(key) as unknown as Record<string, unknown> | undefined)?.[locale] ===
      'string',
    keys,
    subcategories,
    labelKeys: () => [...labels.keys()],
    caseSchema: strictCase,
    parseCase: caseParser.parse,
    safeParseCase: caseParser.safeParse,
    parseCaseEvent: eventParser.parse,
    safeParseCaseEvent: eventParser.safeParse,
    extend(extension) {
      if ('tiers' in extension) {
        // Tiers are a closed set (key | potential | ordinary) that policies rely on.
        const message =
          'Customer tiers are a closed set (key, potential, ordinary) and cannot be extended'
        throw new ServiceKitError('VOCABULARY_INVALID', message, {
          details: { issues: [{ path: ['tiers'], pointer: '/tiers', code: 'custom', message }] },
        })
      }
      const { customFields: more, ...plain } = validateDefinition.parse(
        extension,
      ) as VocabularyExtension<never>
      return build(mergeDefinitions(frozen, plain), { ...customFields, ...(more ?? {}) }) as never
    },
  }
}

function mergeDefinitions(
  base: VocabularyDefinition,
  extra: VocabularyDefinition,
): VocabularyDefinition {
  const merged: Record<string, Record<string, CategoryLabels>> = {}
  for (const section of Object.values(sections)) {
    const target = { ...(base[section] as Record<string, CategoryLabels> | undefined) }
    for (const [key, entry] of Object.entries(
      (extra[section] ?? {}) as Record<string, CategoryLabels>,
    )) {
      const previous = target[key]
      const subcategories = { ...previous?.subcategories, ...entry.subcategories }
      target[key] = {
        ...previous,
        ...entry,
        ...(Object.keys(subcategories).length ? { subcategories } : {}),
      }
    }
    if (Object.keys(target).length > 0) merged[section] = target
  }
  return merged as VocabularyDefinition
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
