import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { isServiceKitError } from '@servicekit/core'
import { safeParsePolicy } from '@servicekit/policy'
import {
  createServiceProcess,
  type DiagramLocale,
  processOptionsFromPolicy,
  toMermaid,
} from '@servicekit/process'
import { parseCommandArgs, readInput, resolvePath, usage } from '../args'
import { writeLines } from '../io'
import type { Command } from './index'

/** Chromium as Debian installs it; `--chromium` or `SERVICEKIT_CHROMIUM` name another. */
const defaultChromium = '/usr/bin/chromium'

const svgNeeds = `SVG needs a Chromium or Chrome binary (--chromium <path>, or SERVICEKIT_CHROMIUM;
default ${defaultChromium}) and the packages playwright-core and mermaid installed
beside @servicekit/cli (npm install playwright-core mermaid). Mermaid lays the
diagram out in the headless browser, with the network blocked.`

/** `servicekit diagram`. */
export const diagram: Command = {
  help: `Usage: servicekit diagram [--policy <policy.json>] [--calendar <key>] [--format mermaid|svg]
                          [--locale en|zh-CN] [--output <file>]

Draws the service process as a state diagram: the standard process, or with
--policy the process with that policy's escalation ladder and labels.

  --policy <file>      take the escalation ladder (and calendar) from this policy
  --calendar <key>     the policy calendar, when the policy has several
  --format <format>    mermaid (default): Mermaid stateDiagram-v2 text; svg: an SVG image
  --locale <locale>    en (default) or zh-CN labels
  --output <file>      write to a file instead of standard output
  --chromium <path>    the browser for --format svg

${svgNeeds}

Exit codes: 0 drawn, 1 the policy does not load, 2 usage error, unreadable file,
or what SVG needs is missing.`,
  async run(args, io) {
    const { values } = parseCommandArgs(
      'diagram',
      args,
      {
        policy: { type: 'string' },
        calendar: { type: 'string' },
        format: { type: 'string', default: 'mermaid' },
        locale: { type: 'string', default: 'en' },
        output: { type: 'string' },
        chromium: { type: 'string' },
      },
      { min: 0, max: 0, names: '' },
    )
    const hint = 'servicekit diagram --help shows its usage'
    if (values.format !== 'mermaid' && values.format !== 'svg')
      throw usage(`diagram: --format is mermaid or svg, not ${JSON.stringify(values.format)}`, hint)
    if (values.locale !== 'en' && values.locale !== 'zh-CN')
      throw usage(`diagram: --locale is en or zh-CN, not ${JSON.stringify(values.locale)}`, hint)
    let process = createServiceProcess()
    if (values.policy !== undefined) {
      const parsed = safeParsePolicy(readInput(io.cwd, values.policy, 'policy'))
      if (!parsed.success) {
        writeLines(io.stderr, [
          `error ${parsed.error.message}`,
          `Run servicekit validate ${values.policy} for every problem`,
        ])
        return 1
      }
      try {
        process = createServiceProcess(
          processOptionsFromPolicy(
            parsed.data,
            values.calendar === undefined ? {} : { calendar: values.calendar },
          ),
        )
      } catch (e) {
        if (!isServiceKitError(e, 'PROCESS_OPTIONS_INVALID')) throw e
        const issues = (e.details as { issues: { pointer: string; message: string }[] }).issues
        writeLines(io.stderr, [
          `error ${e.message}`,
          ...issues.map((i) => `  ${i.pointer} ${i.message}`),
        ])
        return 1
      }
    }
    const mermaid = toMermaid(process, { locale: values.locale as DiagramLocale })
    const chromium = values.chromium ?? io.env.SERVICEKIT_CHROMIUM ?? defaultChromium
    const out = values.format === 'svg' ? await renderSvg(mermaid, chromium) : mermaid
    if (values.output === undefined) io.stdout.write(out.endsWith('\n') ? out : `${out}\n`)
    else {
      const file = resolvePath(io.cwd, values.output)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, out)
      writeLines(io.stderr, [`wrote ${values.output}`])
    }
    return 0
  },
}

/** Lays a Mermaid diagram out in headless Chromium, with every network request refused. */
async function renderSvg(text: string, executablePath: string): Promise<string> {
  const missing = (what: string) =>
    usage(`diagram --format svg: ${what}`, svgNeeds.replaceAll('\n', ' '))
  if (!existsSync(executablePath)) throw missing(`no browser at ${executablePath}`)
  const require = createRequire(import.meta.url)
  let mermaidScript: string
  let playwright: typeof import('playwright-core')
  try {
    mermaidScript = require.resolve('mermaid/dist/mermaid.min.js')
    playwright = await import('playwright-core')
  } catch {
    throw missing('playwright-core and mermaid are not installed')
  }
  const browser = await playwright.chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  })
  try {
    const page = await browser.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ path: mermaidScript })
    return await page.evaluate(async (source) => {
      const m = (
        globalThis as unknown as {
          mermaid: {
            initialize(o: object): void
            render(id: string, text: string): Promise<{ svg: string }>
          }
        }
      ).mermaid
      m.initialize({ startOnLoad: false })
      return (await m.render('servicekit-process', source)).svg
    }, text)
  } finally {
    await browser.close()
  }
}
