import { styleText } from 'node:util'
import type { CliIo } from '../run-cli'

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan'

/** Colours for one output stream: on a terminal, unless `NO_COLOR` is set (https://no-color.org). */
export interface Paint {
  readonly enabled: boolean
  (style: Style, text: string): string
}

/** Whether to colour `stream`: `FORCE_COLOR` (not `0`) forces it, `NO_COLOR` or `TERM=dumb` turns it off. */
export function createPaint(stream: CliIo['stdout'], env: CliIo['env']): Paint {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== ''
  const enabled =
    forced ||
    (stream.isTTY === true &&
      (env.NO_COLOR === undefined || env.NO_COLOR === '') &&
      env.TERM !== 'dumb' &&
      env.FORCE_COLOR !== '0')
  // We decide (the stream may be a test's); newer Nodes would otherwise check process.stdout.
  const style = styleText as (
    format: Style,
    text: string,
    options?: { validateStream: boolean },
  ) => string
  const paint = ((s: Style, text: string) =>
    enabled ? style(s, text, { validateStream: false }) : text) as Paint
  Object.defineProperty(paint, 'enabled', { value: enabled })
  return paint
}

/** Writes lines to a stream. */
export function writeLines(stream: CliIo['stdout'], lines: readonly string[]): void {
  if (lines.length > 0) stream.write(`${lines.join('\n')}\n`)
}
