import { createVocabulary, type Vocabulary } from './create-vocabulary'
import { standardDefinition } from './standard'

/**
 * The standard vocabulary: channels, categories and sub-categories,
 * priorities, customer tiers, roles, teams and urgent flags of the service
 * standard, labelled in `en` and `zh-CN`.
 *
 * @example
 * ```ts
 * const vocab = standardVocabulary.extend({
 *   channels: { wechat: { en: 'WeChat', 'zh-CN': '微信' } },
 * })
 * vocab.keys('channel').includes('wechat') // true
 * ```
 */
export const standardVocabulary: Vocabulary = createVocabulary(standardDefinition)

/**
 * The label of a standard key in a locale (default `en`), e.g.
 * `label('priority.urgent', 'zh-CN')` → `'紧急'`. Keys are `<kind>.<key>`,
 * sub-categories `category.<category>.<subcategory>`. A company's own keys
 * are labelled by its extended vocabulary's `label`.
 *
 * @example
 * ```ts
 * label('channel.phone', 'zh-CN') // '电话'
 * label('category.afterSales.quality') // 'Quality problem'
 * ```
 */
export function label(key: string, locale?: string): string {
  return standardVocabulary.label(key, locale)
}
