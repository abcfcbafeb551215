// bench/policy: decide() over 100,000 synthetic cases with the standard
// after-sales policy (5 priority rules and a 3×3 matrix, 5 routing rules,
// 6 SLA policies, 4 escalation rules), against a hand-written TypeScript
// function and json-rules-engine used as its README shows. Run after
// `npm run build`: npx tsx --expose-gc bench/policy/run.ts
import { readFileSync } from 'node:fs'
import { createPolicyEngine, parsePolicy } from '@servicekit/policy'
import { commit, fmt, machine, median, opsPerSecond, writeSection } from '../lib/measure'
import { decideByHand } from './hand-written'
import { createDocsEngine, decideWithDocsEngine } from './json-rules-engine-docs'

const policy = parsePolicy(
  readFileSync(
    new URL('../../examples/policies/standard-after-sales.policy.json', import.meta.url),
    'utf8',
  ),
)
const ruleCount =
  policy.priority.rules.length +
  policy.routing.rules.length +
  policy.sla.policies.length +
  policy.escalation.rules.length

// Deterministic synthetic cases (mulberry32), with the mix of a real desk: most fields present, some absent.
let seed = 42
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
const categories = [
  'productInquiry',
  'afterSales',
  'afterSales',
  'afterSales',
  'account',
  'complaint',
  'technicalInquiry',
]
const subcategories: Record<string, string[]> = {
  afterSales: ['technical', 'quality', 'usage'],
  complaint: ['integrity', 'service', 'suggestion'],
}
const cases = Array.from({ length: 100_000 }, () => {
  const category = pick(categories)
  const c: Record<string, unknown> = {
    category,
    channel: pick(['phone', 'email', 'chat', 'web', 'social', 'letter', 'visit']),
  }
  if (subcategories[category]) c.subcategory = pick(subcategories[category]!)
  if (random() < 0.8) {
    c.impact = pick([1, 2, 3])
    c.urgency = pick([1, 2, 3])
  }
  if (random() < 0.05) c.flags = [pick(['systemFailure', 'safetyRisk'])]
  if (random() < 0.3) c.reopenCount = pick([0, 1, 2])
  const customer: Record<string, unknown> = {
    tier: pick(['key', 'potential', 'ordinary', 'ordinary']),
  }
  if (random() < 0.4) customer.emotion = pick(['calm', 'upset', 'angry'])
  return { case: c, customer }
})

const compiled = createPolicyEngine(policy)
const reference = createPolicyEngine(policy, { mode: 'reference' })
const docsEngine = createDocsEngine()

// The three decide the same (a benchmark of different answers would mean nothing).
const sameAs = (d: {
  priority: string
  team: string
  role: string | undefined
  skills: readonly string[]
  slaPolicies: readonly (string | { id: string })[]
  escalations: readonly (string | { id: string })[]
}) =>
  JSON.stringify([
    d.priority,
    d.team,
    d.role,
    [...d.skills],
    d.slaPolicies.map((s) => (typeof s === 'string' ? s : s.id)),
    d.escalations.map((e) => (typeof e === 'string' ? e : e.id)),
  ])
for (const [i, f] of cases.entries()) {
  const want = sameAs(compiled.decide(f))
  if (sameAs(decideByHand(f as never)) !== want)
    throw new Error(`hand-written differs on case ${i}`)
  if (i < 2_000 && sameAs(await decideWithDocsEngine(docsEngine, f)) !== want)
    throw new Error(`json-rules-engine differs on case ${i}`)
  if (i < 2_000 && JSON.stringify(await reference.decide(f)) !== JSON.stringify(compiled.decide(f)))
    throw new Error(`reference mode differs on case ${i}`)
}

const all = cases.length
const compiledOps = opsPerSecond(
  () => {
    let n = 0
    for (const f of cases) n += compiled.decide(f).slaPolicies.length
    return n
  },
  all,
  { samples: 7, minMs: 1000 },
)
const handOps = opsPerSecond(
  () => {
    let n = 0
    for (const f of cases) n += decideByHand(f as never).slaPolicies.length
    return n
  },
  all,
  { samples: 7, minMs: 1000 },
)

// The asynchronous engines are timed on the first 10,000 cases per sample.
async function asyncOps(
  decide: (f: unknown) => Promise<unknown>,
  n: number,
  samples = 5,
): Promise<number[]> {
  for (const f of cases.slice(0, 1000)) await decide(f)
  const out: number[] = []
  for (let s = 0; s < samples; s++) {
    const start = performance.now()
    for (let i = 0; i < n; i++) await decide(cases[i]!)
    out.push((n / (performance.now() - start)) * 1000)
  }
  return out
}
const docsOps = await asyncOps((f) => decideWithDocsEngine(docsEngine, f as never), 10_000)
const referenceOps = await asyncOps((f) => reference.decide(f), 10_000)

const m = {
  compiled: median(compiledOps),
  hand: median(handOps),
  docs: median(docsOps),
  reference: median(referenceOps),
}
const lines = [
  '## policy: `decide()` per second',
  '',
  `${machine()}; commit ${commit()}. Policy: examples/policies/standard-after-sales.policy.json (${ruleCount} rules and a 3×3 matrix: priority, routing, SLA selection, escalation). ${fmt(all)} synthetic cases; medians of 7 samples (compiled, hand-written: each sample ≥ 1 s over all cases) and 5 samples (asynchronous engines: 10,000 cases each). All four make the same decisions (checked on every case before timing).`,
  '',
  '| evaluator | decisions / s (median) | vs compiled |',
  '| --- | ---: | ---: |',
  `| servicekit compiled (\`createPolicyEngine(policy)\`, facts validated, trace built) | ${fmt(m.compiled)} | 1× |`,
  `| hand-written TypeScript function (no validation, no trace) | ${fmt(m.hand)} | ${fmt(m.hand / m.compiled, 2)}× |`,
  `| json-rules-engine ${JSON.parse(readFileSync(new URL('../../node_modules/json-rules-engine/package.json', import.meta.url), 'utf8')).version}, one engine, \`await engine.run(facts)\` as its README shows | ${fmt(m.docs)} | ${fmt(m.docs / m.compiled, 4)}× |`,
  `| servicekit reference mode (json-rules-engine, pooled engines) | ${fmt(m.reference)} | ${fmt(m.reference / m.compiled, 4)}× |`,
  '',
  `Targets: compiled within 3× of hand-written (measured ${fmt(m.hand / m.compiled, 2)}×: ${m.hand / m.compiled <= 3 ? 'met' : 'NOT met'}); compiled ≥ 100× json-rules-engine (measured ${fmt(m.compiled / m.docs, 0)}×: ${m.compiled / m.docs >= 100 ? 'met' : 'NOT met'}).`,
]
writeSection('policy', lines.join('\n'))
console.log(lines.join('\n'))
