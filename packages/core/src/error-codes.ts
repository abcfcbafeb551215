/**
 * Every expected failure in servicekit has a stable code from this table.
 * Codes are the contract; messages are presentation and may change.
 *
 * The table is grouped by the package that raises the code. Add a code here
 * (with one line saying when it is raised) before throwing it anywhere.
 */
export const errorCodes = {
  // core
  CUSTOMER_INVALID: 'A customer record does not match the customer schema.',
  CASE_INVALID: 'A case record does not match the case schema.',
  CASE_EVENT_INVALID: 'A case event does not match the event schema for its type.',
  SURVEY_RESPONSE_INVALID: 'A survey response does not match the survey schema.',
  TIME_INVALID:
    'A time is not a valid Date, a finite epoch-millisecond number, or an ISO-8601 string with an offset.',
  VOCABULARY_INVALID: 'A vocabulary extension is malformed (bad key, missing label, duplicate).',

  // calendar
  CALENDAR_INVALID: 'A calendar definition failed validation.',
  CALENDAR_DURATION_INVALID:
    'A duration is not ISO-8601, { hours, minutes, seconds } or { businessDays }.',
  CALENDAR_NEVER_OPEN: 'The calendar has no open time in the searched range, so no answer exists.',
  CALENDAR_NEVER_CLOSES:
    'The calendar stays open throughout the searched range, so it has no next closing moment.',
  CALENDAR_OUT_OF_RANGE: 'A calendar query needs a moment outside the years 1000 to 9999 (UTC).',

  // policy
  POLICY_INVALID:
    'A policy document failed validation; details list every issue with its JSON pointer.',
  POLICY_FACTS_INVALID: 'Facts passed to a policy do not match the facts the policy declares.',

  // sla
  SLA_HISTORY_INVALID:
    'A case history cannot be evaluated (no case.opened first, events of several cases, out of time order); details name the index.',
  SLA_OPTIONS_INVALID: 'SLA options are invalid: `now` is not a time, or is before the last event.',
  SLA_STATE_INVALID:
    'An SLA state was computed with another policy, or is not an SLA state at all.',
  SLA_PRIORITY_UNKNOWN:
    "The case's history sets a priority that is not one of the policy's levels.",

  // process
  PROCESS_EVENT_REJECTED: 'The current process state does not accept this event; nothing changed.',
  PROCESS_SNAPSHOT_INVALID: 'A persisted process snapshot is malformed or from an unknown machine.',
  PROCESS_SNAPSHOT_VERSION:
    'A persisted process snapshot has a machine version that cannot be migrated.',
  PROCESS_OPTIONS_INVALID: 'Options passed to createServiceProcess are inconsistent.',
  PROCESS_EVENT_CASE_MISMATCH:
    'An event belongs to another case than the log or snapshot it is applied to.',

  // metrics
  METRICS_INVALID_INPUT: 'A metric received a value outside its scale, a non-integer, NaN or null.',
  METRICS_INVALID_OPTIONS:
    'A metric option is out of range or inconsistent (scale, threshold, weights, z, round, bins).',
  METRICS_MERGE_MISMATCH:
    'Two accumulators with different settings (scale, threshold, accuracy) cannot be merged.',

  // cli and replay
  CLI_USAGE: 'The command line is malformed: unknown command, missing argument or bad flag.',
  REPLAY_MAPPING_INVALID: 'A replay mapping file failed validation.',
  REPLAY_INPUT_INVALID: 'An event-log row cannot be read under its mapping (fatal under --strict).',
} as const satisfies Record<string, string>

/** A stable error code, one of the keys of {@link errorCodes}. */
export type ErrorCode = keyof typeof errorCodes
