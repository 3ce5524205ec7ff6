/**
 * Accepts D/M/YYYY with `/`, `-` or `.` separators (French order, as schools export)
 * and ISO YYYY-MM-DD. Returns ISO or null when the text is not a real calendar date.
 */
export const parseRosterDate = (raw: string): string | null => {
  const value = raw.trim()
  let day: number, month: number, year: number
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (french) [day, month, year] = [Number(french[1]), Number(french[2]), Number(french[3])]
  else return null
  if (!isCalendarDate({ year, month, day })) return null
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

const pad2 = (n: number) => String(n).padStart(2, '0')

const isCalendarDate = ({ year, month, day }: { year: number; month: number; day: number }): boolean => {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false
  // Date.UTC rolls 31/02 over into March, which is how we detect it.
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
