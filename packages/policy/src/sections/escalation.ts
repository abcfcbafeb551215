import type { Labels } from '@servicekit/core'
import { z } from 'zod'
import { type Condition, conditionSchema } from '../condition'
import { descriptionSchema, labelsSchema, policyKeySchema } from '../internal/keys'

/**
 * One rung of the escalation ladder. Level numbers start at 1 (level 0 is
 * "not escalated"), so `case.escalated { level: 1 }` reaches the first level.
 */
export interface EscalationLevel {
  /** The key actions name it by, e.g. `supervisor`. */
  id: string
  /** Its number: its position in `levels` plus one. */
  level: number
  /** The role notified when a case reaches it (one of the policy's `roles`). */
  role: string
  /** Its name in English and Chinese, e.g. `{ en: 'Supervisor', 'zh-CN': '客服主管' }`. */
  label: Labels & { 'zh-CN': string }
}

/** What an escalation rule does. */
export type EscalationAction =
  | {
      /** Notify everyone in a role. */
      type: 'notify'
      role: string
    }
  | {
      /** Raise the case to a level of the ladder (a no-op when it is already there or higher). */
      type: 'escalate'
      /** The level's id. */
      to: string
      /** The level's number. */
      level: number
    }
  | {
      /** Give the case to another team. */
      type: 'reassign'
      team: string
    }
  | {
      /** Change the case's priority. */
      type: 'setPriority'
      priority: string
    }

/** An SLA event an escalation rule reacts to. */
export interface EscalationTrigger {
  /** `sla.warning` or `sla.breached`, as the sla package emits them. */
  event: 'sla.warning' | 'sla.breached'
  /** The metric, or `*` for any. */
  metric: string
  /** For warnings: the threshold (a percentage such as 75, or an offset such as `PT1H`); omitted means any. */
  threshold?: number | string
  /** Only clocks of this SLA policy; omitted means any. */
  policy?: string
}

/** An escalation rule: on an SLA event and/or when conditions hold, its actions. */
export interface EscalationRule {
  /** Unique in the policy. */
  id: string
  /** What it is for, for people. */
  description?: string
  /** The SLA event it reacts to; without one, the rule applies whenever `when` holds. */
  on?: EscalationTrigger
  /** Conditions on the facts; omitted means always. */
  when?: Condition
  /** What to do, in order. */
  actions: EscalationAction[]
}

/** The escalation section: the ladder and the rules. */
export interface EscalationSection {
  /** The ladder, lowest first; the process package takes its escalation levels from here. */
  levels: EscalationLevel[]
  /** The rules; every matching one applies. */
  rules: EscalationRule[]
}

const actionInput = z.union([
  z.strictObject({ notify: policyKeySchema.meta({ description: 'A role to notify.' }) }),
  z.strictObject({ escalate: policyKeySchema.meta({ description: 'A level id to escalate to.' }) }),
  z.strictObject({ reassign: policyKeySchema.meta({ description: 'A team to reassign to.' }) }),
  z.strictObject({ setPriority: policyKeySchema.meta({ description: 'A priority to set.' }) }),
])

const triggerSchema = z
  .strictObject({
    event: z.enum(['sla.warning', 'sla.breached']),
    metric: z.union([z.literal('*'), policyKeySchema]),
    threshold: z.union([z.number().gt(0).lt(100), z.string().min(2).max(40)]).optional(),
    policy: policyKeySchema.optional(),
  })
  .refine((t) => t.threshold === undefined || t.event === 'sla.warning', {
    message: 'Only an "sla.warning" trigger has a threshold',
    path: ['threshold'],
  })

export const escalationSectionSchema = z
  .strictObject({
    levels: z
      .array(z.strictObject({ id: policyKeySchema, role: policyKeySchema, label: labelsSchema }))
      .max(20)
      .meta({ description: 'The escalation ladder, lowest level first (level 1, 2, …).' }),
    rules: z
      .array(
        z
          .strictObject({
            id: policyKeySchema,
            description: descriptionSchema,
            on: triggerSchema.optional(),
            when: conditionSchema.optional(),
            actions: z.array(actionInput).min(1).max(20),
          })
          .refine((r) => r.on !== undefined || r.when !== undefined, {
            message: 'An escalation rule needs "on" (an SLA event), "when" (conditions), or both',
          }),
      )
      .max(500)
      .default([]),
  })
  .transform((s): EscalationSection => {
    const levels = s.levels.map((l, i) => ({
      id: l.id,
      level: i + 1,
      role: l.role,
      label: l.label,
    }))
    const numbers = new Map(levels.map((l) => [l.id, l.level]))
    return {
      levels,
      rules: s.rules.map((r) => {
        const rule: EscalationRule = {
          id: r.id,
          actions: r.actions.map((a): EscalationAction => {
            if ('notify' in a) return { type: 'notify', role: a.notify }
            if ('escalate' in a)
              return { type: 'escalate', to: a.escalate, level: numbers.get(a.escalate) ?? 0 }
            if ('reassign' in a) return { type: 'reassign', team: a.reassign }
            return { type: 'setPriority', priority: a.setPriority }
          }),
        }
        if (r.description) rule.description = r.description
        if (r.on) rule.on = r.on as EscalationTrigger
        if (r.when) rule.when = r.when
        return rule
      }),
    }
  })
