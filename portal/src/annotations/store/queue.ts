import type { Op } from './types'

/**
 * Adds an edit to the queue, merging it into an earlier edit of the same annotation that has not left
 * yet: a hundred drags of one box send one PATCH, and a box drawn then erased offline sends nothing.
 * `inFlight` is the op currently on the wire (never rewritten).
 */
export const enqueue = ({ ops, op, inFlight }: { ops: Op[]; op: Op; inFlight?: Op }): Op[] => {
  const waiting = (o: Op) => o !== inFlight && o.localId === op.localId
  const last = [...ops].reverse().find(waiting)
  if (op.type === 'update' && last && last.type !== 'delete')
    return ops.map((o) => (o === last ? { ...o, shape: op.shape } : o))
  if (op.type === 'delete') {
    const neverSent = ops.some((o) => waiting(o) && o.type === 'create')
    const rest = ops.filter((o) => !waiting(o))
    return neverSent ? rest : rest.concat(op)
  }
  return ops.concat(op)
}

/** After a write succeeded: later edits of the same annotation now build on the server's new version. */
export const rebase = ({ ops, localId, id, version }: { ops: Op[]; localId: string; id: Op['id']; version: number }): Op[] =>
  ops.map((o) => (o.localId === localId ? { ...o, id, baseVersion: version } : o))

export const localStorageQueue = (key: string) => ({
  load: (): Op[] => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '[]') as Op[]
    } catch {
      return []
    }
  },
  save: (ops: Op[]): void => {
    if (ops.length) localStorage.setItem(key, JSON.stringify(ops))
    else localStorage.removeItem(key)
  },
})
