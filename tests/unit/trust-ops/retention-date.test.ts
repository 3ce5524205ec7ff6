import { parseMonthDay, retentionDate, RetentionSettingError } from '../../../plugins/retention/lib/retentionDate'
import { marksSummary } from '../../../plugins/retention/lib/summary'

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
const at = (examDate: string, settings: Partial<Parameters<typeof retentionDate>[0]> = {}) => retentionDate({ examDate: day(examDate), ...settings }).toISOString().slice(0, 10)

test('an exam is kept until the first 31 October after the end of its school year (31 August)', () => {
  expect(at('2026-03-10')).toBe('2026-10-31')
  expect(at('2026-08-31')).toBe('2026-10-31')
  expect(at('2026-09-01')).toBe('2027-10-31')
  expect(at('2026-12-15')).toBe('2027-10-31')
})

test('both dates are configurable as MM-DD, and a wrong value names its variable', () => {
  expect(at('2026-03-10', { schoolYearEnd: { month: 7, day: 5 }, retentionDay: { month: 9, day: 30 } })).toBe('2026-09-30')
  expect(at('2026-03-10', { retentionDay: { month: 6, day: 30 } })).toBe('2027-06-30')
  expect(parseMonthDay('KORRIGO_RETENTION_DAY', '12-31', { month: 10, day: 31 })).toEqual({ month: 12, day: 31 })
  expect(() => parseMonthDay('KORRIGO_RETENTION_DAY', '31-10', { month: 10, day: 31 })).toThrow(RetentionSettingError)
  expect(() => parseMonthDay('KORRIGO_SCHOOL_YEAR_END', '02-30', { month: 8, day: 31 })).toThrow(/KORRIGO_SCHOOL_YEAR_END must be a month and day as MM-DD/)
})

test('the kept summary of marks names nobody', () => {
  expect(marksSummary([12, 8, 15.5, 10])).toEqual({ copies: 4, mean: 11.38, median: 11, min: 8, max: 15.5 })
  expect(marksSummary([])).toEqual({ copies: 0, mean: null, median: null, min: null, max: null })
})
