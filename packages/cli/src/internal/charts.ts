// Charts as inline SVG, drawn here so the report needs no script library and
// no network: each is a <figure data-chart="…"> with an accessible label, a
// <title> on every mark (the browser's own tooltip), and its numbers in a table.

/** Escapes text for HTML and SVG. */
export function esc(text: unknown): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/** A palette that reads in colour and in grey, for series and priorities. */
export const palette = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#dc2626',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#db2777',
]

function figure(id: string, title: string, svg: string, table: string, note = ''): string {
  return `<figure class="chart" data-chart="${esc(id)}">
<figcaption>${esc(title)}</figcaption>
${svg}
${note ? `<p class="note">${note}</p>` : ''}
<details><summary>Numbers</summary>${table}</details>
</figure>`
}

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

/** One bar of a horizontal bar chart. */
export interface Bar {
  label: string
  value: number
  /** Shown after the value, e.g. a percentage. */
  note?: string
  color?: string
}

/** Horizontal bars, longest label on the left: for paths, rejections, levels, priorities. */
export function barChart(o: {
  id: string
  title: string
  bars: Bar[]
  unit: string
  max?: number
  note?: string
  format?: (n: number) => string
}): string {
  const format = o.format ?? ((n: number) => fmt(n))
  const labelWidth = Math.min(380, Math.max(80, ...o.bars.map((b) => b.label.length * 6.6 + 12)))
  const width = 820
  const row = 24
  const height = Math.max(1, o.bars.length) * row + 8
  const max = o.max ?? Math.max(1, ...o.bars.map((b) => b.value))
  // Room after the longest bar for its value and note.
  const reserve = Math.min(
    360,
    Math.max(
      60,
      ...o.bars.map((b) => (format(b.value).length + (b.note?.length ?? 0) + 1) * 6.6 + 10),
    ),
  )
  const span = Math.max(120, width - labelWidth - reserve)
  const marks = o.bars
    .map((b, i) => {
      const y = i * row + 4
      const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * span)
      const full = `${format(b.value)}${b.note ? ` ${b.note}` : ''}`
      const text = truncate(full, Math.floor((width - labelWidth - w - 8) / 6.6))
      return `<g class="mark"><title>${esc(`${b.label}: ${full}`)}</title>
<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${esc(truncate(b.label, Math.floor(labelWidth / 6.6)))}</text>
<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" rx="2" fill="${b.color ?? palette[0]}"/>
<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 15}" class="value">${esc(text)}</text></g>`
    })
    .join('\n')
  const svg = `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(o.title)}">${marks || `<text x="8" y="18" class="label">No ${esc(o.unit)}</text>`}</svg>`
  return figure(
    o.id,
    o.title,
    svg,
    table(
      ['', o.unit],
      o.bars.map((b) => [b.label, `${format(b.value)}${b.note ? ` ${b.note}` : ''}`]),
    ),
    o.note,
  )
}

/** Vertical columns over ordered bins: a histogram. */
export function columnChart(o: {
  id: string
  title: string
  columns: { label: string; value: number }[]
  unit: string
  note?: string
}): string {
  const width = 820
  const height = 260
  const left = 56
  const bottom = 40
  const max = Math.max(1, ...o.columns.map((c) => c.value))
  const slot = (width - left - 10) / Math.max(1, o.columns.length)
  const axis = ticks(max)
  const grid = axis
    .map((t) => {
      const y = 10 + (1 - t / max) * (height - bottom - 10)
      return `<line x1="${left}" x2="${width - 10}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="axis">${fmt(t)}</text>`
    })
    .join('')
  const marks = o.columns
    .map((c, i) => {
      const h = (c.value / max) * (height - bottom - 10)
      const x = left + i * slot + slot * 0.12
      const y = height - bottom - h
      return `<g class="mark"><title>${esc(`${c.label}: ${fmt(c.value)} ${o.unit}`)}</title><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.76).toFixed(1)}" height="${h.toFixed(1)}" rx="2" fill="${palette[0]}"/>
<text x="${(x + slot * 0.38).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" class="axis">${esc(c.label)}</text></g>`
    })
    .join('\n')
  const svg = `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(o.title)}">${grid}${marks}</svg>`
  return figure(
    o.id,
    o.title,
    svg,
    table(
      ['', o.unit],
      o.columns.map((c) => [c.label, fmt(c.value)]),
    ),
    o.note,
  )
}

/** One line of a line chart: a value (or a gap, `null`) per x label. */
export interface Series {
  name: string
  values: (number | null)[]
  color?: string
}

/** Lines over ordered x labels (days, months), with a legend. */
export function lineChart(o: {
  id: string
  title: string
  labels: string[]
  series: Series[]
  unit: string
  max?: number
  format?: (n: number) => string
  note?: string
}): string {
  const format = o.format ?? ((n: number) => fmt(n))
  const width = 820
  const height = 280
  const left = 60
  const bottom = 44
  const top = 26
  const all = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  const max = o.max ?? Math.max(1, ...all)
  const n = Math.max(1, o.labels.length - 1)
  const x = (i: number) => left + (i / n) * (width - left - 16)
  const y = (v: number) => top + (1 - v / max) * (height - bottom - top)
  const grid = ticks(max)
    .map(
      (t) =>
        `<line x1="${left}" x2="${width - 16}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" class="axis">${esc(format(t))}</text>`,
    )
    .join('')
  const step = Math.max(1, Math.ceil(o.labels.length / 8))
  const xAxis = o.labels
    .map((l, i) =>
      i % step === 0 || (i === o.labels.length - 1 && i % step > step / 2)
        ? `<text x="${x(i).toFixed(1)}" y="${height - bottom + 18}" text-anchor="${i === 0 && o.labels.length > 1 ? 'start' : i === o.labels.length - 1 && i > 0 ? 'end' : 'middle'}" class="axis">${esc(l)}</text>`
        : '',
    )
    .join('')
  const lines = o.series
    .map((s, k) => {
      const color = s.color ?? palette[k % palette.length]!
      let d = ''
      let pen = false
      s.values.forEach((v, i) => {
        if (v === null) {
          pen = false
          return
        }
        d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`
        pen = true
      })
      const dots =
        o.labels.length <= 40
          ? s.values
              .map((v, i) =>
                v === null
                  ? ''
                  : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${color}"><title>${esc(`${s.name}, ${o.labels[i]}: ${format(v)}`)}</title></circle>`,
              )
              .join('')
          : ''
      return `<g class="series" data-series="${esc(s.name)}"><path d="${d}" fill="none" stroke="${color}" stroke-width="2"><title>${esc(s.name)}</title></path>${dots}</g>`
    })
    .join('\n')
  const legend = o.series
    .map(
      (s, k) =>
        `<g transform="translate(${left + k * 150},6)"><rect width="12" height="12" rx="2" fill="${s.color ?? palette[k % palette.length]}"/><text x="18" y="11" class="label">${esc(truncate(s.name, 20))}</text></g>`,
    )
    .join('')
  const svg = `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(o.title)}">${grid}${xAxis}${lines}${legend}</svg>`
  const rows = o.labels.map((l, i) => [
    l,
    ...o.series.map((s) => (s.values[i] === null ? '—' : format(s.values[i]!))),
  ])
  return figure(o.id, o.title, svg, table(['', ...o.series.map((s) => s.name)], rows), o.note)
}

/** A share with its confidence interval, as one horizontal gauge. */
export function rateGauge(o: {
  id: string
  title: string
  value: number | null
  ci: readonly [number, number] | null
  count: number
  n: number
  what: string
  note?: string
}): string {
  const width = 820
  const height = 70
  const left = 20
  const span = width - 2 * left
  // The scale fits the interval, so small rates are not a sliver.
  const top = Math.max(5, Math.ceil(((o.ci?.[1] ?? o.value ?? 0) * 1.25) / 5) * 5)
  const x = (v: number) => left + (Math.min(v, top) / top) * span
  const value = o.value ?? 0
  const marks =
    o.value === null
      ? `<text x="${left}" y="36" class="label">No ${esc(o.what)}</text>`
      : `<rect x="${left}" y="22" width="${span}" height="16" rx="3" class="track"/>
<rect x="${left}" y="22" width="${(x(value) - left).toFixed(1)}" height="16" rx="3" fill="${palette[3]}"/>
${o.ci ? `<line x1="${x(o.ci[0]).toFixed(1)}" x2="${x(o.ci[1]).toFixed(1)}" y1="48" y2="48" stroke="#111" stroke-width="2"/><line x1="${x(o.ci[0]).toFixed(1)}" x2="${x(o.ci[0]).toFixed(1)}" y1="44" y2="52" stroke="#111"/><line x1="${x(o.ci[1]).toFixed(1)}" x2="${x(o.ci[1]).toFixed(1)}" y1="44" y2="52" stroke="#111"/>` : ''}
<g class="mark"><title>${esc(`${fmt(value, 2)}% (${fmt(o.count)} of ${fmt(o.n)} ${o.what})`)}</title><text x="${(x(value) + 6).toFixed(1)}" y="16" class="value">${fmt(value, 2)}%</text></g>
<text x="${left}" y="66" class="axis">0%</text><text x="${width - left}" y="66" text-anchor="end" class="axis">${top}%</text>`
  const svg = `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(o.title)}">${marks}</svg>`
  return figure(
    o.id,
    o.title,
    svg,
    table(
      ['rate', '95% interval (Wilson)', 'count', 'of'],
      [
        [
          o.value === null ? '—' : `${fmt(value, 2)}%`,
          o.ci ? `${fmt(o.ci[0], 2)}–${fmt(o.ci[1], 2)}%` : '—',
          fmt(o.count),
          fmt(o.n),
        ],
      ],
    ),
    o.note,
  )
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, Math.max(1, n - 1))}…` : text
}

/** Round axis ticks from 0 to at most `max`. */
function ticks(max: number): number[] {
  const raw = max / 4
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw
  const out: number[] = []
  for (let t = 0; t <= max + 1e-9; t += step) out.push(Number(t.toPrecision(12)))
  return out
}
