import type { CalendarDefinition, Interval } from '../definition'
import { minutesOf, weekdays } from '../definition'
import { dayOfIsoDate, weekdayOf } from './civil'

/** A day's opening hours as flat, sorted minute pairs `[start0, end0, start1, end1, …]`. */
export type DayHours = readonly number[]

const closed: DayHours = Object.freeze([])

function toMinutes(intervals: readonly Interval[] | undefined): DayHours {
  if (!intervals || intervals.length === 0) return closed
  return Object.freeze(
    intervals
      .map(([start, end]) => [minutesOf(start), minutesOf(end)] as const)
      .sort((a, b) => a[0] - b[0])
      .flat(),
  )
}

/**
 * The opening hours of each local date (a day number), from a validated
 * definition: a make-up working day's hours, else a holiday's (none, or its
 * partial hours), else the weekday's.
 */
export function createDaySchedule(definition: CalendarDefinition): (day: number) => DayHours {
  const week = weekdays.map((d) => toMinutes(definition.week[d]))
  const dates = new Map<number, DayHours>()
  const ranges: [number, number][] = []
  for (const holiday of definition.holidays) {
    if ('from' in holiday) ranges.push([dayOfIsoDate(holiday.from), dayOfIsoDate(holiday.to)])
    else
      dates.set(dayOfIsoDate(holiday.date), 'hours' in holiday ? toMinutes(holiday.hours) : closed)
  }
  for (const workday of definition.workdays) {
    const hours = 'as' in workday ? week[weekdays.indexOf(workday.as)] : toMinutes(workday.hours)
    dates.set(dayOfIsoDate(workday.date), hours ?? closed)
  }
  return (day) => {
    const special = dates.get(day)
    if (special) return special
    for (const [from, to] of ranges) if (day >= from && day <= to) return closed
    return week[weekdayOf(day)]!
  }
}
