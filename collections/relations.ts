import type { Id } from './access/roles'

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
