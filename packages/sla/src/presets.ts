import type { SlaMetricDefinition, SlaPresetName } from '@servicekit/policy'

const cancelled = { state: 'cancelled' } as const
const resolved = { state: 'resolved' } as const

/**
 * The preset SLA metrics as data, exactly as a policy would define them in
 * `sla.metrics`. A policy names a preset in an SLA policy, or refines one with
 * `"extends"` (the triggers it writes replace the preset's). Every definition
 * is explained, and compared with Zendesk, Jira Service Management,
 * ServiceNow and Zammad, in `docs/sla.md`.
 *
 * @example
 * ```ts
 * slaPresets.nextResponse.start // [{ event: 'customer.replied', after: 'agent.replied' }]
 * ```
 */
export const slaPresets: Readonly<Record<SlaPresetName, Readonly<SlaMetricDefinition>>> =
  deepFreeze({
    firstResponse: {
      label: { en: 'First response', 'zh-CN': '首次响应' },
      description:
        'From the opening of the case to the first public reply to the customer (or the resolution, if it comes first).',
      start: [{ event: 'case.opened' }],
      stop: [{ event: 'agent.replied' }, resolved],
      cancel: [cancelled],
      instances: 'once',
      onReopen: 'none',
    },
    nextResponse: {
      label: { en: 'Next response', 'zh-CN': '再次响应' },
      description:
        'From a customer message (after the first reply) to the next public reply; one clock per unanswered message, measured from the oldest.',
      start: [{ event: 'customer.replied', after: 'agent.replied' }],
      stop: [{ event: 'agent.replied' }, resolved],
      cancel: [cancelled, { state: 'closed' }],
      instances: 'repeat',
      onReopen: 'none',
    },
    periodicUpdate: {
      label: { en: 'Periodic update', 'zh-CN': '定期更新' },
      description:
        'From each public reply to the next one, whatever the case is waiting on; no update is owed once the case is resolved.',
      start: [{ event: 'agent.replied' }],
      stop: [{ event: 'agent.replied' }],
      cancel: [resolved, { state: 'closed' }, cancelled],
      instances: 'repeat',
      onReopen: 'none',
    },
    pausableUpdate: {
      label: { en: 'Pausable update', 'zh-CN': '可暂停更新' },
      description: 'As periodic update, but paused while the case waits on the customer.',
      start: [{ event: 'agent.replied' }],
      stop: [{ event: 'agent.replied' }],
      pause: [{ state: 'waiting.onCustomer' }],
      cancel: [resolved, { state: 'closed' }, cancelled],
      instances: 'repeat',
      onReopen: 'none',
    },
    resolution: {
      label: { en: 'Resolution', 'zh-CN': '解决' },
      description:
        'From the opening of the case to its resolution, all of the time; a reopened case continues the clock.',
      start: [{ event: 'case.opened' }],
      stop: [resolved],
      cancel: [cancelled],
      instances: 'once',
      onReopen: 'continue',
    },
    requesterWaitTime: {
      label: { en: 'Requester wait time', 'zh-CN': '客户等待时间' },
      description:
        'The time the customer waits on the company: from opening to resolution, paused while the company waits on the customer.',
      start: [{ event: 'case.opened' }],
      stop: [resolved],
      pause: [{ state: 'waiting.onCustomer' }],
      cancel: [cancelled],
      instances: 'once',
      onReopen: 'continue',
    },
    agentWorkTime: {
      label: { en: 'Agent work time', 'zh-CN': '客服处理时间' },
      description:
        'The time the case waits on the company itself: from opening to resolution, paused while waiting on the customer or a third party.',
      start: [{ event: 'case.opened' }],
      stop: [resolved],
      pause: [{ state: 'waiting' }],
      cancel: [cancelled],
      instances: 'once',
      onReopen: 'continue',
    },
    onsiteArrival: {
      label: { en: 'On-site arrival', 'zh-CN': '上门到达' },
      description:
        'From the start of execution to the engineer on site, due at the visit time the customer chose (or the time agreed after a delay).',
      start: [{ event: 'execution.started' }],
      stop: [
        { event: 'execution.step', where: { step: 'onsiteVisit' } },
        { event: 'execution.completed' },
      ],
      cancel: [resolved, cancelled],
      dueAt: [
        { event: 'execution.started', field: 'plannedAt' },
        { event: 'execution.delayed', field: 'newDueAt' },
      ],
      instances: 'repeat',
      onReopen: 'none',
    },
    followUp: {
      label: { en: 'Follow-up', 'zh-CN': '回访' },
      description:
        'From the confirmed resolution to the return visit or survey (survey sent or answered).',
      start: [{ state: 'followUp' }],
      stop: [{ event: 'survey.sent' }, { event: 'survey.answered' }],
      cancel: [{ event: 'case.reopened' }, cancelled],
      instances: 'repeat',
      onReopen: 'none',
    },
  })

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
