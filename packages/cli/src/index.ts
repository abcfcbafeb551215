export { type ReplayLogOptions, type ReplayProgress, replayLog } from './replay-log'
export {
  type EventTemplate,
  type FieldTemplate,
  parseReplayMapping,
  type ReplayMapping,
  replayMappingSchema,
  type StatusMapping,
  safeParseReplayMapping,
  type TimestampFormat,
  type ValueSource,
} from './replay-mapping'
export { replayMappingJsonSchema } from './replay-mapping-json-schema'
export type {
  AgreementSummary,
  AttainmentChange,
  AttainmentCounts,
  BacklogPoint,
  ComparisonSummary,
  CountRow,
  HistogramBin,
  PathRow,
  ReplayIssue,
  ReplaySummary,
  SlaReport,
  TimeToResolveSummary,
} from './replay-summary'
export { type CliIo, type ExitCode, type OutputStream, runCli } from './run-cli'
export { toHtmlReport } from './to-html-report'
