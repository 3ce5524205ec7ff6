'use client'
import { useCallback, useEffect, useMemo, useState } from 'react'

import { fetchDesk, fetchExams, isOpen, startUnsure, type Desk, type DeskCopy, type ExamOption, type Id } from '../api'
import type { Say } from './types'

/**
 * The desk's data: the exams to choose from, the chosen exam's copies and class list, which copies are
 * listed (open ones, every one, or the starts to check) and which one is shown. `load` reads the desk
 * again after any change, keeping the shown copy when it is still listed.
 */
export const useDeskData = ({ initialExam, say }: { initialExam?: string; say: Say }) => {
  const [exams, setExams] = useState<ExamOption[]>([])
  const [examId, setExamId] = useState<string | undefined>(initialExam)
  const [desk, setDesk] = useState<Desk>()
  const [currentId, setCurrentId] = useState<Id>()
  // Every copy, not only the unresolved ones: an automatic name can be wrong, or its pages.
  const [showAll, setShowAll] = useState(false)
  // Copies whose start ingestion only proposed, whatever their identification: to confirm or fix.
  const [unsureOnly, setUnsureOnly] = useState(false)
  const listed = useCallback(
    (copies: DeskCopy[]) => (unsureOnly ? copies.filter(startUnsure) : showAll ? copies : copies.filter(isOpen)),
    [showAll, unsureOnly],
  )

  useEffect(() => {
    fetchExams().then(setExams, (e: Error) => say({ kind: 'error', text: e.message }))
  }, [say])

  const load = useCallback(
    async (keep?: Id) => {
      if (!examId) return
      const next = await fetchDesk(examId)
      setDesk(next)
      const shown = listed(next.copies)
      setCurrentId(shown.find((c) => c.id === keep)?.id ?? shown[0]?.id)
    },
    [examId, listed],
  )

  useEffect(() => {
    setDesk(undefined)
    load().catch((e: Error) => say({ kind: 'error', text: e.message }))
    if (examId) window.history.replaceState(null, '', `?exam=${examId}`)
  }, [examId, load, say])

  const open = useMemo(() => desk?.copies.filter(isOpen) ?? [], [desk])
  const unsure = useMemo(() => desk?.copies.filter(startUnsure) ?? [], [desk])
  const shown = useMemo(() => listed(desk?.copies ?? []), [desk, listed])
  const copy = shown.find((c) => c.id === currentId)

  return { exams, examId, setExamId, desk, load, open, unsure, shown, copy, currentId, setCurrentId, showAll, setShowAll, unsureOnly, setUnsureOnly }
}

export type DeskData = ReturnType<typeof useDeskData>
