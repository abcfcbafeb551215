/** The report's style sheet: readable on screen and in print, no web fonts. */
export const reportStyle = `
:root { color-scheme: light; --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --card: #f9fafb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1000px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); padding-bottom: 12px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-top: 8px; border-top: 1px solid var(--line); }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f3f4f6; padding: 1px 4px; border-radius: 3px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 20px 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card-title { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.card-value { font-size: 26px; font-weight: 650; }
.card-detail { font-size: 12px; color: var(--muted); }
figure.chart { margin: 16px 0 24px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .axis { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--line); }
svg .track { fill: #f3f4f6; }
svg .mark:hover rect, svg .mark:hover text { opacity: .75; }
.note { color: var(--muted); font-size: 13px; margin: 4px 0; }
details { margin: 6px 0; }
summary { cursor: pointer; color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
td:nth-child(n+2) { font-variant-numeric: tabular-nums; }
button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
footer { color: var(--muted); font-size: 12px; padding: 24px; border-top: 1px solid var(--line); margin-top: 32px; }
@media print { details { display: block; } button { display: none; } }
`

/** The report's only script: open or close every table of numbers at once. */
export const reportScript = `
(() => {
  const button = document.getElementById('toggle-numbers');
  if (!button) return;
  let open = false;
  button.addEventListener('click', () => {
    open = !open;
    for (const d of document.querySelectorAll('figure.chart details')) d.open = open;
    button.textContent = open ? 'Hide all numbers' : 'Show all numbers';
  });
})();
`
