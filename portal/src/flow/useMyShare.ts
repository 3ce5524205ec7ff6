import { useEffect, useState, useSyncExternalStore } from 'react'

import type { Id } from '../api/types'
import { fetchShare, type MyShare } from '../distribution/share'
import { finalizeStore } from './pendingFinalize'

/** A share as read, with the copies this tab had finalized when the read started (the read includes them). */
type Read = { share: MyShare | null; covered: Set<string> }

/**
 * The signed-in teacher's share of an exam, read again when `version` changes and after each finalization.
 * `pending` lists the copies to treat as done although the share may not say so yet: those waiting for their
 * undo window, and those finalized since the share was read. A read that started after a finalization is
 * trusted over it (an admin may have reopened the copy since).
 */
export const useMyShare = ({ examId, version = 0 }: { examId: Id; version?: number }) => {
  const [read, setRead] = useState<Read | null>(null)
  const [committed, setCommitted] = useState(0)
  useEffect(() => finalizeStore.onCommitted(() => setCommitted((n) => n + 1)), [])
  useEffect(() => {
    let live = true
    const covered = new Set(finalizeStore.getSnapshot().sent.map(String))
    void fetchShare(examId).then((share) => live && setRead({ share, covered }))
    return () => {
      live = false
    }
  }, [examId, version, committed])
  const { pending, sent } = useSyncExternalStore(finalizeStore.subscribe, finalizeStore.getSnapshot)
  const unseen = sent.filter((id) => !read?.covered.has(String(id)))
  return { share: read?.share ?? null, pending: [...pending.map((p) => p.copyId), ...unseen] }
}
