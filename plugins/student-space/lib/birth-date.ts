/**
 * A birth date as students type it: the ISO form an `<input type="date">` sends (2011-03-14) or the French
 * way (14/03/2011, also with - or . and one-digit day or month). Returns the stored form, YYYY-MM-DD, or
 * undefined when it is not a real calendar day (31/02 is refused rather than rolled over to March).
 */
export const normalizeBirthDate = (input: unknown): string | undefined => {
  if (typeof input !== 'string') return undefined
  const text = input.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  const parts = iso ? { year: iso[1], month: iso[2], day: iso[3] } : french ? { year: french[3], month: french[2], day: french[1] } : undefined
  if (!parts) return undefined
  const year = Number(parts.year)
  const month = Number(parts.month)
  const day = Number(parts.day)
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
