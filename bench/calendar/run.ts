// bench/calendar: addBusinessTime and businessTimeBetween on a realistic
// Shanghai desk (lunch break, the 2026 State Council holiday notice with its
// make-up days), spans from minutes to 30 working days, beside the two most
// used npm business-time libraries, moment-business-time and
// dayjs-business-time, in the same process. Run: npm run bench -- calendar

// Both peers read the machine's local zone; this desk's zone is China
// Standard Time (+08:00 all year), so they run with it as the local zone.
process.env.TZ = 'Asia/Shanghai'

import {
  type CalendarDefinition,
  chinaHolidayNotice2026,
  createCalendar,
  defineChinaCalendar,
  type Interval,
} from '@servicekit/calendar'
import dayjs from 'dayjs'
import dayjsBusinessTime from 'dayjs-business-time'
import moment from 'moment'
import 'moment-business-time'
import { commit, fmt, keep, machine, median, opsPerSecond, writeSection } from '../lib/measure'

if (new Date(0).getTimezoneOffset() !== -480)
  throw new Error('TZ=Asia/Shanghai did not take effect')

const MIN = 60_000
const lunch: Interval[] = [
  ['09:00', '12:00'],
  ['13:30', '18:00'],
]
const week = { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch }
const definition = defineChinaCalendar({ week, notices: [chinaHolidayNotice2026] })
const desk = createCalendar(definition)
// The same desk without make-up days: what the peers can express.
const withoutMakeUpDays = createCalendar({
  ...definition,
  workdays: [],
} satisfies CalendarDefinition)

const holidayDates = chinaHolidayNotice2026.holidays.flatMap(({ from, to }) => {
  const out: string[] = []
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10))
  return out
})

moment.updateLocale('en', {
  workinghours: {
    0: null,
    1: ['09:00:00', '12:00:00', '13:30:00', '18:00:00'],
    2: ['09:00:00', '12:00:00', '13:30:00', '18:00:00'],
    3: ['09:00:00', '12:00:00', '13:30:00', '18:00:00'],
    4: ['09:00:00', '12:00:00', '13:30:00', '18:00:00'],
    5: ['09:00:00', '12:00:00', '13:30:00', '18:00:00'],
    6: null,
  },
  holidays: holidayDates,
} as moment.LocaleSpecification)

dayjs.extend(dayjsBusinessTime)
const segments = [
  { start: '09:00:00', end: '12:00:00' },
  { start: '13:30:00', end: '18:00:00' },
]
dayjs.setBusinessTime({
  sunday: null,
  monday: segments,
  tuesday: segments,
  wednesday: segments,
  thursday: segments,
  friday: segments,
  saturday: null,
})
dayjs.setHolidays(holidayDates)

// A seeded workload: starts anywhere in 2026 (open or closed), on whole
// minutes; durations log-uniform from 5 minutes to 30 working days (30 × 7.5 h);
// spans for businessTimeBetween log-uniform from 10 minutes to 45 calendar days.
let seed = 20_261_001
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296
}
const logUniform = (lo: number, hi: number) =>
  Math.round(Math.exp(Math.log(lo) + random() * Math.log(hi / lo)))
const N = 2000
const yearStart = Date.parse('2026-01-01T00:00:00+08:00') / MIN
const yearEnd = Date.parse('2026-12-01T00:00:00+08:00') / MIN
const starts = Array.from(
  { length: N },
  () => (yearStart + Math.floor(random() * (yearEnd - yearStart))) * MIN,
)
const startDates = starts.map((t) => new Date(t))
const minutes = Array.from({ length: N }, () => logUniform(5, 30 * 450))
const durations = minutes.map((m) => ({ minutes: m }))
const ends = starts.map((t) => t + logUniform(10, 45 * 1440) * MIN)
const endDates = ends.map((t) => new Date(t))

// Do the peers compute the same answers? Compared with the desk and with the
// desk without make-up days (which the peers cannot express).
function agreement(peer: (i: number) => number, ours: (cal: typeof desk, i: number) => number) {
  let same = 0
  let sameWithout = 0
  for (let i = 0; i < N; i++) {
    const theirs = peer(i)
    if (theirs === ours(desk, i)) same++
    if (theirs === ours(withoutMakeUpDays, i)) sameWithout++
  }
  return `${fmt((100 * same) / N, 1)}% (${fmt((100 * sameWithout) / N, 1)}% without make-up days)`
}
const addOurs = (cal: typeof desk, i: number) => cal.addBusinessMs(starts[i]!, minutes[i]! * MIN)
const betweenOurs = (cal: typeof desk, i: number) => cal.businessMsBetween(starts[i]!, ends[i]!)
const momentAdd = (i: number) =>
  moment(startDates[i]).addWorkingTime(minutes[i]!, 'minutes').valueOf()
const momentBetween = (i: number) =>
  moment(endDates[i]).workingDiff(moment(startDates[i]), 'milliseconds')
const dayjsAdd = (i: number) => dayjs(startDates[i]).addBusinessMinutes(minutes[i]!).valueOf()
const dayjsBetween = (i: number) =>
  dayjs(startDates[i]).businessMinutesDiff(dayjs(endDates[i])) * MIN

// A span inside one morning, where moment-business-time's two-segment days go wrong.
const momentMorning =
  moment(new Date('2026-03-02T11:00:00+08:00')).workingDiff(
    moment(new Date('2026-03-02T10:00:00+08:00')),
    'milliseconds',
  ) / MIN

const agree = {
  momentAdd: agreement(momentAdd, addOurs),
  momentBetween: agreement(momentBetween, betweenOurs),
  dayjsAdd: agreement(dayjsAdd, addOurs),
  dayjsBetween: agreement(dayjsBetween, betweenOurs),
}

function batch(f: (i: number) => number | Date, size = N) {
  return () => {
    let sink = 0
    for (let i = 0; i < size; i++) {
      const r = f(i)
      sink += typeof r === 'number' ? r : r.getTime()
    }
    return sink
  }
}

type Row = { what: string; library: string; ops: number }
const rows: Row[] = []
function measure(what: string, library: string, f: (i: number) => number | Date, size = N) {
  const samples = opsPerSecond(batch(f, size), size, { samples: 7, minMs: 300, warmupMs: 300 })
  rows.push({ what, library, ops: median(samples) })
  console.log(`${what} · ${library}: ${fmt(median(samples))} ops/s`)
}

measure('addBusinessTime', 'servicekit `addBusinessTime(Date, { minutes })` → Date', (i) =>
  desk.addBusinessTime(startDates[i]!, durations[i]!),
)
measure('addBusinessTime', 'servicekit `addBusinessMs(ms, ms)` → ms', (i) =>
  desk.addBusinessMs(starts[i]!, minutes[i]! * MIN),
)
measure('addBusinessTime', 'moment-business-time `addWorkingTime(n, "minutes")`', momentAdd, 200)
measure('addBusinessTime', 'dayjs-business-time `addBusinessMinutes(n)`', dayjsAdd, 200)
measure('businessTimeBetween', 'servicekit `businessTimeBetween(Date, Date)`', (i) =>
  desk.businessTimeBetween(startDates[i]!, endDates[i]!),
)
measure('businessTimeBetween', 'servicekit `businessMsBetween(ms, ms)`', (i) =>
  desk.businessMsBetween(starts[i]!, ends[i]!),
)
measure(
  'businessTimeBetween',
  'moment-business-time `workingDiff(m, "milliseconds")`',
  momentBetween,
  200,
)
measure('businessTimeBetween', 'dayjs-business-time `businessMinutesDiff(d)`', dayjsBetween, 200)
keep(rows)

const best = (what: string, lib: RegExp) =>
  Math.max(...rows.filter((r) => r.what === what && lib.test(r.library)).map((r) => r.ops))
const ratio = (what: string, lib: RegExp) => {
  const peer = Math.max(
    ...rows.filter((r) => r.what === what && !/servicekit/.test(r.library)).map((r) => r.ops),
  )
  return best(what, lib) / peer
}

// A Markdown table with padded columns, as the repository's formatter (Biome) writes them.
function markdownTable(header: string[], right: boolean[], body: string[][]): string {
  const rows = [header, ...body]
  const width = header.map((_, c) => Math.max(3, ...rows.map((r) => r[c]!.length)))
  const cells = (r: string[]) =>
    `| ${r.map((v, c) => (right[c] ? v.padStart(width[c]!) : v.padEnd(width[c]!))).join(' | ')} |`
  const rule = `| ${width.map((w, c) => (right[c] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`
  return [cells(header), rule, ...body.map(cells)].join('\n')
}

const table = markdownTable(
  ['operation', 'library', 'median ops/s', '× best peer'],
  [false, false, true, true],
  rows.map((r) => {
    const peer = Math.max(
      ...rows.filter((x) => x.what === r.what && !/servicekit/.test(x.library)).map((x) => x.ops),
    )
    return [r.what, r.library, fmt(r.ops), fmt(r.ops / peer, 1)]
  }),
)

writeSection(
  'calendar',
  `## calendar

${machine()} · commit ${commit()} · ${new Date().toISOString().slice(0, 10)}

Workload: the Shanghai desk (Mon–Fri 09:00–12:00 and 13:30–18:00, the 2026 State Council
holiday notice: 33 days off and 6 make-up working days), ${fmt(N)} seeded cases: starts anywhere
in 2026 (open or closed) on whole minutes; durations log-uniform from 5 minutes to 30 working
days; spans for \`businessTimeBetween\` log-uniform from 10 minutes to 45 calendar days. Medians
of 7 samples of at least 300 ms after a 300 ms warm-up, one process, one core. The peers run
with the process's zone set to Asia/Shanghai (they use the local zone) and are given the same
weekly hours and every day off; neither can express a make-up working day. Peers are timed on
the first 200 cases of the workload.

${table}

servicekit's Date API is ${fmt(ratio('addBusinessTime', /addBusinessTime\(Date/), 0)}× the best peer for adding and
${fmt(ratio('businessTimeBetween', /businessTimeBetween\(Date/), 0)}× for measuring; the number fast paths are
${fmt(ratio('addBusinessTime', /addBusinessMs/), 0)}× and ${fmt(ratio('businessTimeBetween', /businessMsBetween/), 0)}×.

Same answers as servicekit on the ${fmt(N)} cases: moment-business-time ${agree.momentAdd} when adding,
${agree.momentBetween} when measuring; dayjs-business-time ${agree.dayjsAdd} when adding,
${agree.dayjsBetween} when measuring (it counts whole minutes). Where the make-up days are not the
reason, moment-business-time's \`workingDiff\` miscounts days with a break: Monday 10:00 to 11:00
gives ${momentMorning} minutes (servicekit: ${desk.businessMsBetween(Date.parse('2026-03-02T10:00:00+08:00'), Date.parse('2026-03-02T11:00:00+08:00')) / MIN}).`,
)
console.log(table)
console.log(agree)
