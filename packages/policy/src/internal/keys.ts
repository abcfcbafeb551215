import { z } from 'zod'

/** A key a policy author names things with: rule ids, priorities, teams, roles, metrics. */
export const policyKeySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, {
  message: 'A key is letters, digits, "_", "-" or "." (up to 128), starting with a letter or digit',
})

/** Labels in English and simplified Chinese. */
export const labelsSchema = z.strictObject({
  en: z.string().min(1).max(200),
  'zh-CN': z.string().min(1).max(200),
})

/** An optional description for people. */
export const descriptionSchema = z.string().max(5000).optional()
