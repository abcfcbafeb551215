import type { ReplayProgress } from '../replay-log'
import type { CliIo } from '../run-cli'

/** A one-line progress bar on a terminal: percentage, cases, cases per second, time left. */
export interface ProgressBar {
  update(p: ReplayProgress): void
  /** Clears the line. */
  done(): void
}

const none: ProgressBar = { update() {}, done() {} }

/**
 * A progress bar on `stream` when it is a terminal and not CI (`CI` set) or
 * quiet; otherwise nothing is drawn, so logs and pipes stay clean.
 */
export function createProgressBar(
  stream: CliIo['stderr'],
  env: CliIo['env'],
  quiet: boolean,
): ProgressBar {
  if (quiet || !stream.isTTY || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false'))
    return none
  let drawn = false
  return {
    update(p) {
      const fraction = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60))
      const full = Math.round(fraction * width)
      const rate = p.elapsedMs > 0 ? (p.cases / p.elapsedMs) * 1000 : 0
      const left = fraction > 0.02 ? ((1 - fraction) / fraction) * p.elapsedMs : Number.NaN
      const eta = Number.isFinite(left) ? `ETA ${formatDuration(left)}` : 'ETA …'
      const bar = `${'█'.repeat(full)}${'░'.repeat(width - full)}`
      stream.write(
        `\r${bar} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${p.cases.toLocaleString('en-US')} cases  ${Math.round(rate).toLocaleString('en-US')} cases/s  ${eta}\u001b[K`,
      )
      drawn = true
    },
    done() {
      if (drawn) stream.write('\r\u001b[K')
    },
  }
}

function formatDuration(ms: number): string {
  const s = Math.ceil(ms / 1000)
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
}
