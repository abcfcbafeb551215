import type { Result } from '@servicekit/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type ExitCode,
  parseReplayMapping,
  type ReplayMapping,
  type ReplaySummary,
  replayLog,
  runCli,
  safeParseReplayMapping,
  toHtmlReport,
} from '../src/index'

describe('public types', () => {
  it('runs a command to an exit code of 0, 1 or 2', () => {
    expectTypeOf(runCli).returns.resolves.toEqualTypeOf<ExitCode>()
    expectTypeOf<ExitCode>().toEqualTypeOf<0 | 1 | 2>()
  })

  it('replays a log into a summary, and the summary into HTML', () => {
    expectTypeOf(replayLog).returns.resolves.toEqualTypeOf<ReplaySummary>()
    expectTypeOf(toHtmlReport).parameter(0).toEqualTypeOf<ReplaySummary>()
    expectTypeOf<ReplaySummary['sla']['overall']['attainment']>().toEqualTypeOf<number | null>()
    expectTypeOf<
      NonNullable<ReplaySummary['compare']>['cases'][number]['breached']
    >().toEqualTypeOf<[number, number]>()
  })

  it('parses a mapping, or gives a Result', () => {
    expectTypeOf(parseReplayMapping).returns.toEqualTypeOf<ReplayMapping>()
    expectTypeOf(safeParseReplayMapping).returns.toEqualTypeOf<Result<ReplayMapping>>()
  })
})
