import type { CaseEventType, Labels } from '@servicekit/core'

/**
 * The labels of the standard process's states, keyed by state id, in English
 * and simplified Chinese (terms from SERVICE-STANDARD.md §1). Override or
 * translate them through `createServiceProcess({ labels })`.
 */
export const standardStateLabels = {
  process: { en: 'Service case', 'zh-CN': '服务案件' },
  lifecycle: { en: 'Lifecycle', 'zh-CN': '服务流程' },
  new: { en: 'New', 'zh-CN': '新建' },
  triaged: { en: 'Triaged', 'zh-CN': '已分类' },
  assigned: { en: 'Assigned', 'zh-CN': '已分派' },
  inProgress: { en: 'In progress', 'zh-CN': '处理中' },
  diagnosing: { en: 'Diagnosing', 'zh-CN': '问题诊断' },
  awaitingDecision: { en: 'Awaiting decision', 'zh-CN': '方案待确认' },
  executing: { en: 'Executing', 'zh-CN': '方案执行' },
  waiting: { en: 'Waiting', 'zh-CN': '等待中' },
  onCustomer: { en: 'Waiting on customer', 'zh-CN': '等待客户' },
  onThirdParty: { en: 'Waiting on third party', 'zh-CN': '等待第三方' },
  hist: { en: 'the previous step', 'zh-CN': '先前步骤' },
  resolved: { en: 'Resolved', 'zh-CN': '已解决' },
  followUp: { en: 'Follow-up', 'zh-CN': '回访' },
  closed: { en: 'Closed', 'zh-CN': '已关闭' },
  cancelled: { en: 'Cancelled', 'zh-CN': '已取消' },
  escalation: { en: 'Escalation', 'zh-CN': '升级' },
  level0: { en: 'Agent', 'zh-CN': '客服专员' },
} as const satisfies Record<string, Labels>

/** The labels of every case event type, in English and simplified Chinese. */
export const standardEventLabels = {
  'case.opened': { en: 'Case opened', 'zh-CN': '受理' },
  'case.updated': { en: 'Case updated', 'zh-CN': '更新信息' },
  'case.triaged': { en: 'Triaged', 'zh-CN': '分类定级' },
  'case.assigned': { en: 'Assigned', 'zh-CN': '分派' },
  'agent.replied': { en: 'Agent replied', 'zh-CN': '客服回复' },
  'customer.replied': { en: 'Customer replied', 'zh-CN': '客户回复' },
  'note.added': { en: 'Note added', 'zh-CN': '添加备注' },
  'case.waiting': { en: 'Waiting', 'zh-CN': '进入等待' },
  'case.resumed': { en: 'Resumed', 'zh-CN': '恢复处理' },
  'solution.proposed': { en: 'Solution proposed', 'zh-CN': '提出方案' },
  'solution.accepted': { en: 'Solution accepted', 'zh-CN': '客户接受方案' },
  'solution.rejected': { en: 'Solution rejected', 'zh-CN': '客户拒绝方案' },
  'execution.started': { en: 'Execution started', 'zh-CN': '开始执行' },
  'execution.step': { en: 'Execution step', 'zh-CN': '执行进展' },
  'execution.delayed': { en: 'Execution delayed', 'zh-CN': '执行延误' },
  'execution.completed': { en: 'Execution completed', 'zh-CN': '执行完成' },
  'case.resolved': { en: 'Resolved', 'zh-CN': '标记已解决' },
  'resolution.confirmed': { en: 'Resolution confirmed', 'zh-CN': '客户确认解决' },
  'resolution.rejected': { en: 'Not solved', 'zh-CN': '客户反馈未解决' },
  'survey.sent': { en: 'Survey sent', 'zh-CN': '发送回访' },
  'survey.answered': { en: 'Survey answered', 'zh-CN': '回访完成' },
  'case.closed': { en: 'Closed', 'zh-CN': '关闭归档' },
  'case.reopened': { en: 'Reopened', 'zh-CN': '重新打开' },
  'case.cancelled': { en: 'Cancelled', 'zh-CN': '取消' },
  'case.escalated': { en: 'Escalated', 'zh-CN': '升级' },
  'case.deescalated': { en: 'De-escalated', 'zh-CN': '降级' },
  'priority.changed': { en: 'Priority changed', 'zh-CN': '调整优先级' },
  'category.changed': { en: 'Category changed', 'zh-CN': '调整分类' },
  'sla.warning': { en: 'SLA warning', 'zh-CN': 'SLA 预警' },
  'sla.breached': { en: 'SLA breached', 'zh-CN': 'SLA 超时' },
} as const satisfies Record<CaseEventType, Labels>
