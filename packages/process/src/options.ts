import type { BusinessDuration, Calendar } from '@servicekit/calendar'
import type { CaseEventType, Labels, solutionKinds } from '@servicekit/core'

/** A kind of solution, as `solution.proposed` carries it (`refund`, `replacement`, …). */
export type SolutionKind = (typeof solutionKinds)[number]

/**
 * What one escalation level may promise a customer on its own (the standard's
 * "never promise on one's own", 不擅自承诺). A solution outside it needs an
 * escalation first.
 */
export interface AuthorityLimit {
  /** The solution kinds this level may propose; omitted: every kind. */
  kinds?: readonly SolutionKind[]
  /** The largest `amount` this level may propose; omitted: no limit. */
  maxAmount?: number
  /**
   * The ISO 4217 currency of `maxAmount`. A proposal in another currency is
   * beyond the limit (amounts in different currencies are not compared); a
   * proposal without a currency is compared as it is.
   */
  currency?: string
}

/** One rung of the escalation ladder above the agent (level 0). */
export interface EscalationLevel {
  /** The state id of the level in the escalation region, e.g. `level1` or `supervisor`. */
  id: string
  /** The role that handles the case at this level; `case.escalated` with `to: role` reaches it. */
  role: string
  /** The level's name in English and Chinese. */
  labels: Labels
  /** What this level may promise; omitted: no limit. */
  authority?: AuthorityLimit
}

/**
 * Which fields must be recorded before a step is allowed. Field paths name the
 * case's fields as `case.opened` and `case.updated` record them: `description`,
 * `product.model`, `product.purchasedAt`, `custom.dealerCode`, …
 */
export interface RequiredFields {
  /** Fields every case needs before `case.triaged`. */
  triage?: readonly string[]
  /** Further fields before `case.triaged`, by the category the triage gives. */
  triageByCategory?: Readonly<Record<string, readonly string[]>>
  /** Fields of `case.resolved` needed to resolve: the resolution note, the resolution code. */
  resolve?: readonly ('resolution' | 'code')[]
}

/**
 * The event that enters or leaves an added step. `step` matches the `step` of
 * an `execution.step` event; `solutionKinds` matches the kind of the solution a
 * `solution.proposed` or `solution.accepted` event is about.
 */
export interface StepTrigger {
  /** The event type. */
  type: CaseEventType
  /** For `execution.step`: the step name it must carry. */
  step?: string
  /** For `solution.proposed` / `solution.accepted`: the solution kinds that trigger. */
  solutionKinds?: readonly SolutionKind[]
}

/**
 * A step a company adds inside `inProgress` (an on-site visit, a parts order,
 * a quality-department referral) without forking the standard machine. The
 * step is entered from `from` on `enterOn` and left to `to` on `exitOn`; while
 * in it, waiting, resolving, cancelling and escalating work as in any other
 * `inProgress` step.
 */
export interface ProcessStep {
  /** The new state's id, unique among the `inProgress` steps. */
  id: string
  /** The step's name in English and Chinese. */
  labels: Labels
  /** The `inProgress` step (standard or added) it starts from. */
  from: string
  /** The event that enters it from `from`; it takes precedence over the standard transition. */
  enterOn: StepTrigger
  /** The `inProgress` step (standard or added) it leads to. */
  to: string
  /** The event that leaves it for `to`. */
  exitOn: StepTrigger
  /** Events recorded while in the step without leaving it; default `execution.step`, `execution.delayed`. */
  records?: readonly CaseEventType[]
}

/** Labels that rename or translate states and events; merged over the standard ones. */
export interface ProcessLabels {
  /** By state id (`diagnosing`, `level1`, an added step's id, …). */
  states?: Readonly<Record<string, Partial<Labels>>>
  /** By event type. */
  events?: Readonly<Partial<Record<CaseEventType, Partial<Labels>>>>
}

/**
 * The configuration of a service process, as plain data (so a policy document
 * can supply it). Every field is optional; omitted fields take the standard
 * values in {@link standardProcessOptions}.
 */
export interface ProcessOptions {
  /** The machine id, stored in every snapshot; default `servicekit-process`. */
  id?: string
  /**
   * The machine's version, stored in every snapshot. Default: a fingerprint of
   * the machine's structure, so adding a step or a level changes it and older
   * snapshots are migrated or rejected rather than silently accepted.
   */
  version?: string
  /** The escalation ladder above the agent; default supervisor then manager. */
  escalationLevels?: readonly EscalationLevel[]
  /** What the agent (level 0) may promise without escalating. */
  authority?: AuthorityLimit
  /** Fields required before triage and before resolving. */
  requiredFields?: RequiredFields
  /** How long after `case.closed` a `case.reopened` is accepted; `null`: always. */
  reopenWindow?: BusinessDuration | null
  /**
   * After how much customer silence a resolved case is confirmed automatically
   * (`resolution.confirmed` with `auto: true`); `null`: never. Exposed as a
   * deadline for the runtime to schedule, never as an in-memory timer.
   */
  autoConfirmAfter?: BusinessDuration | null
  /**
   * The business calendar deadlines are computed on (from `createCalendar`).
   * Without one, time runs on `alwaysOpen` (UTC, 24/7): a business day is 24
   * hours, `PT8H` is eight elapsed hours.
   */
  calendar?: Calendar
  /** Steps added inside `inProgress`. */
  steps?: readonly ProcessStep[]
  /** Renamed or translated labels. */
  labels?: ProcessLabels
}

/** Every solution kind except `replacement`, which needs a supervisor in the standard options. */
const agentKinds: readonly SolutionKind[] = [
  'remote',
  'repair',
  'onsite',
  'parts',
  'refund',
  'other',
]

/**
 * The standard escalation ladder of SERVICE-STANDARD §4: agent → supervisor
 * (客服主管) → manager (部门经理). The authority amounts are illustrative.
 */
export const standardEscalationLevels: readonly EscalationLevel[] = [
  {
    id: 'level1',
    role: 'supervisor',
    labels: { en: 'Supervisor', 'zh-CN': '客服主管' },
    authority: { maxAmount: 5000 },
  },
  { id: 'level2', role: 'manager', labels: { en: 'Manager', 'zh-CN': '部门经理' } },
]

/**
 * The standard options. The numbers (the agent's 500 limit, a 7-business-day
 * reopen window, confirmation after 3 business days of silence) are
 * illustrative defaults, not figures from the handbooks: set your policy's.
 */
export const standardProcessOptions = {
  id: 'servicekit-process',
  escalationLevels: standardEscalationLevels,
  authority: { kinds: agentKinds, maxAmount: 500 },
  requiredFields: {
    triage: ['description'],
    triageByCategory: { afterSales: ['product.model'] },
    resolve: ['resolution'],
  },
  reopenWindow: { businessDays: 7 },
  autoConfirmAfter: { businessDays: 3 },
} as const satisfies ProcessOptions
