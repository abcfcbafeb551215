import { describe, expectTypeOf, it } from 'vitest'
import {
  alwaysOpen,
  type BusinessDuration,
  type Calendar,
  type CalendarDefinition,
  type ChinaHolidayNotice,
  chinaHolidayNotice2026,
  createCalendar,
  defineChinaCalendar,
} from '../src/index'

describe('type contracts', () => {
  it('createCalendar returns a Calendar with Date and number methods', () => {
    const cal = createCalendar({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } })
    expectTypeOf(cal).toEqualTypeOf<Calendar>()
    expectTypeOf(cal.definition).toEqualTypeOf<CalendarDefinition>()
    expectTypeOf(cal.addBusinessTime).returns.toEqualTypeOf<Date>()
    expectTypeOf(cal.openIntervals).returns.toEqualTypeOf<[Date, Date][]>()
    expectTypeOf(cal.addBusinessMs).parameters.toEqualTypeOf<[number, number]>()
    expectTypeOf(cal.addBusinessMs).returns.toEqualTypeOf<number>()
    expectTypeOf(cal.businessMsBetween).returns.toEqualTypeOf<number>()
    expectTypeOf(cal.addBusinessDaysMs).returns.toEqualTypeOf<number>()
    expectTypeOf(cal.isOpen).parameter(0).toEqualTypeOf<Date | number | string>()
    expectTypeOf(alwaysOpen).toEqualTypeOf<Calendar>()
  })

  it('accepts the duration shapes and refuses others', () => {
    expectTypeOf<'PT8H'>().toExtend<BusinessDuration>()
    expectTypeOf<{ hours: 2; minutes: 30 }>().toExtend<BusinessDuration>()
    expectTypeOf<{ businessDays: 3 }>().toExtend<BusinessDuration>()
    expectTypeOf<{ days: 3 }>().not.toExtend<BusinessDuration>()
  })

  it('types the China helper', () => {
    expectTypeOf(chinaHolidayNotice2026).toEqualTypeOf<ChinaHolidayNotice>()
    expectTypeOf(defineChinaCalendar).returns.toEqualTypeOf<CalendarDefinition>()
    // @ts-expect-error a notice needs its holidays and make-up days
    defineChinaCalendar({ week: {}, notices: [{ year: 2026 }] })
  })
})
