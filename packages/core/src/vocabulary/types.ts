/** A locale servicekit ships labels for. Other locales fall back to `en`. */
export type Locale = 'en' | 'zh-CN'

/**
 * A key's labels: English is required and simplified Chinese expected; a
 * label in another locale may be added under its BCP 47 tag (e.g. `'de'`).
 */
export interface Labels {
  en: string
  'zh-CN'?: string
}

/** A category's labels, with its sub-categories. */
export interface CategoryLabels extends Labels {
  subcategories?: Record<string, Labels>
}

/** The kinds of keys a vocabulary holds; each is the prefix of its label keys. */
export const vocabularyKinds = [
  'channel',
  'category',
  'priority',
  'tier',
  'role',
  'team',
  'flag',
] as const

/** A kind of vocabulary key. */
export type VocabularyKind = (typeof vocabularyKinds)[number]

/** The plain-data form of a vocabulary (or of an extension to one). */
export interface VocabularyDefinition {
  channels?: Record<string, Labels>
  categories?: Record<string, CategoryLabels>
  priorities?: Record<string, Labels>
  tiers?: Record<string, Labels>
  roles?: Record<string, Labels>
  teams?: Record<string, Labels>
  flags?: Record<string, Labels>
}
