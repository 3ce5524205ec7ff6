import { useEffect, useState, useSyncExternalStore } from 'react'

import type { Id } from '../api/types'
import { fetchShare, type MyShare } from '../distribution/share'
import { finalizeStore } from './pendingFinalize'

/** The signed-in teacher's share of an exam, read again when `version` changes and after each finalization. */
export const useMyShare = ({ examId, version = 0 }: { examId: Id; version?: number }) => {
  const [share, setShare] = useState<MyShare | null>(null)
  const [committed, setCommitted] = useState(0)
  useEffect(() => finalizeStore.onCommitted(() => setCommitted((n) => n + 1)), [])
  useEffect(() => {
    let live = true
    void fetchShare(examId).then((s) => live && setShare(s))
    return () => {
      live = false
    }
  }, [examId, version, committed])
  const { pending } = useSyncExternalStore(finalizeStore.subscribe, finalizeStore.getSnapshot)
  return { share, pending: pending.map((p) => p.copyId) }
}
