// moment-business-time ships no types: the two methods the benchmark calls.
import 'moment'

declare module 'moment' {
  interface Moment {
    addWorkingTime(amount: number, unit: string): Moment
    workingDiff(other: Moment, unit: string, detail?: boolean): number
  }
}
