import { type Calendar, createCalendar } from '@servicekit/calendar'
import {
  ServiceKitError,
  summarizeIssues,
  toJsonPointer,
  type ValidationErrorDetails,
  type ValidationIssue,
} from '@servicekit/core'
import type { Policy } from '@servicekit/policy'
import { reservedStateIds } from './internal/resolve-options'
import type { AuthorityLimit, EscalationLevel, ProcessOptions } from './options'

/** Options of {@link processOptionsFromPolicy}: the process options a policy does not hold. */
export interface ProcessOptionsFromPolicyOptions
  extends Omit<ProcessOptions, 'escalationLevels' | 'calendar'> {
  /**
   * The calendar the process's deadlines (reopen window, automatic
   * confirmation) run on: a key of the policy's `calendars`, or a `Calendar`.
   * Omitted: the policy's only calendar; none when it has no calendar. A
   * policy with several calendars must name one.
   */
  calendar?: string | Calendar
  /** What each escalation level may promise, by the policy's level id; omitted levels have no limit. */
  levelAuthority?: Readonly<Record<string, AuthorityLimit>>
}

const stateIdPattern = /^[A-Za-z][A-Za-z0-9_-]*$/

/**
 * The process options a policy implies: its escalation ladder
 * (`escalation.levels`, lowest first, with their roles and labels) and its
 * calendar (through `createCalendar`). Pass the result to
 * `createServiceProcess`, so the process and the policy agree on levels and
 * business time.
 *
 * A level's process state id is its policy id with each `.` replaced by `_`
 * (process state ids cannot hold a dot: XState uses it for paths). An id that
 * is then still not a state id (it starts with a digit, it is a state of the
 * standard process such as `closed` or `level0`, or two levels become the
 * same id) is refused, never silently changed further.
 *
 * @throws ServiceKitError `PROCESS_OPTIONS_INVALID` with JSON pointers into
 * the policy (`/escalation/levels/0/id`, `/calendars`).
 * @example
 * ```ts
 * const policy = parsePolicy(readFileSync('itil-incident.policy.json', 'utf8'))
 * const options = processOptionsFromPolicy(policy, { calendar: 'officeHours' })
 * options.escalationLevels // [{ id: 'service-desk-manager', role: 'serviceDeskManager', labels: { en: 'Service desk manager', … } }, …]
 * const process = createServiceProcess(options)
 * ```
 */
export function processOptionsFromPolicy(
  policy: Policy,
  options: ProcessOptionsFromPolicyOptions = {},
): ProcessOptions {
  const { calendar, levelAuthority, ...rest } = options
  const issues: ValidationIssue[] = []
  const issue = (path: (string | number)[], message: string) =>
    issues.push({ path, pointer: toJsonPointer(path), code: 'custom', message })

  const taken = new Map<string, string>()
  const escalationLevels: EscalationLevel[] = policy.escalation.levels.map((level, i) => {
    const id = level.id.replaceAll('.', '_')
    const path = ['escalation', 'levels', i, 'id']
    if (!stateIdPattern.test(id)) {
      issue(path, `Level id "${level.id}" cannot be a process state id: start it with a letter`)
    } else if (reservedStateIds.has(id)) {
      issue(path, `Level id "${level.id}" is a state of the standard process; choose another`)
    } else if (taken.has(id)) {
      issue(path, `Level ids "${taken.get(id)}" and "${level.id}" both become state id "${id}"`)
    }
    taken.set(id, level.id)
    const out: EscalationLevel = {
      id,
      role: level.role,
      labels: { en: level.label.en, 'zh-CN': level.label['zh-CN'] },
    }
    const authority = levelAuthority?.[level.id]
    if (authority) out.authority = authority
    return out
  })
  const levelIds = new Set(policy.escalation.levels.map((l) => l.id))
  for (const key of Object.keys(levelAuthority ?? {})) {
    if (!levelIds.has(key)) {
      issue(['levelAuthority', key], `"${key}" is not a level of the policy's escalation ladder`)
    }
  }

  const keys = Object.keys(policy.calendars)
  let resolved: Calendar | undefined
  if (typeof calendar === 'object') resolved = calendar
  else if (calendar !== undefined) {
    const definition = policy.calendars[calendar]
    if (definition) resolved = createCalendar(definition)
    else
      issue(
        ['calendars', calendar],
        `The policy has no calendar "${calendar}"; it has ${keys.join(', ') || 'none'}`,
      )
  } else if (keys.length === 1) resolved = createCalendar(policy.calendars[keys[0]!]!)
  else if (keys.length > 1)
    issue(
      ['calendars'],
      `The policy has ${keys.length} calendars (${keys.join(', ')}): name the one the process's deadlines run on`,
    )

  if (issues.length > 0) {
    throw new ServiceKitError<'PROCESS_OPTIONS_INVALID', ValidationErrorDetails>(
      'PROCESS_OPTIONS_INVALID',
      summarizeIssues(`process options from policy ${policy.id}`, issues),
      { details: { issues } },
    )
  }
  const result: ProcessOptions = { ...rest, escalationLevels }
  if (resolved) result.calendar = resolved
  return result
}
