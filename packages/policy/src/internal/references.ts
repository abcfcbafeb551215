import { type CaseEventType, caseEventSchemas } from '@servicekit/core'
import type { FactCondition } from '../condition'
import { operators } from '../condition'
import type { FactDeclaration } from '../facts'
import { checkFactName, isOfType } from '../facts'
import type { Policy } from '../policy-schema'
import { calendarSource, slaPresetNames } from '../sections/sla'
import { conditionsOf, decisionFacts, forEachLeaf, resolveFactName, type Stage } from './conditions'
import { createFactReader } from './fact-reader'
import { didYouMean } from './suggest'

/** A problem found by checking a policy's references across sections. */
export interface ReferenceProblem {
  code: string
  path: (string | number)[]
  message: string
}

const numeric = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'])
const listOperators = new Set(['in', 'notIn'])
const arrayOperators = new Set(['contains', 'doesNotContain'])

/**
 * Everything that makes a structurally valid policy unusable: undeclared
 * facts, unknown operators, undefined calendars, teams, roles, levels and
 * metrics, duplicate ids, and tests that cannot run. These are load errors.
 */
export function checkReferences(p: Policy): ReferenceProblem[] {
  const out: ReferenceProblem[] = []
  const report = (code: string, path: (string | number)[], message: string) =>
    out.push({ code, path, message })
  const levels = new Set(p.priority.levels)
  const teams = new Set(p.teams)
  const roles = new Set(p.roles)
  const calendars = new Set(Object.keys(p.calendars))
  const factNames = Object.keys(p.facts)

  // A fact cannot be both a value and an object holding other facts.
  for (const name of factNames)
    for (const other of factNames)
      if (other.startsWith(`${name}.`))
        report(
          'fact-conflict',
          ['facts', other],
          `"${other}" is inside "${name}", which is itself declared as a ${p.facts[name]!.type}`,
        )

  // Ids are unique across the whole policy: traces and explanations name rules by id.
  const ids = new Map<string, string>()
  const claim = (id: string, path: (string | number)[]) => {
    const prev = ids.get(id)
    if (prev) report('duplicate-id', path, `The id "${id}" is already used at ${prev}`)
    else ids.set(id, `/${path.join('/')}`)
  }
  for (const [section, list] of [
    ['priority', p.priority.rules],
    ['routing', p.routing.rules],
    ['sla', p.sla.policies],
    ['escalation', p.escalation.rules],
  ] as const)
    for (const [i, r] of list.entries())
      claim(r.id, [section, section === 'sla' ? 'policies' : 'rules', i, 'id'])

  for (const located of conditionsOf(p))
    forEachLeaf(located.condition, located.path, (leaf, path) =>
      checkLeaf(leaf, path, located.stage, p, report),
    )

  if (p.priority.matrix) {
    const m = p.priority.matrix
    for (const axis of ['rows', 'columns'] as const) {
      const decl = p.facts[m[axis].fact]
      if (!decl) {
        report(
          'undeclared-fact',
          ['priority', 'matrix', axis, 'fact'],
          `The fact "${m[axis].fact}" is not declared in "facts".${didYouMean(m[axis].fact, factNames)}`,
        )
        continue
      }
      m[axis].values.forEach((v, i) => {
        if (decl.type === 'array' || !isOfType(v, decl.type))
          report(
            'value-type',
            ['priority', 'matrix', axis, 'values', i],
            `${JSON.stringify(v)} can never equal "${m[axis].fact}", which is a${decl.type === 'integer' || decl.type === 'array' ? 'n' : ''} ${decl.type}`,
          )
        if (m[axis].values.indexOf(v) !== i)
          report(
            'duplicate-value',
            ['priority', 'matrix', axis, 'values', i],
            `${JSON.stringify(v)} is listed twice`,
          )
      })
    }
  }

  const checkTeam = (team: string | undefined, path: (string | number)[]) => {
    if (team !== undefined && !teams.has(team))
      report(
        'undefined-team',
        path,
        `"${team}" is not one of the policy's teams.${didYouMean(team, teams)}`,
      )
  }
  const checkRole = (role: string | undefined, path: (string | number)[]) => {
    if (role !== undefined && !roles.has(role))
      report(
        'undefined-role',
        path,
        `"${role}" is not one of the policy's roles.${didYouMean(role, roles)}`,
      )
  }
  p.routing.rules.forEach((r, i) => {
    checkTeam(r.then.team, ['routing', 'rules', i, 'then', 'team'])
    checkRole(r.then.role, ['routing', 'rules', i, 'then', 'role'])
  })
  checkTeam(p.routing.default.team, ['routing', 'default', 'team'])
  checkRole(p.routing.default.role, ['routing', 'default', 'role'])

  // SLA: metrics, calendars, priorities, event fields.
  const metricNames = new Set<string>([...slaPresetNames, ...Object.keys(p.sla.metrics)])
  for (const [name, def] of Object.entries(p.sla.metrics)) {
    if ((slaPresetNames as readonly string[]).includes(name))
      report(
        'metric-redefined',
        ['sla', 'metrics', name],
        `"${name}" is a preset; give your metric another name and "extends": "${name}"`,
      )
    for (const kind of ['start', 'stop', 'pause', 'resume', 'cancel', 'reset'] as const)
      def[kind]?.forEach((t, i) => {
        if (!('event' in t) || !t.where) return
        for (const field of Object.keys(t.where))
          checkEventField(t.event, field, ['sla', 'metrics', name, kind, i, 'where', field], report)
      })
    // One source or a list in the file; the pointer names `dueAt`, the message the event.
    for (const d of def.dueAt ?? [])
      checkEventField(d.event, d.field, ['sla', 'metrics', name, 'dueAt'], report)
  }
  const usedMetrics = new Set<string>()
  p.sla.policies.forEach((sla, i) => {
    for (const [metric, o] of Object.entries(sla.metrics)) {
      const base = ['sla', 'policies', i, 'metrics', metric]
      usedMetrics.add(metric)
      if (!metricNames.has(metric))
        report(
          'undefined-metric',
          base,
          `"${metric}" is neither a preset metric nor defined in "sla.metrics".${didYouMean(metric, metricNames)}`,
        )
      if (o.calendar === '')
        report(
          'missing-calendar',
          [...base, 'calendar'],
          `"${metric}" has no calendar: set "calendar" on the metric or on the SLA policy`,
        )
      else if (!calendars.has(o.calendar)) {
        const own = calendarSource.get(o) !== 'policy'
        report(
          'undefined-calendar',
          own ? [...base, 'calendar'] : ['sla', 'policies', i, 'calendar'],
          `The calendar "${o.calendar}" is not defined in "calendars".${didYouMean(o.calendar, calendars)}`,
        )
      }
      for (const level of Object.keys(o.targets))
        if (level !== '*' && !levels.has(level))
          report(
            'unknown-priority',
            [...base, 'targets', level],
            `"${level}" is not a priority; levels are ${p.priority.levels.join(', ')}`,
          )
    }
  })

  // Escalation: the ladder and the actions.
  const levelIds = new Set<string>()
  p.escalation.levels.forEach((l, i) => {
    if (levelIds.has(l.id))
      report(
        'duplicate-id',
        ['escalation', 'levels', i, 'id'],
        `The level "${l.id}" is listed twice`,
      )
    levelIds.add(l.id)
    checkRole(l.role, ['escalation', 'levels', i, 'role'])
  })
  const slaIds = new Set(p.sla.policies.map((s) => s.id))
  p.escalation.rules.forEach((r, i) => {
    const base = ['escalation', 'rules', i]
    if (r.on) {
      if (r.on.metric !== '*' && !usedMetrics.has(r.on.metric))
        report(
          'undefined-metric',
          [...base, 'on', 'metric'],
          `No SLA policy applies the metric "${r.on.metric}", so this trigger can never fire.${didYouMean(r.on.metric, usedMetrics)}`,
        )
      if (r.on.policy !== undefined && !slaIds.has(r.on.policy))
        report(
          'undefined-sla-policy',
          [...base, 'on', 'policy'],
          `"${r.on.policy}" is not an SLA policy id.${didYouMean(r.on.policy, slaIds)}`,
        )
    }
    r.actions.forEach((a, k) => {
      const path = [...base, 'actions', k]
      if (a.type === 'notify') checkRole(a.role, [...path, 'notify'])
      else if (a.type === 'reassign') checkTeam(a.team, [...path, 'reassign'])
      else if (a.type === 'setPriority' && !levels.has(a.priority))
        report(
          'unknown-priority',
          [...path, 'setPriority'],
          `"${a.priority}" is not a priority; levels are ${p.priority.levels.join(', ')}`,
        )
      else if (a.type === 'escalate' && !levelIds.has(a.to))
        report(
          'undefined-level',
          [...path, 'escalate'],
          `"${a.to}" is not a level of the escalation ladder.${didYouMean(a.to, levelIds)}`,
        )
    })
  })

  // Tests: their facts must be valid and their expectations nameable.
  const reader = createFactReader(p.facts)
  const slots: unknown[] = []
  const escalationIds = new Set(p.escalation.rules.map((r) => r.id))
  p.tests.forEach((t, i) => {
    for (const issue of reader.read(t.facts, slots) ?? [])
      report('test-facts-invalid', ['tests', i, 'facts', ...issue.path], issue.message)
    const e = t.expect
    const base = ['tests', i, 'expect']
    if (e.priority !== undefined && !levels.has(e.priority))
      report(
        'unknown-priority',
        [...base, 'priority'],
        `"${e.priority}" is not a priority; levels are ${p.priority.levels.join(', ')}`,
      )
    checkTeam(e.team, [...base, 'team'])
    checkRole(e.role, [...base, 'role'])
    e.slaPolicies?.forEach((id, k) => {
      if (!slaIds.has(id))
        report(
          'undefined-sla-policy',
          [...base, 'slaPolicies', k],
          `"${id}" is not an SLA policy id.${didYouMean(id, slaIds)}`,
        )
    })
    e.escalations?.forEach((id, k) => {
      if (!escalationIds.has(id))
        report(
          'undefined-escalation',
          [...base, 'escalations', k],
          `"${id}" is not an escalation rule id.${didYouMean(id, escalationIds)}`,
        )
    })
  })
  return out
}

function checkLeaf(
  leaf: FactCondition,
  path: (string | number)[],
  stage: Stage,
  p: Policy,
  report: (code: string, path: (string | number)[], message: string) => void,
): void {
  if (!(operators as readonly string[]).includes(leaf.operator))
    report(
      'unknown-operator',
      [...path, 'operator'],
      `Unknown operator "${leaf.operator}".${didYouMean(leaf.operator, operators)} Operators: ${operators.join(', ')}`,
    )
  const resolved = resolveFactName(leaf)
  if ('error' in resolved) {
    report(
      'invalid-fact-path',
      [...path, leaf.path === undefined ? 'fact' : 'path'],
      resolved.error,
    )
    return
  }
  const name = resolved.name
  let decl: FactDeclaration | undefined = p.facts[name]
  const stages = decisionFacts[name]
  if (stages) {
    if (!stages.includes(stage)) {
      report(
        'fact-not-available',
        [...path, 'fact'],
        `"${name}" is decided after the ${stage} section, so ${stage} rules cannot read it`,
      )
      return
    }
    decl = {
      type: 'string',
      required: false,
      values:
        name === 'decision.priority'
          ? p.priority.levels
          : name === 'decision.team'
            ? p.teams
            : p.roles,
    }
  }
  if (!decl) {
    const candidates = [...Object.keys(p.facts), ...Object.keys(decisionFacts)]
    report(
      'undeclared-fact',
      [...path, 'fact'],
      `The fact "${name}" is not declared in "facts".${didYouMean(name, candidates)}`,
    )
    return
  }
  const op = leaf.operator
  const value = leaf.value
  const isList = Array.isArray(value)
  const at = [...path, 'value']
  if (listOperators.has(op) !== isList) {
    report(
      'value-type',
      at,
      listOperators.has(op)
        ? `"${op}" takes a list of values`
        : `"${op}" takes one value, not a list (use "in")`,
    )
    return
  }
  if (arrayOperators.has(op) && decl.type !== 'array') {
    report(
      'operator-type',
      [...path, 'operator'],
      `"${op}" reads a list, but "${name}" is a ${decl.type}; use "equal" or "in"`,
    )
    return
  }
  if (!arrayOperators.has(op) && decl.type === 'array') {
    report(
      'operator-type',
      [...path, 'operator'],
      `"${name}" is a list; use "contains" or "doesNotContain"`,
    )
    return
  }
  if (numeric.has(op) && decl.type !== 'number' && decl.type !== 'integer') {
    report(
      'operator-type',
      [...path, 'operator'],
      `"${op}" compares numbers, but "${name}" is a ${decl.type}`,
    )
    return
  }
  const itemType = decl.type === 'array' ? (decl.items ?? 'string') : decl.type
  const valueType = numeric.has(op) ? 'number' : itemType === 'integer' ? 'number' : itemType
  const values = isList ? value : [value]
  values.forEach((v, i) => {
    if (!isOfType(v, valueType))
      report(
        'value-type',
        isList ? [...at, i] : at,
        `${JSON.stringify(v)} is not a ${valueType}, so it can never match "${name}" (a ${itemType})`,
      )
  })
}

function checkEventField(
  event: CaseEventType,
  field: string,
  path: (string | number)[],
  report: (code: string, path: (string | number)[], message: string) => void,
): void {
  const problem = checkFactName(field)
  if (problem) {
    report('invalid-event-field', path, problem)
    return
  }
  const top = field.split('.')[0]!
  const shape = shapeOf(caseEventSchemas[event])
  if (shape && !(top in shape))
    report(
      'invalid-event-field',
      path,
      `A "${event}" event has no field "${top}".${didYouMean(top, Object.keys(shape))} Fields: ${Object.keys(shape).join(', ')}`,
    )
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const s = schema as {
    shape?: Record<string, unknown>
    _zod?: { def?: { in?: { shape?: Record<string, unknown> } } }
  }
  return s.shape ?? s._zod?.def?.in?.shape
}
