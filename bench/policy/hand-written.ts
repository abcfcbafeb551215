// The standard after-sales policy's decisions written by hand in TypeScript: the
// fastest reasonable code a developer would write for these rules, without
// fact validation, traces or a policy file. The benchmark checks that it
// decides exactly as the policy does.

interface Facts {
  case: {
    category: string
    subcategory?: string
    channel: string
    impact?: number
    urgency?: number
    flags?: string[]
    reopenCount?: number
  }
  customer: { tier: string; emotion?: string }
}

export interface HandDecision {
  priority: string
  team: string
  role: string
  skills: readonly string[]
  slaPolicies: string[]
  escalations: string[]
}

const rank: Record<string, number> = { urgent: 0, high: 1, medium: 2, low: 3 }
const levels = ['urgent', 'high', 'medium', 'low']
const matrix = [
  ['urgent', 'high', 'medium'],
  ['high', 'medium', 'low'],
  ['medium', 'low', 'low'],
]
const none: readonly string[] = []
const repairSkills = ['repair']

export function decideByHand(f: Facts): HandDecision {
  const c = f.case
  const tier = f.customer.tier
  let best = 99
  if (c.flags?.includes('safetyRisk')) best = 0
  if (c.flags?.includes('systemFailure')) best = 0
  if (f.customer.emotion === 'angry' && best > 1) best = 1
  if (tier === 'key' && best > 1) best = 1
  if (c.category === 'complaint' && best > 2) best = 2
  if (c.impact !== undefined && c.urgency !== undefined) {
    const cell = rank[matrix[c.impact - 1]![c.urgency - 1]!]!
    if (cell < best) best = cell
  }
  const priority = best === 99 ? 'low' : levels[best]!

  let team = 'frontLine'
  let role = 'agent'
  let skills = none
  const repair =
    c.category === 'afterSales' && (c.subcategory === 'technical' || c.subcategory === 'quality')
  if (c.category === 'complaint' && tier === 'key') {
    team = 'complaints'
    role = 'relationshipManager'
  } else if (c.category === 'complaint') team = 'complaints'
  else if (repair) {
    team = 'afterSales'
    role = 'afterSalesEngineer'
    skills = repairSkills
  } else if (c.category === 'afterSales') team = 'afterSales'
  else if (c.category === 'technicalInquiry') {
    team = 'technicalSupport'
    role = 'technicalSupport'
  }

  const slaPolicies: string[] = []
  if (c.channel === 'phone') slaPolicies.push('sla-phone')
  if (c.category === 'complaint') slaPolicies.push('sla-complaint')
  if (c.category === 'afterSales') slaPolicies.push('sla-after-sales')
  if (repair) slaPolicies.push('sla-repair')
  if (
    c.category === 'productInquiry' ||
    c.category === 'technicalInquiry' ||
    c.category === 'account'
  )
    slaPolicies.push('sla-inquiry')
  slaPolicies.push('sla-follow-up')

  const escalations: string[] = []
  if (c.category === 'complaint' && tier === 'key') {
    escalations.push('key-customer-complaint')
    if ((c.reopenCount ?? 0) > 0) escalations.push('reopened-key-complaint')
  }
  return { priority, team, role, skills, slaPolicies, escalations }
}
