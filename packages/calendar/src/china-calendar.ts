import { createParser, type Result } from '@servicekit/core'
import { z } from 'zod'
import {
  type CalendarDefinition,
  type CalendarDefinitionInput,
  type Holiday,
  localDateSchema,
  parseCalendarDefinition,
  type Weekday,
  type Workday,
  weekdays,
} from './definition'

/**
 * The zod schema of a {@link ChinaHolidayNotice}: the yearly arrangement of
 * public holidays (放假) and make-up working days (调休上班) that the General
 * Office of the State Council publishes for mainland China.
 */
export const chinaHolidayNoticeSchema = z.strictObject({
  year: z.number().int().min(1000).max(9999),
  source: z.string().min(1).optional(),
  holidays: z.array(
    z
      .strictObject({
        name: z.string().min(1).max(200),
        from: localDateSchema,
        to: localDateSchema,
      })
      .refine((h) => h.from <= h.to, {
        message: 'A holiday ends on or after its first day',
        path: ['to'],
      }),
  ),
  workdays: z.array(
    z.strictObject({ date: localDateSchema, name: z.string().min(1).max(200).optional() }),
  ),
})

/**
 * One year's holiday notice as data: each holiday with its days off, first to
 * last day inclusive, and the make-up working days, usually a Saturday or
 * Sunday next to a holiday. {@link chinaHolidayNotice2026} is the 2026 notice.
 */
export type ChinaHolidayNotice = z.input<typeof chinaHolidayNoticeSchema>

const noticeParser = createParser(chinaHolidayNoticeSchema, 'CALENDAR_INVALID', 'holiday notice')

/**
 * Validates a holiday notice, for example one read from a JSON file.
 *
 * @throws ServiceKitError `CALENDAR_INVALID` with every issue's JSON pointer.
 * @example
 * ```ts
 * parseChinaHolidayNotice({
 *   year: 2026,
 *   holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07' }],
 *   workdays: [{ date: '2026-09-20' }, { date: '2026-10-10' }],
 * })
 * ```
 */
export function parseChinaHolidayNotice(input: unknown): ChinaHolidayNotice {
  return noticeParser.parse(input)
}

/** {@link parseChinaHolidayNotice} without throwing. */
export function safeParseChinaHolidayNotice(input: unknown): Result<ChinaHolidayNotice> {
  return noticeParser.safeParse(input)
}

/** Options of {@link defineChinaCalendar}. */
export interface ChinaCalendarOptions {
  /** The company's weekly working hours. */
  week: CalendarDefinitionInput['week']
  /** The holiday notices, one per year. */
  notices: readonly ChinaHolidayNotice[]
  /** The IANA time zone; `Asia/Shanghai` (China Standard Time) unless given. */
  timeZone?: string
  /**
   * Whose hours a make-up working day keeps; the first of Monday to Friday
   * with hours unless given.
   */
  makeUpDayAs?: Weekday
  /** The company's own days off and partial days, beside the notices'. */
  holidays?: Holiday[]
  /** The company's own extra working days, beside the notices'. */
  workdays?: Workday[]
}

/**
 * Builds a mainland-China calendar definition: a weekly schedule plus the
 * State Council's holiday notices, with each notice's holidays closed and its
 * make-up days (调休) open with a normal working day's hours.
 *
 * @throws ServiceKitError `CALENDAR_INVALID` for a malformed notice or a
 * resulting definition that is invalid (a make-up day that is also a holiday).
 * @example
 * ```ts
 * const lunchBreak: Interval[] = [['09:00', '12:00'], ['13:30', '18:00']]
 * const desk = createCalendar(
 *   defineChinaCalendar({
 *     week: { mon: lunchBreak, tue: lunchBreak, wed: lunchBreak, thu: lunchBreak, fri: lunchBreak },
 *     notices: [chinaHolidayNotice2026],
 *   }),
 * )
 * desk.isOpen('2026-10-05T10:00:00+08:00') // false: National Day
 * desk.isOpen('2026-10-10T10:00:00+08:00') // true: the Saturday worked in exchange
 * ```
 */
export function defineChinaCalendar(options: ChinaCalendarOptions): CalendarDefinition {
  const notices = options.notices.map((n) => noticeParser.parse(n))
  const as =
    options.makeUpDayAs ??
    weekdays.slice(0, 5).find((d) => (options.week[d]?.length ?? 0) > 0) ??
    'mon'
  return parseCalendarDefinition({
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    week: options.week,
    holidays: [
      ...notices.flatMap((n) => n.holidays.map(({ name, from, to }) => ({ from, to, name }))),
      ...(options.holidays ?? []),
    ],
    workdays: [
      ...notices.flatMap((n) =>
        n.workdays.map(({ date, name }) => ({
          date,
          as,
          name: name ?? '调休上班 make-up working day',
        })),
      ),
      ...(options.workdays ?? []),
    ],
  })
}
