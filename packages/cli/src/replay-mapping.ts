import {
  type CaseEventType,
  caseEventTypes,
  fail,
  ok,
  type Result,
  ServiceKitError,
  summarizeIssues,
  toValidationIssues,
} from '@servicekit/core'
import { z } from 'zod'
import { checkTimestampPattern, isTimeZone } from './internal/timestamp'

/**
 * Where a value comes from: a column of the row (optionally cut with a
 * regular expression, translated with `map`, and converted to a type), or the
 * policy's decision for the case (`priority`, `team`, `role`).
 */
export type ValueSource =
  | {
      /** The column (CSV header) or key (JSONL; a dotted path reaches into objects). */
      column: string
      /** A regular expression; the first capture group (or the whole match) is the value. */
      pattern?: string
      /** Translates the raw value (after `pattern`); a value missing from the map is kept. */
      map?: Record<string, string | number | boolean>
      /** The type to convert to; default `string`. */
      type?: 'string' | 'integer' | 'number' | 'boolean'
      /** The value when the cell is missing (empty, or one of the mapping's `missing` markers). */
      default?: string | number | boolean
    }
  | {
      /** What the policy decides for the case, as it stands at that row. */
      decision: 'priority' | 'team' | 'role'
    }

/** A field of an event or a case: a constant, a {@link ValueSource}, or an object of fields. */
export type FieldTemplate =
  | string
  | number
  | boolean
  | ValueSource
  | { [field: string]: FieldTemplate }
  | FieldTemplate[]

/**
 * A servicekit event the replay writes into the case's log. `type` is a case
 * event type; the other fields are the event's payload (see docs/events.md),
 * each a constant or a {@link ValueSource}. A field whose source is missing is
 * left out. `id`, `caseId` and `at` are filled in by the replay.
 */
export interface EventTemplate {
  /** The case event type, e.g. `case.assigned`. */
  type: CaseEventType
  /** Who did it; default the mapping's `actor`. */
  actor?: { id: FieldTemplate; role: FieldTemplate }
  /** Payload fields. */
  [field: string]: FieldTemplate | undefined
}

/** What entering a status writes: events, and other events when coming from given statuses. */
export type StatusMapping =
  | EventTemplate[]
  | 'ignore'
  | {
      /** Events written when the case enters this status. */
      events: EventTemplate[]
      /** Events written instead, when the case comes from one of these statuses. */
      from?: Record<string, EventTemplate[]>
    }

/** How timestamps are written. */
export interface TimestampFormat {
  /** The column. */
  column: string
  /**
   * `iso` (ISO-8601; read in `timeZone` when it has no offset), `epochMs`,
   * `epochSeconds`, or a pattern such as `d/M/yyyy H:mm` (`yyyy`, `M`/`MM`,
   * `d`/`dd`, `H`/`HH`, `m`/`mm`, `s`/`ss`, `SSS`, other characters literal).
   */
  format: string
  /** The IANA time zone of readings without an offset; default `UTC`. */
  timeZone?: string
}

/**
 * How an exported event log maps to servicekit: which column holds the case
 * id, the time, the status, and how statuses and column changes become case
 * events. The logs in `examples/replay/` each come with one. Its JSON Schema is
 * `schemas/replay-mapping.schema.json`.
 */
export interface ReplayMapping {
  /** The JSON Schema the file points at (for editors). */
  $schema?: string
  /** What the mapping is for, and the decisions it makes, for people. */
  description?: string
  /** `csv` or `jsonl`; default from the file's extension (`.jsonl`, `.ndjson` are JSONL). */
  format?: 'csv' | 'jsonl'
  /** CSV settings: the field delimiter (default `,`) and the quote (default `"`). */
  csv?: { delimiter?: string; quote?: string }
  /** Cell values that mean "missing", besides the empty string (e.g. `?`, `NULL`). */
  missing?: string[]
  /** The column holding the case id. Rows of one case must be contiguous. */
  caseId: string
  /** The column holding the time of each row, and how it is written. */
  timestamp: TimestampFormat
  /** A numeric column that orders the rows of a case (rows are sorted by it, stably). */
  order?: string
  /** The column holding the status or activity. */
  status: string
  /** For each status value: the events entering it writes. A status not listed is an error in the row. */
  statuses: Record<string, StatusMapping>
  /** The case as opened on its first row. */
  open: {
    /** When it was opened; default the first row's time. */
    at?: TimestampFormat
    /**
     * The case's fields (core's case schema: `channel`, `category`, `subject`,
     * `customer`, `impact`, `urgency`, `description`, `product`, `custom`, …).
     * A change of a mapped column on a later row writes `case.updated` (or
     * `category.changed` for the category), so the policy and the SLA clocks
     * see the case as the log does.
     */
    case: Record<string, FieldTemplate>
    /** Events written right after `case.opened` (a triage, an assignment). */
    events?: EventTemplate[]
  }
  /**
   * Events written when a column's value changes: on the first row where it
   * has a value, and whenever it changes (a missing value changes nothing).
   * With several columns, a change of any of them writes the events once.
   * With `skipFirst`, the values on the case's first row write nothing. An
   * event that would change nothing (an assignment to the current team and
   * assignee, a priority or category the case already has, an escalation to
   * the level it is at) is not written.
   */
  changes?: {
    column: string | string[]
    /** The events a change writes. */
    events?: EventTemplate[]
    /** Events by the new value (of the first column), instead of `events`; a value not listed writes `events`, if any. */
    values?: Record<string, EventTemplate[]>
    skipFirst?: boolean
  }[]
  /** Facts for the policy beyond the case's own (`customer.*`, `case.*`), by dotted name. */
  facts?: Record<string, ValueSource>
  /** The default actor of the events; default `{ id: 'log', role: 'agent' }`. */
  actor?: { id: FieldTemplate; role: FieldTemplate }
  /** Outcomes the log records, checked row by row against the policy's decision. */
  observed?: { priority?: ValueSource; team?: ValueSource }
  /** Process options the source system implies (the policy holds the ladder and the calendars). */
  process?: {
    /** The policy calendar the process's deadlines run on (a key of its `calendars`). */
    calendar?: string
    /** How long after a close a reopen is accepted (`null`: always). */
    reopenWindow?: unknown
    /** After how much silence a resolution is confirmed automatically (`null`: never). */
    autoConfirmAfter?: unknown
    /** Fields required before triage and before resolving. */
    requiredFields?: {
      triage?: string[]
      triageByCategory?: Record<string, string[]>
      resolve?: ('resolution' | 'code')[]
    }
  }
}

const scalar = z.union([z.string(), z.number(), z.boolean()])
const columnName = z.string().min(1).max(500)

const valueSourceSchema = z
  .union([
    z.strictObject({
      column: columnName,
      pattern: z
        .string()
        .min(1)
        .max(500)
        .refine(
          (p) => {
            try {
              new RegExp(p)
              return true
            } catch {
              return false
            }
          },
          { message: 'Not a valid regular expression' },
        )
        .optional(),
      map: z.record(z.string(), scalar).optional(),
      type: z.enum(['string', 'integer', 'number', 'boolean']).optional(),
      default: scalar.optional(),
    }),
    z.strictObject({ decision: z.enum(['priority', 'team', 'role']) }),
  ])
  .meta({
    id: 'ValueSource',
    description:
      'A column of the row ({ "column", "pattern"?, "map"?, "type"?, "default"? }) or the policy\'s decision ({ "decision": "priority" | "team" | "role" }).',
  })

const fieldTemplateSchema: z.ZodType<FieldTemplate> = z.lazy(() =>
  z
    .union([
      scalar,
      valueSourceSchema,
      z.array(fieldTemplateSchema),
      z.record(z.string(), fieldTemplateSchema),
    ])
    .meta({
      id: 'FieldTemplate',
      description: 'A constant, a value source, a list, or an object of fields.',
    }),
)

const actorSchema = z.strictObject({ id: fieldTemplateSchema, role: fieldTemplateSchema })

const reservedEventFields = new Set(['id', 'caseId', 'at'])
const eventTemplateSchema = z
  .looseObject({
    type: z.enum(caseEventTypes as [CaseEventType, ...CaseEventType[]]),
    actor: actorSchema.optional(),
  })
  .superRefine((e, ctx) => {
    for (const [key, value] of Object.entries(e)) {
      if (key === 'type' || key === 'actor') continue
      if (reservedEventFields.has(key))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" is filled in by the replay; leave it out`,
        })
      else if (!fieldTemplateSchema.safeParse(value).success)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message:
            'A field is a constant, { "column": … }, { "decision": … }, or an object of fields',
        })
    }
  }) as unknown as z.ZodType<EventTemplate>

const events = z.array(eventTemplateSchema).max(50)

const timestampSchema = z
  .strictObject({
    column: columnName,
    format: z.string().min(1).max(100),
    timeZone: z.string().min(1).max(100).optional(),
  })
  .superRefine((t, ctx) => {
    if (!['iso', 'epochMs', 'epochSeconds'].includes(t.format)) {
      const problem = checkTimestampPattern(t.format)
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: ['format'],
          message: `${problem}: use iso, epochMs, epochSeconds, or a pattern such as d/M/yyyy H:mm`,
        })
    }
    if (t.timeZone !== undefined && !isTimeZone(t.timeZone))
      ctx.addIssue({
        code: 'custom',
        path: ['timeZone'],
        message: `Unknown time zone "${t.timeZone}": use an IANA name such as Europe/Rome or UTC`,
      })
  })

/** The zod schema of a replay mapping file. */
export const replayMappingSchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    description: z
      .string()
      .max(20_000)
      .optional()
      .meta({ description: 'What the mapping is for and the choices it makes, for people.' }),
    format: z.enum(['csv', 'jsonl']).optional().meta({
      description: 'The log format; default from the extension (.jsonl, .ndjson: JSONL).',
    }),
    csv: z
      .strictObject({
        delimiter: z.string().min(1).max(5).optional(),
        quote: z.string().length(1).optional(),
      })
      .optional(),
    missing: z.array(z.string().max(100)).max(50).optional().meta({
      description: 'Cell values that mean "missing", besides the empty string (e.g. "?").',
    }),
    caseId: columnName.meta({
      description: "The column of the case id; a case's rows must be contiguous.",
    }),
    timestamp: timestampSchema.meta({
      description: "The column of each row's time, its format and time zone.",
    }),
    order: columnName
      .optional()
      .meta({ description: "A numeric column ordering a case's rows (they are sorted by it)." }),
    status: columnName.meta({ description: 'The column of the status or activity.' }),
    statuses: z
      .record(
        z.string(),
        z.union([
          events,
          z.literal('ignore'),
          z.strictObject({ events, from: z.record(z.string(), events).optional() }),
        ]),
      )
      .refine((s) => Object.keys(s).length > 0, { message: 'Map at least one status' })
      .meta({
        description:
          'For each status: the events entering it writes ([…], or { "events", "from": { "<previous status>": […] } }), or "ignore".',
      }),
    open: z
      .strictObject({
        at: timestampSchema.optional(),
        case: z.record(z.string(), fieldTemplateSchema),
        events: events.optional(),
      })
      .meta({
        description:
          'The case as opened on its first row: when ("at"), its fields ("case"), and the events right after case.opened.',
      }),
    changes: z
      .array(
        z
          .strictObject({
            column: z.union([columnName, z.array(columnName).min(1).max(20)]),
            events: events.min(1).optional(),
            values: z.record(z.string(), events).optional(),
            skipFirst: z.boolean().optional(),
          })
          .refine((c) => c.events !== undefined || c.values !== undefined, {
            message: 'A change writes "events", or events by value ("values")',
          }),
      )
      .max(50)
      .optional(),
    facts: z
      .record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/, {
          message: 'A fact is a dotted name such as customer.tier',
        }),
        valueSourceSchema,
      )
      .optional(),
    actor: actorSchema.optional(),
    observed: z
      .strictObject({ priority: valueSourceSchema.optional(), team: valueSourceSchema.optional() })
      .optional(),
    process: z
      .strictObject({
        calendar: z.string().min(1).optional(),
        reopenWindow: z.unknown().optional(),
        autoConfirmAfter: z.unknown().optional(),
        requiredFields: z
          .strictObject({
            triage: z.array(z.string()).optional(),
            triageByCategory: z.record(z.string(), z.array(z.string())).optional(),
            resolve: z.array(z.enum(['resolution', 'code'])).optional(),
          })
          .optional(),
      })
      .optional(),
  })
  .superRefine((m, ctx) => {
    for (const [status, mapping] of Object.entries(m.statuses)) {
      if (typeof mapping !== 'object' || Array.isArray(mapping) || !mapping.from) continue
      for (const from of Object.keys(mapping.from))
        if (!(from in m.statuses))
          ctx.addIssue({
            code: 'custom',
            path: ['statuses', status, 'from', from],
            message: `"${from}" is not a status of this mapping`,
          })
    }
  })

type ZodIssue = z.core.$ZodIssue & {
  errors?: z.core.$ZodIssue[][]
  issues?: z.core.$ZodIssue[]
}

/**
 * zod reports a value that matches no branch of a union as "Invalid input",
 * and a bad record key as "Invalid key in record", with the real problems
 * nested. Report the nested ones instead: for a union, those of the branch
 * that got furthest (the one the author meant).
 */
function unnest(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue): z.core.$ZodIssue[] => {
    const i = issue as ZodIssue
    if (i.code === 'invalid_union' && i.errors && i.errors.length > 0) {
      const depth = (branch: z.core.$ZodIssue[]) => Math.max(0, ...branch.map((b) => b.path.length))
      const best = [...i.errors].sort((a, b) => depth(b) - depth(a))[0]!
      if (depth(best) === 0) return [issue]
      return unnest(best.map((b) => ({ ...b, path: [...i.path, ...b.path] })))
    }
    if (i.code === 'invalid_key' && i.issues && i.issues.length > 0)
      return unnest(i.issues.map((b) => ({ ...b, path: [...i.path, ...b.path] })))
    return [issue]
  })
}

/**
 * Validates a replay mapping (the parsed JSON, or the file's text).
 *
 * @throws ServiceKitError `REPLAY_MAPPING_INVALID` with every issue's JSON pointer.
 * @example
 * ```ts
 * const mapping = parseReplayMapping(readFileSync('examples/replay/uci-incident.mapping.json', 'utf8'))
 * mapping.caseId // 'number'
 * ```
 */
export function parseReplayMapping(input: unknown): ReplayMapping {
  const result = safeParseReplayMapping(input)
  if (result.success) return result.data
  throw result.error
}

/**
 * {@link parseReplayMapping} without throwing.
 *
 * @example
 * ```ts
 * const result = safeParseReplayMapping({ caseId: 'id' })
 * if (!result.success) result.error.details.issues // [{ pointer: '/timestamp', … }, …]
 * ```
 */
export function safeParseReplayMapping(input: unknown): Result<ReplayMapping> {
  let data = input
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input)
    } catch (cause) {
      return fail(
        new ServiceKitError(
          'REPLAY_MAPPING_INVALID',
          `Invalid replay mapping: not JSON (${(cause as Error).message})`,
          {
            details: {
              issues: [
                { path: [], pointer: '', code: 'invalid_json', message: (cause as Error).message },
              ],
            },
            cause,
          },
        ),
      )
    }
  }
  const result = replayMappingSchema.safeParse(data)
  if (result.success) return ok(result.data as ReplayMapping)
  const issues = toValidationIssues(unnest(result.error.issues))
  return fail(
    new ServiceKitError('REPLAY_MAPPING_INVALID', summarizeIssues('replay mapping', issues), {
      details: { issues },
      cause: result.error,
    }),
  )
}
