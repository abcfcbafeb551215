import { readFileSync } from 'node:fs'
import { createCalendar } from '@servicekit/calendar'
import { isServiceKitError, parseCaseEvent, type ValidationErrorDetails } from '@servicekit/core'
import { parsePolicy } from '@servicekit/policy'
import { describe, expect, it } from 'vitest'
import { createServiceProcess, processOptionsFromPolicy, replayCase, toMermaid } from '../src/index'

const read = (name: string) =>
  parsePolicy(readFileSync(new URL(`../../../examples/policies/${name}`, import.meta.url), 'utf8'))
const itil = read('itil-incident.policy.json')
const afterSales = read('standard-after-sales.policy.json')

/** The policy with its escalation levels (and optionally calendars) replaced. */
function withLevels(ids: string[], calendars = itil.calendars) {
  return {
    ...itil,
    calendars,
    escalation: {
      ...itil.escalation,
      levels: ids.map((id, i) => ({
        id,
        level: i + 1,
        role: 'incidentManager',
        label: { en: `Level ${id}`, 'zh-CN': `级别 ${id}` },
      })),
    },
  }
}

function issues(run: () => unknown): string[] {
  try {
    run()
  } catch (e) {
    expect(isServiceKitError(e, 'PROCESS_OPTIONS_INVALID')).toBe(true)
    return (e as { details: ValidationErrorDetails }).details.issues.map(
      (i) => `${i.pointer} ${i.message}`,
    )
  }
  return []
}

describe('processOptionsFromPolicy', () => {
  it("takes the policy's escalation ladder with its roles and both labels", () => {
    const options = processOptionsFromPolicy(itil, { calendar: 'officeHours' })
    expect(options.escalationLevels).toEqual([
      {
        id: 'service-desk-manager',
        role: 'serviceDeskManager',
        labels: { en: 'Service desk manager', 'zh-CN': '服务台经理' },
      },
      {
        id: 'incident-manager',
        role: 'incidentManager',
        labels: { en: 'Incident manager', 'zh-CN': '事件经理' },
      },
    ])
    const process = createServiceProcess(options)
    expect(toMermaid(process, { locale: 'zh-CN' })).toContain(
      'state "服务台经理" as escalation_service-desk-manager',
    )
  })

  it("escalates a replayed case by the policy's level numbers and roles", () => {
    const process = createServiceProcess(processOptionsFromPolicy(itil, { calendar: '24x7' }))
    const base = { caseId: 'c1', actor: { id: 'u1', role: 'analyst' } }
    const events = [
      {
        ...base,
        id: 'e1',
        type: 'case.opened',
        at: '2026-03-02T09:00:00Z',
        case: {
          id: 'c1',
          customer: { id: 'k1', name: 'K' },
          channel: 'phone',
          category: 'network',
          subject: 'VPN down',
          description: 'The VPN is down',
          openedAt: '2026-03-02T09:00:00Z',
        },
      },
      { ...base, id: 'e2', type: 'case.escalated', at: '2026-03-02T10:00:00Z', level: 1 },
      {
        ...base,
        id: 'e3',
        type: 'case.escalated',
        at: '2026-03-02T11:00:00Z',
        to: 'incidentManager',
      },
    ].map((e) => parseCaseEvent(e))
    const { state, rejected } = replayCase(events, { process })
    expect(rejected).toEqual([])
    expect(state.escalation).toEqual({ level: 2, id: 'incident-manager', role: 'incidentManager' })
  })

  it('uses the named calendar for deadlines, and the only one when there is one', () => {
    const office = processOptionsFromPolicy(itil, { calendar: 'officeHours' }).calendar
    // Friday 16:00 UTC plus 2 business hours on Mon–Fri 08:00–17:00 is Monday 09:00.
    expect(office?.addBusinessTime('2026-03-06T16:00:00Z', 'PT2H').toISOString()).toBe(
      '2026-03-09T09:00:00.000Z',
    )
    const only = { officeHours: itil.calendars.officeHours! }
    const single = processOptionsFromPolicy(withLevels(['a'], only)).calendar
    expect(single?.timeZone).toBe('UTC')
    expect(single?.isOpen('2026-03-07T12:00:00Z')).toBe(false) // a Saturday
    expect(processOptionsFromPolicy(withLevels(['a'], {})).calendar).toBeUndefined()
    const given = createCalendar({ timeZone: 'Asia/Shanghai', week: { mon: [['09:00', '18:00']] } })
    expect(processOptionsFromPolicy(itil, { calendar: given }).calendar).toBe(given)
  })

  it('refuses a missing or ambiguous calendar with a pointer into the policy', () => {
    expect(issues(() => processOptionsFromPolicy(itil))).toEqual([
      "/calendars The policy has 2 calendars (24x7, officeHours): name the one the process's deadlines run on",
    ])
    expect(issues(() => processOptionsFromPolicy(itil, { calendar: 'office' }))).toEqual([
      '/calendars/office The policy has no calendar "office"; it has 24x7, officeHours',
    ])
  })

  it('replaces dots in level ids, and refuses ids that still cannot be state ids', () => {
    const dotted = processOptionsFromPolicy(withLevels(['tier.2', 'tier.3']), { calendar: '24x7' })
    expect(dotted.escalationLevels?.map((l) => l.id)).toEqual(['tier_2', 'tier_3'])
    expect(() => createServiceProcess(dotted)).not.toThrow()
    expect(
      issues(() =>
        processOptionsFromPolicy(withLevels(['2nd-line', 'closed', 'a.b', 'a_b']), {
          calendar: '24x7',
        }),
      ),
    ).toEqual([
      '/escalation/levels/0/id Level id "2nd-line" cannot be a process state id: start it with a letter',
      '/escalation/levels/1/id Level id "closed" is a state of the standard process; choose another',
      '/escalation/levels/3/id Level ids "a.b" and "a_b" both become state id "a_b"',
    ])
  })

  it('passes the other process options through and sets level authority by policy id', () => {
    const options = processOptionsFromPolicy(afterSales, {
      calendar: 'office',
      reopenWindow: { businessDays: 5 },
      levelAuthority: { supervisor: { maxAmount: 2000, currency: 'CNY' } },
    })
    expect(options.reopenWindow).toEqual({ businessDays: 5 })
    expect(options.escalationLevels?.[0]).toMatchObject({
      id: 'supervisor',
      authority: { maxAmount: 2000, currency: 'CNY' },
    })
    expect(options.escalationLevels?.[1]?.authority).toBeUndefined()
    expect(
      issues(() =>
        processOptionsFromPolicy(afterSales, { calendar: 'office', levelAuthority: { boss: {} } }),
      ),
    ).toEqual(['/levelAuthority/boss "boss" is not a level of the policy\'s escalation ladder'])
  })
})
