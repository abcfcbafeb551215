// Synthetic case logs for the process benchmark: illustrative data, made up
// here, shaped like a service desk's (most cases resolved at first contact or
// after diagnosis, some waiting, escalated, reopened or cancelled, a few
// non-conforming events). Deterministic for a seed.
import type { CaseEvent, CaseEventType } from '@servicekit/core'

/** mulberry32: a small seeded PRNG, so every run replays the same logs. */
function createRandom(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Payload = Record<string, unknown> & { type: CaseEventType }

const agent = { id: 'agent-1', role: 'agent' }
const customer = { id: 'cust-1', role: 'customer' }

function script(random: () => number): Payload[] {
  const pick = (p: number) => random() < p
  const out: Payload[] = [
    {
      type: 'case.opened',
      case: {
        customer: { id: 'cust-1', name: 'Customer', tier: 'ordinary', member: false, contacts: [] },
        channel: 'phone',
        category: 'afterSales',
        subject: 'Washing machine leaks',
        description: 'Water on the floor after spin.',
        product: { model: 'WM-8000' },
        tags: [],
        custom: {},
      },
    },
  ]
  if (pick(0.06)) {
    out.push({ type: 'case.cancelled', reason: pick(0.5) ? 'duplicate' : 'spam' })
    return out
  }
  out.push({
    type: 'case.triaged',
    category: 'afterSales',
    priority: pick(0.2) ? 'high' : 'medium',
  })
  out.push({ type: 'case.assigned', team: 'afterSales' })
  const firstContact = pick(0.72)
  if (!firstContact) {
    out.push({ type: 'agent.replied' })
    if (pick(0.4)) out.push({ type: 'case.waiting', on: pick(0.8) ? 'customer' : 'thirdParty' })
    if (out.at(-1)?.type === 'case.waiting')
      out.push({ type: 'customer.replied' }, { type: 'case.resumed' })
    const kind = pick(0.1) ? 'replacement' : pick(0.5) ? 'onsite' : 'remote'
    // A replacement is beyond an agent's authority: escalate first (not always done).
    if (pick(kind === 'replacement' ? 0.8 : 0.1)) {
      out.push({ type: 'case.escalated', level: 1, to: 'supervisor' })
    }
    out.push({ type: 'solution.proposed', solutionId: 's1', kind, summary: 'Fix', amount: 0 })
    out.push({ type: 'solution.accepted', solutionId: 's1' })
    out.push({ type: 'execution.started' }, { type: 'execution.completed' })
  }
  // A few non-conforming events: a resolution without its note.
  if (pick(0.03)) out.push({ type: 'case.resolved' })
  out.push({ type: 'case.resolved', resolution: 'Fixed the door seal.' })
  if (pick(0.05)) {
    out.push(
      { type: 'resolution.rejected' },
      { type: 'case.resolved', resolution: 'Replaced the pump.' },
    )
  }
  out.push({ type: 'resolution.confirmed', auto: false })
  if (pick(0.3)) out.push({ type: 'survey.sent' })
  out.push({ type: 'case.closed' })
  if (pick(0.02)) out.push({ type: 'case.reopened' })
  return out
}

/**
 * `cases` logs with exactly `events` events in total: whole scripts, of which
 * some are cut short (cases still open when the log ends), or padded with
 * internal notes when the scripts are too short.
 */
export function createSyntheticLogs(cases: number, events: number, seed = 6): CaseEvent[][] {
  const random = createRandom(seed)
  const scripts = Array.from({ length: cases }, () => script(random))
  let excess = scripts.reduce((n, s) => n + s.length, 0) - events
  const order = scripts.map((_, i) => i).sort(() => random() - 0.5)
  for (const i of order) {
    if (excess <= 0) break
    const s = scripts[i]!
    const cut = Math.min(excess, 1 + Math.floor(random() * (s.length - 1)))
    s.length -= cut
    excess -= cut
  }
  for (; excess < 0; excess++) {
    const s = scripts[Math.floor(random() * cases)]!
    s.splice(1 + Math.floor(random() * s.length), 0, { type: 'note.added', text: 'Called back.' })
  }
  const start = Date.parse('2026-01-05T09:00:00+08:00')
  return scripts.map((s, c) => {
    const caseId = `case-${c}`
    let at = start + c * 60_000
    return s.map((payload, i) => {
      at += (1 + Math.floor(random() * 240)) * 60_000
      const actor =
        payload.type.startsWith('customer.') || payload.type.startsWith('solution.a')
          ? customer
          : agent
      const event: Record<string, unknown> = {
        ...payload,
        id: `${caseId}-${i}`,
        caseId,
        at: new Date(at),
        actor,
      }
      if (payload.type === 'case.opened') {
        event.case = { ...(payload.case as object), id: caseId, openedAt: new Date(at) }
      }
      return event as unknown as CaseEvent
    })
  })
}
