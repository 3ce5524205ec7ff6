/**
 * Ids as both databases give them: numbers on PostgreSQL, strings on MongoDB. One definition for the
 * server, the admin's components and the portal.
 */
export type Id = string | number

/** A relationship value arrives as an id or as the populated document, depending on depth. */
export const idOf = (value: unknown): Id | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'object' && 'id' in value) return (value as { id: Id }).id
  return undefined
}

export const sameId = (a: unknown, b: unknown): boolean => {
  const left = idOf(a)
  const right = idOf(b)
  return left !== undefined && right !== undefined && String(left) === String(right)
}

/**
 * An id given as text (a route parameter, a job's data): digits are a PostgreSQL id, any other
 * non-empty string a MongoDB one; anything else is no id.
 */
export const parseId = (value: unknown): Id | undefined => {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined
  if (typeof value !== 'string' || value.trim() === '') return undefined
  return /^\d+$/.test(value) ? Number(value) : value
}
