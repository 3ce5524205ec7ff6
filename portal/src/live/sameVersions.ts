import type { Id } from '../api/types'

/** The same rows at the same versions, whatever their order: nothing to fetch. */
export const sameVersions = (a: [Id, number | undefined][], b: [Id, number | undefined][]): boolean => {
  if (a.length !== b.length) return false
  const key = (rows: [Id, number | undefined][]) => rows.map(([id, v]) => `${id}:${v ?? 1}`).sort().join()
  return key(a) === key(b)
}
