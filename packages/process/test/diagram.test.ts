import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parseCaseEvent } from '@servicekit/core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActor, createMachine } from 'xstate'
import { getStateNodes } from 'xstate/graph'
import { exampleEvents } from '../../core/test/fixtures/events'
import {
  createServiceProcess,
  type ServiceProcess,
  standardEventLabels,
  toMermaid,
  toStatelyJSON,
} from '../src/index'
import { extendedProcess } from './fixtures/extended-process'

const standard = createServiceProcess()
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const mermaidBlocks = [...readme.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!)

describe('toMermaid', () => {
  it('draws every state with its label in the chosen language', () => {
    const en = toMermaid(standard)
    const zh = toMermaid(standard, { locale: 'zh-CN' })
    for (const label of ['Diagnosing', 'Waiting on third party', 'Supervisor', 'Manager']) {
      expect(en).toContain(`"${label}"`)
    }
    for (const label of ['问题诊断', '等待第三方', '客服主管', '部门经理', '已关闭']) {
      expect(zh).toContain(`"${label}"`)
    }
    expect(en.startsWith('stateDiagram-v2\n')).toBe(true)
  })

  it('labels edges with events, naming the inner target when it is drawn on a composite', () => {
    const en = toMermaid(standard)
    expect(en).toContain('lifecycle_resolved --> lifecycle_inProgress : Not solved → Diagnosing')
    expect(en).toContain('lifecycle_closed --> lifecycle_inProgress : Reopened → Diagnosing')
    expect(en).toContain(
      'lifecycle_inProgress_awaitingDecision --> lifecycle_inProgress_executing : Solution accepted',
    )
    // Recorded events (a note, a reply) move nothing and draw no edge.
    expect(en).not.toContain(standardEventLabels['note.added'].en)
  })

  it('draws an added step with its trigger, and an added level', () => {
    const zh = toMermaid(extendedProcess, { locale: 'zh-CN' })
    expect(zh).toContain('state "上门服务" as lifecycle_inProgress_onsiteVisit')
    expect(zh).toContain(
      'lifecycle_inProgress_diagnosing --> lifecycle_inProgress_onsiteVisit : 执行进展 (visitScheduled)',
    )
    expect(zh).toContain('state "总监" as escalation_level3')
    expect(toMermaid(extendedProcess)).toContain('"Return visit"')
  })

  it('is the diagram of the README (both languages) and the guide, beside the tested extension example', () => {
    const fixture = readFileSync(new URL('./fixtures/extended-process.ts', import.meta.url), 'utf8')
    const example = fixture.slice(
      fixture.indexOf('// example:start\n') + 17,
      fixture.indexOf('// example:end'),
    )
    expect(example).toContain("id: 'onsiteVisit'")
    expect(readme).toContain(example)
    const guide = readFileSync(new URL('../../../docs/process.md', import.meta.url), 'utf8')
    expect(guide).toContain(`\`\`\`mermaid\n${toMermaid(standard)}\`\`\``)
    expect(mermaidBlocks).toEqual([toMermaid(standard), toMermaid(standard, { locale: 'zh-CN' })])
  })
})

// Mermaid lays diagrams out in a browser; Debian's Chromium (in .ci/apt-packages)
// renders them from the local mermaid package, with the network blocked.
describe('the Mermaid diagrams render in Chromium', () => {
  const require = createRequire(import.meta.url)
  let browser: Awaited<ReturnType<typeof chromium.launch>>
  let svgs: string[] = []
  const diagrams = [...mermaidBlocks, toMermaid(extendedProcess, { locale: 'zh-CN' })]

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    })
    const page = await browser.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') })
    svgs = await page.evaluate(async (texts) => {
      const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid
      mermaid.initialize({ startOnLoad: false })
      const out: string[] = []
      for (const [i, text] of texts.entries()) {
        try {
          await mermaid.parse(text)
          out.push((await mermaid.render(`diagram-${i}`, text)).svg)
        } catch (e) {
          out.push(`error: ${String(e)}`)
        }
      }
      return out
    }, diagrams)
  }, 60_000)
  afterAll(() => browser?.close())

  it('parses and renders each diagram to an SVG', () => {
    expect(svgs.map((s) => s.slice(0, 4))).toEqual(diagrams.map(() => '<svg'))
  })

  it('shows every state label in the SVG', () => {
    const labels = (machine: ServiceProcess, locale: 'en' | 'zh-CN') =>
      getStateNodes(machine)
        .filter((n) => n.type !== 'history')
        .map((n) => (n.meta as { labels: Record<string, string> }).labels[locale]!)
    const expected = [
      labels(standard, 'en'),
      labels(standard, 'zh-CN'),
      labels(extendedProcess, 'zh-CN'),
    ]
    expected.forEach((names, i) => {
      const missing = names.filter((name) => !svgs[i]!.includes(name))
      expect(missing).toEqual([])
    })
  })
})

interface MermaidApi {
  initialize(config: object): void
  parse(text: string): Promise<unknown>
  render(id: string, text: string): Promise<{ svg: string }>
}

describe('toStatelyJSON', () => {
  const json = toStatelyJSON(standard, { locale: 'zh-CN' })

  it('is plain JSON with labels as descriptions', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
    expect(json.id).toBe('servicekit-process')
    expect(json.type).toBe('parallel')
    expect(json.states?.lifecycle?.states?.inProgress?.states?.diagnosing?.description).toBe(
      '问题诊断',
    )
    expect(json.states?.lifecycle?.states?.resolved?.on?.['resolution.rejected']?.[0]).toEqual({
      target: ['#servicekit-process.lifecycle.inProgress.diagnosing'],
      guard: { type: 'isOpen' },
      actions: [{ type: 'unresolve' }],
      description: '客户反馈未解决',
    })
  })

  it('round-trips through createMachine to the same states and transitions', () => {
    const shape = (machine: { root: unknown }) =>
      getStateNodes(machine as ServiceProcess).map((node) => ({
        id: node.id,
        type: node.type,
        on: [...node.transitions.values()].flat().map((t) => ({
          event: t.eventType,
          target: t.target?.map((n) => n.id),
          guard: t.guard,
        })),
      }))
    const copy = createMachine(json as never)
    expect(shape(copy)).toEqual(shape(standard))
  })

  it('runs a case like the original once given the original implementations', () => {
    const copy = createMachine(
      toStatelyJSON(extendedProcess) as never,
      extendedProcess.implementations as never,
    )
    const a = createActor(extendedProcess).start()
    const b = createActor(copy).start()
    for (const input of Object.values(exampleEvents)) {
      const event = parseCaseEvent(input)
      a.send(event)
      b.send(event as never)
    }
    expect(b.getSnapshot().value).toEqual(a.getSnapshot().value)
    expect(b.getSnapshot().context).toEqual(a.getSnapshot().context)
  })
})
