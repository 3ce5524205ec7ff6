/**
 * French schools keep exam papers for the school year and the appeal period after it. By default an
 * exam's data may be purged from the first 31 October after the end of its school year (31 August):
 * an exam of March 2026 is kept until 31 October 2026, one of September 2026 until 31 October 2027.
 */
export type MonthDay = { month: number; day: number }

export const DEFAULT_SCHOOL_YEAR_END: MonthDay = { month: 8, day: 31 }
export const DEFAULT_RETENTION_DAY: MonthDay = { month: 10, day: 31 }

export class RetentionSettingError extends Error {}

export const parseMonthDay = (name: string, value: string | undefined, fallback: MonthDay): MonthDay => {
  if (value === undefined || value === '') return fallback
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim())
  const month = Number(match?.[1])
  const day = Number(match?.[2])
  const valid = match && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2001, month, 0)).getUTCDate()
  if (!valid) throw new RetentionSettingError(`${name} must be a month and day as MM-DD (e.g. 10-31), got "${value}"`)
  return { month, day }
}

/** The first `md` on or after `from` (dates as UTC calendar days). */
const onOrAfter = (from: Date, md: MonthDay): Date => {
  const candidate = new Date(Date.UTC(from.getUTCFullYear(), md.month - 1, md.day))
  return candidate.getTime() >= Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) ? candidate : new Date(Date.UTC(from.getUTCFullYear() + 1, md.month - 1, md.day))
}

/** The day an exam's data may be purged: the retention day that follows the end of its school year. */
export const retentionDate = ({ examDate, schoolYearEnd = DEFAULT_SCHOOL_YEAR_END, retentionDay = DEFAULT_RETENTION_DAY }: { examDate: Date; schoolYearEnd?: MonthDay; retentionDay?: MonthDay }): Date => {
  const yearEnd = onOrAfter(examDate, schoolYearEnd)
  const next = new Date(yearEnd.getTime() + 86_400_000)
  return onOrAfter(next, retentionDay)
}
