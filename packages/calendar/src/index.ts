export type { Calendar } from './calendar'
export {
  type CalendarDefinition,
  type CalendarDefinitionInput,
  calendarDefinitionSchema,
  type Holiday,
  holidaySchema,
  type Interval,
  intervalSchema,
  localDateSchema,
  minutesOf,
  parseCalendarDefinition,
  safeParseCalendarDefinition,
  type Weekday,
  type Workday,
  weekdays,
  workdaySchema,
} from './definition'
export {
  type BusinessDuration,
  businessDurationSchema,
  type NormalizedDuration,
  parseBusinessDuration,
} from './duration'
