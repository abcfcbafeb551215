// Proleptic-Gregorian date arithmetic on day numbers (days since 1970-01-01),
// without Date objects: pure integer maths, so it is fast and has no two-digit-year
// quirks (Date.UTC(51, 0, 1) is 1951). Algorithms from Howard Hinnant,
// "chrono-Compatible Low-Level Date Algorithms", http://howardhinnant.github.io/date_algorithms.html

/** Milliseconds in a civil day. */
export const DAY = 86_400_000

/** The day number of a civil date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** The year of a day number. */
export function yearOfDay(days: number): number {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  return yoe + era * 400 + (mp >= 10 ? 1 : 0)
}

/** The weekday of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7
}

/** The day number of a `YYYY-MM-DD` string (already validated). */
export function dayOfIsoDate(date: string): number {
  return daysFromCivil(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
  )
}

/** UTC milliseconds of the first instant of a UTC year. */
export function utcYearStart(year: number): number {
  return daysFromCivil(year, 1, 1) * DAY
}
