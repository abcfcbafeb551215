import type { ChinaHolidayNotice } from './china-calendar'

/**
 * The 2026 public holidays and make-up working days of mainland China, from
 * 国务院办公厅关于2026年部分节假日安排的通知 (General Office of the State
 * Council, 4 November 2025), as released by Xinhua:
 * https://politics.gmw.cn/2025-11/04/content_38391083.htm
 *
 * Seven holidays, 33 days off (weekends inside them included) and six
 * make-up working days.
 */
export const chinaHolidayNotice2026: ChinaHolidayNotice = deepFreeze({
  year: 2026,
  source: 'https://politics.gmw.cn/2025-11/04/content_38391083.htm',
  holidays: [
    { name: "元旦 New Year's Day", from: '2026-01-01', to: '2026-01-03' },
    { name: '春节 Spring Festival', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节 Qingming Festival', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节 Labour Day', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节 Dragon Boat Festival', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节 Mid-Autumn Festival', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节 National Day', from: '2026-10-01', to: '2026-10-07' },
  ],
  workdays: [
    { date: '2026-01-04', name: '元旦调休上班 (Sunday)' },
    { date: '2026-02-14', name: '春节调休上班 (Saturday)' },
    { date: '2026-02-28', name: '春节调休上班 (Saturday)' },
    { date: '2026-05-09', name: '劳动节调休上班 (Saturday)' },
    { date: '2026-09-20', name: '国庆节调休上班 (Sunday)' },
    { date: '2026-10-10', name: '国庆节调休上班 (Saturday)' },
  ],
})

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
