import { barChart, columnChart, esc, lineChart, palette, rateGauge } from './internal/charts'
import { reportScript, reportStyle } from './internal/report-assets'
import { version } from './internal/version'
import type { ReplaySummary } from './replay-summary'

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const pct = (rate: number | null, digits = 1) =>
  rate === null ? '—' : `${fmt(rate * 100, digits)}%`

/**
 * The HTML report of a replay: one self-contained file (inline CSS, SVG and
 * a few lines of script; no network), with a chart for each part of the
 * summary and its numbers beside it.
 *
 * @example
 * ```ts
 * writeFileSync('report.html', toHtmlReport(await replayLog(options)))
 * ```
 */
export function toHtmlReport(summary: ReplaySummary): string {
  const s = summary
  const c = s.conformance
  const agreement = s.policy.observed.priority
  const cards = [
    card(
      'Cases',
      fmt(s.input.cases),
      `${fmt(s.input.events)} events from ${fmt(s.input.rows)} rows`,
    ),
    card(
      'Follow the standard process',
      pct(c.rate),
      `${fmt(c.conforming)} of ${fmt(c.cases)} cases`,
    ),
    ...(agreement
      ? [
          card(
            'Priority as the log records it',
            pct(agreement.rate, 2),
            `${fmt(agreement.agree)} of ${fmt(agreement.rows)} rows`,
          ),
        ]
      : []),
    card(
      'Median time to resolve',
      s.metrics.timeToResolve.p50 === null ? '—' : `${fmt(s.metrics.timeToResolve.p50, 1)} h`,
      `p90 ${s.metrics.timeToResolve.p90 === null ? '—' : `${fmt(s.metrics.timeToResolve.p90, 1)} h`}`,
    ),
    card(
      'Reopen rate',
      s.metrics.reopenRate.value === null ? '—' : `${fmt(s.metrics.reopenRate.value, 2)}%`,
      `of ${fmt(s.metrics.reopenRate.n)} resolved cases`,
    ),
    card(
      'SLA attainment',
      pct(s.sla.overall.attainment),
      `${fmt(s.sla.overall.achieved)} of ${fmt(s.sla.overall.achieved + s.sla.overall.breached)} clocks met`,
    ),
    card(
      'Bad rows',
      fmt(s.issues.total),
      s.issues.total === 0 ? 'none' : 'counted, with their lines, below',
    ),
  ]
  const sections: string[] = []

  sections.push(slaBlock(s))

  sections.push(`<section id="conformance"><h2>Conformance to the standard process</h2>
<p>${fmt(c.conforming)} of ${fmt(c.cases)} cases (${pct(c.rate)}) went through the standard process with every event accepted; ${fmt(c.rejectedEvents)} events were refused in the others. A refused event changes nothing, and the case goes on from where it was.</p>
${barChart({
  id: 'nonconforming-paths',
  title: 'Most frequent paths of non-conforming cases',
  unit: 'cases',
  bars: c.topPaths.map((p) => ({
    label: p.path,
    value: p.cases,
    note: `· first refusal: ${p.firstRejection}`,
  })),
  note: c.topPaths.length > 0 ? exampleNote(c.topPaths[0]!) : '',
})}
${barChart({
  id: 'refusals',
  title: 'Most frequent refusals (event in state, and the guard)',
  unit: 'cases',
  bars: c.topRejections.map((r) => ({ label: r.key, value: r.cases, color: palette[1] })),
})}
${barChart({
  id: 'final-stages',
  title: 'Where the cases ended',
  unit: 'cases',
  bars: Object.entries(c.finalStages).map(([k, v]) => ({ label: k, value: v, color: palette[2] })),
})}
</section>`)

  const ttr = s.metrics.timeToResolve
  sections.push(`<section id="resolution"><h2>Time to resolve</h2>
<p>From the opening to the last resolution, in elapsed time, over ${fmt(ttr.n)} resolved cases: median ${ttr.p50 === null ? '—' : `${fmt(ttr.p50, 1)} h`}, p90 ${ttr.p90 === null ? '—' : `${fmt(ttr.p90, 1)} h`}, p95 ${ttr.p95 === null ? '—' : `${fmt(ttr.p95, 1)} h`} (streaming percentiles, within 1%).</p>
${columnChart({
  id: 'time-to-resolve',
  title: 'Time to resolve',
  unit: 'cases',
  columns: ttr.histogram.map((b) => ({ label: b.label, value: b.cases })),
})}
</section>`)

  const backlog = weekly(s.metrics.backlog)
  sections.push(`<section id="backlog"><h2>Backlog</h2>
${lineChart({
  id: 'backlog',
  title: backlog.weekly
    ? 'Open cases at the end of each week'
    : 'Open cases at the end of each day',
  labels: backlog.labels,
  series: [
    { name: 'open', values: backlog.open, color: palette[0] },
    {
      name: `opened per ${backlog.weekly ? 'week' : 'day'}`,
      values: backlog.opened,
      color: palette[2],
    },
    {
      name: `closed per ${backlog.weekly ? 'week' : 'day'}`,
      values: backlog.closed,
      color: palette[1],
    },
  ],
  unit: 'cases',
  note: `Days in ${esc(s.input.timeZone)}. A case open when the log ends stays in the backlog.`,
})}
</section>`)

  const levels = new Map(s.policy.escalationLevels.map((l) => [String(l.level), l.label]))
  sections.push(`<section id="escalations"><h2>Escalations and reopening</h2>
${barChart({
  id: 'escalations',
  title: 'Cases by the highest escalation level reached in the log',
  unit: 'cases',
  bars: Object.entries(s.metrics.escalations).map(([k, v]) => ({
    label: levels.get(k) ?? `level ${k}`,
    value: v,
    note: `(${pct(v / Math.max(1, c.cases))})`,
    color: palette[4],
  })),
})}
${barChart({
  id: 'policy-escalations',
  title: `Cases by the highest level the policy's escalation rules reach on their SLA warnings and breaches`,
  unit: 'cases',
  bars: Object.entries(s.metrics.policyEscalations).map(([k, v]) => ({
    label: levels.get(k) ?? `level ${k}`,
    value: v,
    note: `(${pct(v / Math.max(1, c.cases))})`,
    color: palette[3],
  })),
})}
${rateGauge({
  id: 'reopen-rate',
  title: 'Reopen rate: resolved cases reopened or whose resolution was rejected',
  value: s.metrics.reopenRate.value,
  ci: s.metrics.reopenRate.ci,
  count: s.metrics.reopenRate.count,
  n: s.metrics.reopenRate.n,
  what: 'resolved cases',
  note: 'The bar under the value is its 95% Wilson score interval.',
})}
</section>`)

  sections.push(`<section id="policy"><h2>Policy decisions</h2>
${barChart({
  id: 'priorities',
  title: `Priority the policy ${esc(s.input.policy.id)} decides, by case`,
  unit: 'cases',
  bars: byPriorityOrder(s, s.policy.priorities).map(([k, v], i) => ({
    label: k,
    value: v,
    color: palette[i % palette.length],
  })),
})}
<details><summary>Teams the policy routes the cases to</summary><table class="data"><thead><tr><th>team</th><th>cases</th></tr></thead><tbody>${Object.entries(
    s.policy.teams,
  )
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `<tr><td>${esc(t)}</td><td>${fmt(n)}</td></tr>`)
    .join('')}</tbody></table></details>
${agreement ? agreementBlock('priority', agreement) : ''}
${s.policy.observed.team ? agreementBlock('team', s.policy.observed.team) : ''}
</section>`)

  if (s.compare) sections.push(compareBlock(s))
  sections.push(issuesBlock(s))

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Replay of ${esc(s.input.log)} · servicekit</title>
<style>${reportStyle}</style>
</head>
<body>
<header>
<h1>Replay of <code>${esc(s.input.log)}</code></h1>
<p>Policy <strong>${esc(s.input.policy.id)} ${esc(s.input.policy.version)}</strong> (${esc(s.input.policy.file)})${s.compare ? `, compared with <strong>${esc(s.compare.policy.id)} ${esc(s.compare.policy.version)}</strong>` : ''} · mapping ${esc(s.input.mapping)} · ${esc(s.input.from?.slice(0, 10) ?? '—')} to ${esc(s.input.to?.slice(0, 10) ?? '—')} (${esc(s.input.timeZone)})</p>
<button type="button" id="toggle-numbers">Show all numbers</button>
</header>
<main>
<div class="cards">${cards.join('')}</div>
${sections.join('\n')}
</main>
<footer>Made by @servicekit/cli ${esc(version)} from the same functions a live desk runs. The numbers are also in the JSON summary (format ${esc(s.format)}).</footer>
<script>${reportScript}</script>
</body>
</html>
`
}

function changeTable(
  what: string,
  rows: NonNullable<ReplaySummary['compare']>['attainment']['byPriority'],
): string {
  return `<table class="data"><thead><tr><th>${esc(what)}</th><th>attainment before</th><th>after</th><th>change</th><th>clocks decided</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${esc(r.key)}</td><td>${pct(r.a)}</td><td>${pct(r.b)}</td><td>${r.delta === null ? '—' : `${r.delta > 0 ? '+' : ''}${fmt(r.delta, 1)} pt`}</td><td>${fmt(r.decided[0])} → ${fmt(r.decided[1])}</td></tr>`,
    )
    .join('')}</tbody></table>`
}

/** Entries keyed by priority, in the policy's order (most urgent first), then any others. */
export function byPriorityOrder<T>(s: ReplaySummary, record: Record<string, T>): [string, T][] {
  const rank = (k: string) => {
    const i = s.policy.priorityLevels.indexOf(k)
    return i < 0 ? Number.MAX_SAFE_INTEGER : i
  }
  return Object.entries(record).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
}

function slaBlock(s: ReplaySummary): string {
  const sla = s.sla
  const priorities = byPriorityOrder(s, sla.byPriorityMonth).map(([p]) => p)
  const months = [
    ...new Set(priorities.flatMap((p) => Object.keys(sla.byPriorityMonth[p]!))),
  ].sort()
  const o = sla.overall
  const teams = Object.entries(sla.byTeam)
    .sort((a, b) => b[1].total - a[1].total)
    .slice(0, 25)
  const rows = (r: [string, ReplaySummary['sla']['overall']][]) =>
    r
      .map(
        ([k, a]) =>
          `<tr><td>${esc(k)}</td><td>${pct(a.attainment)}</td><td>${fmt(a.achieved)}</td><td>${fmt(a.breached)}</td><td>${fmt(a.running + a.paused)}</td><td>${fmt(a.cancelled)}</td></tr>`,
      )
      .join('')
  const head =
    '<thead><tr><th></th><th>attainment</th><th>achieved</th><th>breached</th><th>open</th><th>cancelled</th></tr></thead>'
  return `<section id="sla"><h2>Service levels</h2>
<p>${fmt(o.total)} SLA clocks of the policy (computed by <code>@servicekit/sla</code> from each case's log, read at ${esc(sla.readAt)}): ${fmt(o.achieved)} achieved, ${fmt(o.breached)} breached, ${fmt(o.running + o.paused)} still open, ${fmt(o.cancelled)} cancelled. Attainment, achieved / (achieved + breached): <strong>${pct(o.attainment)}</strong>.</p>
${barChart({
  id: 'sla-by-priority',
  title: 'SLA attainment by priority',
  unit: '% attained',
  max: 100,
  format: (n) => `${fmt(n, 1)}%`,
  bars: byPriorityOrder(s, sla.byPriority).map(([k, a], i) => ({
    label: k,
    value: a.attainment === null ? 0 : a.attainment * 100,
    note: `(${fmt(a.achieved)} of ${fmt(a.achieved + a.breached)})`,
    color: palette[i % palette.length],
  })),
})}
${lineChart({
  id: 'sla-by-priority-month',
  title: 'SLA attainment by priority and month (the month the clock started)',
  labels: months,
  unit: '% attained',
  max: 100,
  format: (n) => `${fmt(n, 1)}%`,
  series: priorities.map((p, i) => ({
    name: p,
    values: months.map((m) => {
      const a = sla.byPriorityMonth[p]![m]?.attainment
      return a === undefined || a === null ? null : a * 100
    }),
    color: palette[i % palette.length],
  })),
  note: `Months in ${esc(s.input.timeZone)}; a gap is a month without a decided clock of that priority.`,
})}
<details><summary>By metric</summary><table class="data">${head}<tbody>${rows(Object.entries(sla.byMetric))}</tbody></table></details>
<details><summary>By team (the ${fmt(teams.length)} with the most clocks)</summary><table class="data">${head}<tbody>${rows(teams)}</tbody></table></details>
</section>`
}

function card(title: string, value: string, detail: string): string {
  return `<div class="card"><div class="card-title">${esc(title)}</div><div class="card-value">${esc(value)}</div><div class="card-detail">${esc(detail)}</div></div>`
}

function exampleNote(p: ReplaySummary['conformance']['topPaths'][number]): string {
  return `For example case ${esc(p.example.caseId)}, line ${fmt(p.example.line)}: ${esc(p.example.message)}`
}

function agreementBlock(
  what: string,
  a: NonNullable<ReplaySummary['policy']['observed']['priority']>,
): string {
  return `<p>The ${esc(what)} the policy decides equals the log's own on <strong>${fmt(a.agree)} of ${fmt(a.rows)}</strong> rows (${pct(a.rate, 2)}).</p>
${
  a.mismatches.length === 0
    ? ''
    : `<table class="data"><thead><tr><th>log says</th><th>policy decides</th><th>rows</th></tr></thead><tbody>${a.mismatches
        .slice(0, 30)
        .map(
          (m) =>
            `<tr><td>${esc(m.observed)}</td><td>${esc(m.decided)}</td><td>${fmt(m.rows)}</td></tr>`,
        )
        .join('')}</tbody></table>`
}`
}

function compareBlock(s: ReplaySummary): string {
  const c = s.compare!
  return `<section id="compare"><h2>What if: ${esc(c.policy.id)} ${esc(c.policy.version)}</h2>
<p>Under ${esc(c.policy.file)}, ${fmt(c.changedCases)} of ${fmt(s.input.cases)} cases would get another priority, team or number of breached SLA clocks. Overall attainment ${pct(c.attainment.overall.a)} → ${pct(c.attainment.overall.b)}.</p>
${barChart({ id: 'compare-priority', title: 'Priority moves', unit: 'cases', bars: c.priorityChanges.map((r) => ({ label: r.key, value: r.cases, color: palette[5] })) })}
${barChart({ id: 'compare-team', title: 'Team moves', unit: 'cases', bars: c.teamChanges.map((r) => ({ label: r.key, value: r.cases, color: palette[6] })) })}
<h3>SLA attainment: ${esc(s.input.policy.id)} → ${esc(c.policy.id)}</h3>
${changeTable('overall', [c.attainment.overall])}
${changeTable('priority', c.attainment.byPriority)}
<details><summary>By team (${fmt(c.attainment.byTeam.length)}, the largest changes first)</summary>${changeTable('team', c.attainment.byTeam.slice(0, 50))}</details>
<details><summary>The first ${fmt(c.cases.length)} differing cases</summary><table class="data"><thead><tr><th>case</th><th>line</th><th>priority</th><th>team</th><th>breached clocks</th></tr></thead><tbody>${c.cases
    .map(
      (d) =>
        `<tr><td>${esc(d.caseId)}</td><td>${fmt(d.line)}</td><td>${esc(d.priority.join(' → '))}</td><td>${esc(d.team.join(' → '))}</td><td>${esc(d.breached.join(' → '))}</td></tr>`,
    )
    .join('')}</tbody></table></details>
</section>`
}

function issuesBlock(s: ReplaySummary): string {
  const kinds = Object.entries(s.issues.byKind)
  return `<section id="issues"><h2>Bad input</h2>
${
  s.issues.total === 0
    ? '<p>Every row could be read and mapped.</p>'
    : `<p>${fmt(s.issues.total)} rows or values could not be used; the replay went on without them (<code>--strict</code> stops at the first).</p>
<table class="data"><thead><tr><th>kind</th><th>count</th></tr></thead><tbody>${kinds.map(([k, n]) => `<tr><td>${esc(k)}</td><td>${fmt(n)}</td></tr>`).join('')}</tbody></table>
<details open><summary>The first ${fmt(s.issues.first.length)}, by line</summary><table class="data"><thead><tr><th>line</th><th>kind</th><th>case</th><th>what</th></tr></thead><tbody>${s.issues.first
        .map(
          (i) =>
            `<tr><td>${fmt(i.line)}</td><td>${esc(i.kind)}</td><td>${esc(i.caseId ?? '')}</td><td>${esc(i.message)}</td></tr>`,
        )
        .join('')}</tbody></table></details>`
}
</section>`
}

/** Daily points, or weekly ones (Monday-less: every 7th day) when the log spans more than 120 days. */
function weekly(points: ReplaySummary['metrics']['backlog']) {
  const isWeekly = points.length > 120
  const labels: string[] = []
  const open: number[] = []
  const opened: number[] = []
  const closed: number[] = []
  const size = isWeekly ? 7 : 1
  for (let i = 0; i < points.length; i += size) {
    const chunk = points.slice(i, i + size)
    labels.push(chunk[0]!.date)
    open.push(chunk.at(-1)!.open)
    opened.push(chunk.reduce((n, p) => n + p.opened, 0))
    closed.push(chunk.reduce((n, p) => n + p.closed, 0))
  }
  return { weekly: isWeekly, labels, open, opened, closed }
}
