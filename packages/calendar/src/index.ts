export { alwaysOpen, defineAlwaysOpen } from './always-open'
export type { Calendar } from './calendar'
export {
  type ChinaCalendarOptions,
  type ChinaHolidayNotice,
  chinaHolidayNoticeSchema,
  defineChinaCalendar,
  parseChinaHolidayNotice,
  safeParseChinaHolidayNotice,
} from './china-calendar'
export { chinaHolidayNotice2026 } from './china-holiday-notice-2026'
export { createCalendar } from './create-calendar'
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
