import { PageEditError } from './errors'
import type { CopyPage, Rotation } from './types'

const check = (pages: readonly unknown[], index: number, what = 'page'): void => {
  if (!Number.isInteger(index) || index < 0 || index >= pages.length) throw new PageEditError(`No ${what} ${index}: the copy has ${pages.length} page(s), numbered from 0`)
}

/** Quarter turns only: scanners feed sheets sideways or upside down, never at 45°. */
export const normaliseRotation = (degrees: number): Rotation => {
  if (!Number.isInteger(degrees) || degrees % 90 !== 0) throw new PageEditError(`Rotation must be a multiple of 90°, got ${degrees}`)
  return ((((degrees % 360) + 360) % 360) as Rotation)
}

// Generic over the page type: a page keeps whatever the caller attached to it (where it was drawn before the edit).
export const rotatePage = <P extends CopyPage>({ pages, index, by }: { pages: readonly P[]; index: number; by: number }): P[] => {
  check(pages, index)
  const turn = normaliseRotation(by)
  return pages.map((p, i) => (i === index ? { ...p, rotation: normaliseRotation(p.rotation + turn) } : p))
}

/** `order` lists every current index once, in the new reading order. */
export const reorderPages = <P extends CopyPage>({ pages, order }: { pages: readonly P[]; order: number[] }): P[] => {
  const sorted = [...order].sort((a, b) => a - b)
  if (sorted.length !== pages.length || sorted.some((v, i) => v !== i)) throw new PageEditError(`The new order must list each of the ${pages.length} pages exactly once`)
  return order.map((i) => pages[i]!)
}

/** Takes a page out of one copy and inserts it in another (at the end by default). */
export const movePage = <P extends CopyPage>({ from, to, index, position }: { from: readonly P[]; to: readonly P[]; index: number; position?: number }): { from: P[]; to: P[] } => {
  check(from, index)
  const at = position ?? to.length
  if (!Number.isInteger(at) || at < 0 || at > to.length) throw new PageEditError(`Position ${at} is outside the target copy (0…${to.length})`)
  const page = from[index]!
  return { from: from.filter((_, i) => i !== index), to: [...to.slice(0, at), page, ...to.slice(at)] }
}

/** Pages before `at` stay, the rest become a new copy; both halves must keep at least one page. */
export const splitPages = <P extends CopyPage>({ pages, at }: { pages: readonly P[]; at: number }): { head: P[]; tail: P[] } => {
  if (!Number.isInteger(at) || at < 1 || at >= pages.length) throw new PageEditError(`A copy of ${pages.length} page(s) splits at 1…${pages.length - 1}, not ${at}`)
  return { head: pages.slice(0, at), tail: pages.slice(at) }
}

export const mergePages = <P extends CopyPage>({ first, second }: { first: readonly P[]; second: readonly P[] }): P[] => [...first, ...second]
