import { useState } from 'react'

import { navigate } from '../app/router'
import type { Copy, Id } from '../api/types'
import type { MyShare } from '../distribution/share'
import { nextToMark } from './nextToMark'
import { finalizeLater } from './pendingFinalize'

type Args = {
  copy: Copy
  examId: Id
  readOnly: boolean
  share: MyShare | null
  pending: Id[]
  /** Copies of the list, for a user without a share (an admin): the next one not finalized. */
  siblings: Copy[]
  /** Waits for this copy's annotation and grade saves: a finalization never overtakes them. */
  settle: () => Promise<void>
  /** Why the copy cannot be finalized now (a grade conflict to resolve), or undefined. */
  blocked: () => string | undefined
}

/**
 * Finalize and move on: the copy's saves are awaited, its finalization is queued (undoable for a few
 * seconds, see pendingFinalize) and the teacher lands on the next copy of their share still to mark, or on
 * their list when none is left.
 */
export const useFinalizeFlow = ({ blocked, copy, examId, pending, readOnly, settle, share, siblings }: Args) => {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const next = (): Id | undefined => {
    if (share) return nextToMark({ share, current: copy.id, skip: pending })?.id
    const at = siblings.findIndex((c) => String(c.id) === String(copy.id))
    const order = [...siblings.slice(at + 1), ...siblings.slice(0, Math.max(0, at))]
    return order.find((c) => c.status !== 'finalized' && c.status !== 'locked' && !pending.some((p) => String(p) === String(c.id)))?.id
  }

  const finalize = async () => {
    if (readOnly || busy) return
    const reason = blocked()
    if (reason) return setError(reason)
    setBusy(true)
    try {
      await settle()
      finalizeLater({ copyId: copy.id, anonymousId: copy.anonymousId, examId })
      setError(null)
      const to = next()
      navigate(to === undefined ? '/' : `/copy/${to}`)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  const goToNext = () => {
    const to = next()
    if (to !== undefined) navigate(`/copy/${to}`)
  }

  return { finalize, goToNext, error }
}
