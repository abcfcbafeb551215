export {
  type Clock,
  createManualClock,
  type ElapsedTime,
  type ManualClock,
  systemClock,
} from './clock'
export { type ErrorCode, errorCodes } from './error-codes'
export {
  describeErrorCode,
  type ErrorDetails,
  isServiceKitError,
  ServiceKitError,
  type ServiceKitErrorJSON,
  type ServiceKitErrorOptions,
} from './errors'
export { type PersonalDataKind, type RedactOptions, redact, redactText } from './redact'
export { fail, ok, type Result } from './result'
export {
  type Case,
  type CaseInput,
  caseFieldsSchema,
  caseSchema,
  customFieldsSchema,
  type Product,
  parseCase,
  productSchema,
  safeParseCase,
} from './schemas/case'
export {
  type CaseEvent,
  type CaseEventInput,
  type CaseEventOf,
  type CaseEventType,
  cancelReasons,
  caseEventSchema,
  caseEventSchemas,
  caseEventTypes,
  isCaseEventOf,
  parseCaseEvent,
  safeParseCaseEvent,
  solutionKinds,
  waitingOn,
} from './schemas/case-event'
export {
  type Contact,
  type Customer,
  type CustomerInput,
  type CustomerTier,
  contactSchema,
  customerSchema,
  customerTierSchema,
  customerTiers,
  parseCustomer,
  safeParseCustomer,
} from './schemas/customer'
export {
  type Actor,
  actorSchema,
  idSchema,
  keySchema,
  type Level,
  levelSchema,
  timeSchema,
} from './schemas/primitives'
export {
  parseSurveyResponse,
  type SurveyResponse,
  type SurveyResponseInput,
  safeParseSurveyResponse,
  surveyResponseSchema,
} from './schemas/survey-response'
export { type TimeInput, toDate, toMillis, tryToMillis } from './time'
export {
  createParser,
  type Parser,
  summarizeIssues,
  toJsonPointer,
  toValidationIssues,
  type ValidationErrorDetails,
  type ValidationIssue,
} from './validation'
export {
  createVocabulary,
  type Vocabulary,
  type VocabularyCase,
  type VocabularyExtension,
} from './vocabulary/create-vocabulary'
export { label, standardVocabulary } from './vocabulary/standard-vocabulary'
export {
  type CategoryLabels,
  type Labels,
  type Locale,
  type VocabularyDefinition,
  type VocabularyKind,
  vocabularyKinds,
} from './vocabulary/types'
