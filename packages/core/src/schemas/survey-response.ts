import { z } from 'zod'
import { createParser } from '../validation'
import { idSchema, keySchema, timeSchema } from './primitives'

const score = (min: number, max: number) => z.number().int().min(min).max(max)

/**
 * A follow-up survey answer (回访 / 满意度调查). Satisfaction scores are 1–5
 * as the standard asks; `recommend` is the 0–10 NPS question; `effort` the
 * 1–7 customer-effort question; `dimensions` holds 1–5 scores for a weighted
 * satisfaction index (e.g. `responseSpeed`, `serviceQuality`).
 */
export const surveyResponseSchema = z
  .object({
    id: idSchema,
    caseId: idSchema,
    customerId: idSchema.optional(),
    at: timeSchema,
    channel: keySchema.optional(),
    satisfaction: score(1, 5).optional(),
    resultSatisfaction: score(1, 5).optional(),
    processSatisfaction: score(1, 5).optional(),
    recommend: score(0, 10).optional(),
    effort: score(1, 7).optional(),
    dimensions: z.record(keySchema, score(1, 5)).optional(),
    comment: z.string().max(10_000).optional(),
    otherNeeds: z.string().max(10_000).optional(),
  })
  .refine(
    (r) =>
      r.satisfaction !== undefined ||
      r.resultSatisfaction !== undefined ||
      r.processSatisfaction !== undefined ||
      r.recommend !== undefined ||
      r.effort !== undefined ||
      (r.dimensions !== undefined && Object.keys(r.dimensions).length > 0),
    { message: 'A survey response needs at least one score' },
  )

/** A parsed survey response. */
export type SurveyResponse = z.output<typeof surveyResponseSchema>
/** A survey response as accepted by {@link parseSurveyResponse}. */
export type SurveyResponseInput = z.input<typeof surveyResponseSchema>

const surveyParser = createParser(
  surveyResponseSchema,
  'SURVEY_RESPONSE_INVALID',
  'survey response',
)

/**
 * Validates a survey response.
 *
 * @throws ServiceKitError `SURVEY_RESPONSE_INVALID` with every issue's path.
 * @example
 * ```ts
 * parseSurveyResponse({ id: 's-1', caseId: 'case-1', at: Date.now(), satisfaction: 5, recommend: 9 })
 * ```
 */
export const parseSurveyResponse = (input: unknown): SurveyResponse => surveyParser.parse(input)

/** {@link parseSurveyResponse} without throwing. */
export const safeParseSurveyResponse = surveyParser.safeParse
