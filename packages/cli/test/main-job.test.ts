import { execFile } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReplaySummary } from '../src/index'
import { fromRoot, tempDir } from './helpers'

const exec = promisify(execFile)
const readme = readFileSync(fromRoot('README.md'), 'utf8')
const report = fromRoot('out/replay/report.html')
const json = fromRoot('out/replay/summary.json')

// The README's main job, run as a user runs it: `npm start` at the root of the
// repository, with nothing built. Its output folder is gitignored.
describe('npm start (the README main job)', () => {
  let stdout = ''
  beforeAll(async () => {
    rmSync(fromRoot('out/replay'), { recursive: true, force: true })
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
    delete env.NODE_OPTIONS
    ;({ stdout } = await exec('npm', ['start', '--silent'], { cwd: fromRoot(), env }))
  }, 120_000)

  it('is the first command of the README, which says where the report is', () => {
    expect(readme).toContain(
      'npm install && npm start   # the main job: replays a real incident log into a report',
    )
    expect(readme).toContain('**`out/replay/report.html`**')
    expect(readme).toContain('**`out/replay/summary.json`**')
  })

  it('writes the report and the JSON summary, and prints where they are', () => {
    expect(existsSync(report)).toBe(true)
    expect(existsSync(json)).toBe(true)
    expect(stdout).toContain('Report       out/replay/report.html\n')
    expect(stdout).toContain('JSON summary out/replay/summary.json\n')
  })

  it('replays the shipped sample: 500 incidents, every priority as the log records it', () => {
    const summary = JSON.parse(readFileSync(json, 'utf8')) as ReplaySummary
    expect(summary.input).toMatchObject({ log: 'uci-incident.sample.csv', rows: 3411, cases: 500 })
    expect(summary.policy.observed.priority).toMatchObject({ rows: 3411, agree: 3411 })
    expect(stdout).toContain(
      `Conformance  ${summary.conformance.conforming} of 500 cases (${(summary.conformance.conforming / 5).toFixed(1)}%) follow the standard process`,
    )
    expect(stdout).toMatch(/Bad input {4}6 out-of-order; first: line 330 /)
  })
})

// The report opened as a person opens it: in a browser with no network.
describe('the HTML report in headless Chromium', () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>
  const errors: string[] = []
  const requests: string[] = []
  let charts: Record<string, { svgs: number; marks: number; width: number }> = {}
  let shot = ''

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    })
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.route('**/*', (route) => {
      requests.push(route.request().url())
      return route.request().url().startsWith('file:') ? route.continue() : route.abort()
    })
    await page.goto(`file://${report}`)
    // Runs in the page (no DOM types in this project: the elements are described by what is read).
    type Box = { width: number }
    type El = {
      getAttribute(name: string): string | null
      querySelector(s: string): { getBoundingClientRect(): Box } | null
      querySelectorAll(s: string): { length: number }
    }
    charts = await page.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }
      ).document
      return Object.fromEntries(
        [...doc.querySelectorAll('figure.chart')].map((f) => [
          f.getAttribute('data-chart'),
          {
            svgs: f.querySelectorAll('svg').length,
            marks: f.querySelectorAll('svg rect, svg path, svg circle').length,
            width: f.querySelector('svg')?.getBoundingClientRect().width ?? 0,
          },
        ]),
      )
    })
    await page.click('#toggle-numbers')
    expect(await page.locator('figure.chart details[open]').count()).toBe(
      Object.keys(charts).length,
    )
    shot = `${tempDir()}/report.png`
    await page.screenshot({ path: shot, fullPage: true })
  }, 60_000)
  afterAll(() => browser?.close())

  it('renders every chart (SLA attainment by priority and month, time to resolve, backlog, escalations, reopen rate, non-conforming paths, …), each an SVG with marks', () => {
    expect(Object.keys(charts).sort()).toEqual(
      [
        'backlog',
        'escalations',
        'final-stages',
        'nonconforming-paths',
        'policy-escalations',
        'priorities',
        'refusals',
        'reopen-rate',
        'sla-by-priority',
        'sla-by-priority-month',
        'time-to-resolve',
      ].sort(),
    )
    for (const [name, c] of Object.entries(charts)) {
      expect(c.svgs, name).toBe(1)
      expect(c.marks, name).toBeGreaterThan(0)
      expect(c.width, name).toBeGreaterThan(600)
    }
  })

  it('has no console errors and asks the network for nothing', () => {
    expect(errors).toEqual([])
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([])
  })

  it('takes a screenshot of the whole page', () => {
    const png = readFileSync(shot)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(1100) // width
    expect(png.readUInt32BE(20)).toBeGreaterThan(2500) // height: every section is laid out
  })
})
