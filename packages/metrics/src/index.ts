export {
  type AbandonmentRateOptions,
  type AbandonmentRateResult,
  abandonmentRate,
  createAbandonmentAccumulator,
} from './abandonment-rate'
export {
  type AverageHandleTimeResult,
  averageHandleTime,
  createHandleTimeAccumulator,
  type HandledContact,
} from './average-handle-time'
export {
  type CesAgreeResult,
  type CesMeanResult,
  type CesNetResult,
  type CesOptions,
  type CesResult,
  type CesVariant,
  ces,
  createCesAccumulator,
} from './ces'
export {
  type CsatMeanResult,
  type CsatOptions,
  type CsatResult,
  createCsatAccumulator,
  createCsatMeanAccumulator,
  csat,
  csatMean,
} from './csat'
export {
  type ClvInput,
  type ClvResult,
  customerLifetimeValue,
  type RetentionClvInput,
  type SimpleClvInput,
} from './customer-lifetime-value'
export {
  createDisconfirmationAccumulator,
  type DisconfirmationOptions,
  type DisconfirmationResult,
  type ExpectationPair,
  expectationDisconfirmation,
} from './expectation-disconfirmation'
export {
  createFcrAccumulator,
  type FirstContactRecord,
  type FirstContactResolutionResult,
  firstContactResolution,
} from './first-contact-resolution'
export {
  type HealthBand,
  type HealthScoreOptions,
  type HealthScoreResult,
  healthScore,
} from './health-score'
export {
  createNpsAccumulator,
  type NpsAdjusted,
  type NpsOptions,
  type NpsResult,
  nps,
} from './nps'
export {
  type NpsCounts,
  type NpsDifferenceOptions,
  type NpsDifferenceResult,
  npsDifference,
} from './nps-difference'
export {
  type PercentileMethod,
  type PercentileOptions,
  type PercentileResult,
  percentile,
} from './percentile'
export {
  createPercentileAccumulator,
  type PercentileAccumulator,
  type PercentileAccumulatorOptions,
  type PercentileSummary,
} from './percentile-accumulator'
export {
  createReopenRateAccumulator,
  type ReopenRecord,
  reopenRate,
} from './reopen-rate'
export {
  createRepeatPurchaseAccumulator,
  type RepeatPurchaseResult,
  repeatPurchaseRate,
} from './repeat-purchase-rate'
export {
  type RepairRecord,
  type RepeatedFault,
  type RepeatRepairOptions,
  type RepeatRepairResult,
  repeatRepairRate,
} from './repeat-repair-rate'
export {
  type CustomerCounts,
  churnRate,
  type RetentionResult,
  retentionRate,
} from './retention-rate'
export {
  type RfmBreakpoints,
  type RfmCustomer,
  type RfmOptions,
  type RfmResult,
  type RfmSegmentRule,
  type RfmTransaction,
  rfm,
  rfmSegments,
} from './rfm'
export {
  type AbandonedTreatment,
  type ContactAccumulator,
  type ContactCounts,
  createServiceLevelAccumulator,
  type ServiceContact,
  type ServiceLevelOptions,
  type ServiceLevelResult,
  serviceLevel,
} from './service-level'
export type {
  Accumulator,
  Interval,
  InvalidPolicy,
  MeanResult,
  MetricOptions,
  RateResult,
  ScaleOption,
  ScoreInput,
  SurveyScores,
} from './types'
export {
  createWeightedIndexAccumulator,
  type DimensionAnswer,
  type DimensionScores,
  standardIndexWeights,
  type WeightedIndexOptions,
  type WeightedIndexResult,
  weightedIndex,
} from './weighted-index'
export { wilsonInterval } from './wilson-interval'
