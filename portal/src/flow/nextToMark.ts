import type { Id } from '../api/types'
import type { MyCopy, MyShare } from '../distribution/share'

/**
 * "Next unmarked": after `current` (wrapping around), the first copy of the teacher's share whose part is not
 * done yet and that is not waiting to be finalized. Within the share only: a teacher never lands on a
 * colleague's copy.
 */
export const nextToMark = ({ share, current, skip = [] }: { share: MyShare; current?: Id; skip?: Id[] }): MyCopy | undefined => {
  const skipped = new Set([...skip, ...(current === undefined ? [] : [current])].map(String))
  const at = current === undefined ? -1 : share.copies.findIndex((c) => String(c.id) === String(current))
  const order = [...share.copies.slice(at + 1), ...share.copies.slice(0, Math.max(0, at))]
  return order.find((c) => !c.done && !skipped.has(String(c.id)))
}

export type Progress = { done: number; total: number }

/** Copies whose part is done, counting those finalized a moment ago and still undoable. */
export const progressOf = ({ share, pending = [] }: { share: MyShare; pending?: Id[] }): Progress => {
  const waiting = new Set(pending.map(String))
  return { done: share.copies.filter((c) => c.done || waiting.has(String(c.id))).length, total: share.copies.length }
}
