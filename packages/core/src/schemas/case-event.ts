import { z } from 'zod'
import { createParser } from '../validation'
import { caseFieldsSchema, caseSchema, customFieldsSchema, productSchema } from './case'
import { actorSchema, idSchema, keySchema, levelSchema, timeSchema } from './primitives'
import { surveyResponseSchema } from './survey-response'

// What every event carries: a unique id (so ingestion is idempotent), the case
// it belongs to, when it happened, and who did it.
const base = z.object({
  id: idSchema,
  caseId: idSchema,
  at: timeSchema,
  actor: actorSchema,
})

const text = (max = 100_000) => z.string().min(1).max(max)
const event = <TType extends string, TShape extends z.ZodRawShape>(type: TType, shape: TShape) =>
  base.extend({ type: z.literal(type), ...shape })

/** The kinds of solution an agent can propose (stage 6–7 of the standard). */
export const solutionKinds = [
  'remote',
  'repair',
  'onsite',
  'parts',
  'replacement',
  'refund',
  'other',
] as const

/** Why a case was cancelled. */
export const cancelReasons = ['duplicate', 'spam', 'withdrawn', 'other'] as const

/** Who the company is waiting on while a case waits. */
export const waitingOn = ['customer', 'thirdParty'] as const

/** The schema of each case event, by its `type`. */
export const caseEventSchemas = {
  'case.opened': event('case.opened', { case: caseSchema }).refine((e) => e.case.id === e.caseId, {
    message: 'case.id must equal caseId',
    path: ['case', 'id'],
  }),
  'case.updated': event('case.updated', {
    // No defaults here: an omitted field means "unchanged", never "reset".
    changes: z
      .object({
        subject: caseFieldsSchema.shape.subject,
        description: caseFieldsSchema.shape.description.unwrap(),
        channel: keySchema,
        tags: z.array(keySchema),
        custom: customFieldsSchema,
        product: productSchema,
        impact: levelSchema,
        urgency: levelSchema,
      })
      .partial()
      .refine((c) => Object.keys(c).length > 0, {
        message: 'changes must name at least one field',
      }),
  }),
  'case.triaged': event('case.triaged', {
    category: keySchema,
    subcategory: keySchema.optional(),
    priority: keySchema,
    impact: levelSchema.optional(),
    urgency: levelSchema.optional(),
    reason: text(2000).optional(),
  }),
  'case.assigned': event('case.assigned', {
    team: keySchema.optional(),
    assigneeId: idSchema.optional(),
    role: keySchema.optional(),
  }).refine((e) => e.team !== undefined || e.assigneeId !== undefined, {
    message: 'An assignment names a team, an assignee, or both',
    path: ['team'],
  }),
  'agent.replied': event('agent.replied', {
    message: text().optional(),
    channel: keySchema.optional(),
  }),
  'customer.replied': event('customer.replied', {
    message: text().optional(),
    channel: keySchema.optional(),
  }),
  'note.added': event('note.added', { text: text() }),
  'case.waiting': event('case.waiting', {
    on: z.enum(waitingOn),
    reason: text(2000).optional(),
    until: timeSchema.optional(),
  }),
  'case.resumed': event('case.resumed', { reason: text(2000).optional() }),
  'solution.proposed': event('solution.proposed', {
    solutionId: idSchema,
    kind: z.enum(solutionKinds),
    summary: text(5000),
    amount: z.number().nonnegative().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'An ISO 4217 code such as CNY' })
      .optional(),
    eta: timeSchema.optional(),
  }),
  'solution.accepted': event('solution.accepted', { solutionId: idSchema }),
  'solution.rejected': event('solution.rejected', {
    solutionId: idSchema,
    reason: text(2000).optional(),
  }),
  'execution.started': event('execution.started', {
    solutionId: idSchema.optional(),
    plannedAt: timeSchema.optional(),
  }),
  'execution.step': event('execution.step', { step: keySchema, note: text(5000).optional() }),
  'execution.delayed': event('execution.delayed', { newDueAt: timeSchema, reason: text(2000) }),
  'execution.completed': event('execution.completed', { note: text(5000).optional() }),
  'case.resolved': event('case.resolved', {
    resolution: text().optional(),
    code: keySchema.optional(),
  }),
  'resolution.confirmed': event('resolution.confirmed', { auto: z.boolean().default(false) }),
  'resolution.rejected': event('resolution.rejected', { reason: text(2000).optional() }),
  'survey.sent': event('survey.sent', { channel: keySchema.optional() }),
  'survey.answered': event('survey.answered', { response: surveyResponseSchema }).refine(
    (e) => e.response.caseId === e.caseId,
    { message: 'response.caseId must equal caseId', path: ['response', 'caseId'] },
  ),
  'case.closed': event('case.closed', { reason: keySchema.optional() }),
  'case.reopened': event('case.reopened', { reason: text(2000).optional() }),
  'case.cancelled': event('case.cancelled', {
    reason: z.enum(cancelReasons),
    duplicateOf: idSchema.optional(),
    note: text(2000).optional(),
  }),
  'case.escalated': event('case.escalated', {
    level: z.number().int().min(1).optional(),
    to: keySchema.optional(),
    reason: text(2000).optional(),
  }),
  'case.deescalated': event('case.deescalated', {
    level: z.number().int().min(0).optional(),
    reason: text(2000).optional(),
  }),
  'priority.changed': event('priority.changed', {
    priority: keySchema,
    reason: text(2000).optional(),
  }),
  'category.changed': event('category.changed', {
    category: keySchema,
    subcategory: keySchema.optional(),
    reason: text(2000).optional(),
  }),
  'sla.warning': event('sla.warning', {
    metric: keySchema,
    instance: z.number().int().min(0),
    threshold: z.union([z.number(), z.string()]),
  }),
  'sla.breached': event('sla.breached', { metric: keySchema, instance: z.number().int().min(0) }),
} as const

/** Every case event type, in the order of the case's life. */
export const caseEventTypes = Object.keys(caseEventSchemas) as CaseEventType[]

/**
 * Any event in a case's append-only log, discriminated on `type`. The log is
 * the truth: process state, SLA clocks and escalation level are all computed
 * from it.
 */
export const caseEventSchema = z.discriminatedUnion(
  'type',
  Object.values(caseEventSchemas) as unknown as [
    (typeof caseEventSchemas)[keyof typeof caseEventSchemas],
    ...(typeof caseEventSchemas)[keyof typeof caseEventSchemas][],
  ],
)

/** A case event type such as `case.opened` or `agent.replied`. */
export type CaseEventType = keyof typeof caseEventSchemas
/** A parsed case event. */
export type CaseEvent = {
  [K in CaseEventType]: z.output<(typeof caseEventSchemas)[K]>
}[CaseEventType]
/** A case event as accepted by {@link parseCaseEvent}: times as strings or numbers, defaults omitted. */
export type CaseEventInput = {
  [K in CaseEventType]: z.input<(typeof caseEventSchemas)[K]>
}[CaseEventType]
/** The parsed case event of one type, e.g. `CaseEventOf<'case.assigned'>`. */
export type CaseEventOf<TType extends CaseEventType> = Extract<CaseEvent, { type: TType }>

const eventParser = createParser(caseEventSchema, 'CASE_EVENT_INVALID', 'case event')

/**
 * Validates one case event against the schema of its `type`.
 *
 * @throws ServiceKitError `CASE_EVENT_INVALID` with every issue's path.
 * @example
 * ```ts
 * const e = parseCaseEvent({
 *   id: 'evt-2', caseId: 'case-1', type: 'case.assigned',
 *   at: '2026-09-30T18:45:00+08:00',
 *   actor: { id: 'u-7', role: 'supervisor' },
 *   team: 'afterSales',
 * })
 * e.type // 'case.assigned'
 * ```
 */
export const parseCaseEvent = (input: unknown): CaseEvent => eventParser.parse(input) as CaseEvent

/** {@link parseCaseEvent} without throwing. */
export const safeParseCaseEvent = eventParser.safeParse as (
  input: unknown,
) => import('../result').Result<CaseEvent>

/** Whether `event` is of the given type; narrows it. */
export function isCaseEventOf<TType extends CaseEventType>(
  event: CaseEvent,
  type: TType,
): event is CaseEventOf<TType> {
  return event.type === type
}
