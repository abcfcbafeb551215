import type { VocabularyDefinition } from './types'

/**
 * The standard sets of SERVICE-STANDARD.md, each key with an English and a
 * simplified-Chinese label. Companies extend them with
 * `standardVocabulary.extend(...)`; they are never edited in place.
 */
export const standardDefinition = {
  channels: {
    phone: { en: 'Phone', 'zh-CN': '电话' },
    email: { en: 'Email', 'zh-CN': '邮件' },
    chat: { en: 'Online chat', 'zh-CN': '在线客服' },
    web: { en: 'Web form', 'zh-CN': '在线平台' },
    social: { en: 'Social media', 'zh-CN': '社交媒体' },
    letter: { en: 'Letter', 'zh-CN': '来函' },
    visit: { en: 'Visit', 'zh-CN': '来人' },
  },
  categories: {
    productInquiry: { en: 'Product inquiry', 'zh-CN': '产品咨询' },
    afterSales: {
      en: 'After-sales service',
      'zh-CN': '售后服务',
      subcategories: {
        technical: { en: 'Technical problem', 'zh-CN': '技术问题' },
        quality: { en: 'Quality problem', 'zh-CN': '质量问题' },
        usage: { en: 'Usage problem', 'zh-CN': '使用问题' },
      },
    },
    account: { en: 'Account issue', 'zh-CN': '账户问题' },
    complaint: {
      en: 'Complaint or suggestion',
      'zh-CN': '投诉建议',
      subcategories: {
        integrity: { en: 'Integrity complaint', 'zh-CN': '诚信投诉' },
        service: { en: 'Service complaint', 'zh-CN': '服务投诉' },
        suggestion: { en: 'Suggestion', 'zh-CN': '建议' },
      },
    },
    technicalInquiry: { en: 'Technical inquiry', 'zh-CN': '技术咨询' },
  },
  priorities: {
    urgent: { en: 'Urgent', 'zh-CN': '紧急' },
    high: { en: 'High', 'zh-CN': '高' },
    medium: { en: 'Medium', 'zh-CN': '中' },
    low: { en: 'Low', 'zh-CN': '低' },
  },
  tiers: {
    key: { en: 'Key customer', 'zh-CN': '重要客户' },
    potential: { en: 'Potential customer', 'zh-CN': '潜在客户' },
    ordinary: { en: 'Ordinary customer', 'zh-CN': '一般客户' },
  },
  roles: {
    agent: { en: 'Agent', 'zh-CN': '客服专员' },
    supervisor: { en: 'Supervisor', 'zh-CN': '客服主管' },
    qualityMonitor: { en: 'Quality monitor', 'zh-CN': '质量监控员' },
    manager: { en: 'Department manager', 'zh-CN': '部门经理' },
    technicalSupport: { en: 'Technical support engineer', 'zh-CN': '技术支持工程师' },
    afterSalesEngineer: { en: 'After-sales engineer', 'zh-CN': '售后工程师' },
    relationshipManager: { en: 'Customer relationship manager', 'zh-CN': '客户关系经理' },
    customer: { en: 'Customer', 'zh-CN': '客户' },
    system: { en: 'System', 'zh-CN': '系统' },
  },
  teams: {
    frontLine: { en: 'Front-line agents', 'zh-CN': '客服专员组' },
    technicalSupport: { en: 'Technical support', 'zh-CN': '技术支持组' },
    afterSales: { en: 'After-sales engineers', 'zh-CN': '售后工程师组' },
    complaints: { en: 'Complaint handling group', 'zh-CN': '投诉处理小组' },
  },
  flags: {
    systemFailure: { en: 'System failure', 'zh-CN': '系统故障' },
    safetyRisk: { en: 'Safety or security risk', 'zh-CN': '安全风险' },
  },
} as const satisfies VocabularyDefinition
