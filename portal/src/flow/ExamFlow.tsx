import { useEffect, useRef } from 'react'

import { navigate } from '../app/router'
import type { Id } from '../api/types'
import { isTyping } from '../keyboard/shortcuts'
import { FlowBar } from './FlowBar'
import { nextToMark } from './nextToMark'
import { useMyShare } from './useMyShare'

/**
 * On the exam list: the teacher's progress on the exam and where to resume ("next unmarked"); with
 * `shortcut` (the first exam listed), N opens it, so a marking day starts from the keyboard too.
 */
export const ExamFlow = ({ examId, shortcut = false }: { examId: Id; shortcut?: boolean }) => {
  const { share, pending } = useMyShare({ examId })
  const next = useRef<Id | undefined>(undefined)
  next.current = share ? nextToMark({ share, skip: pending })?.id : undefined
  useEffect(() => {
    if (!shortcut) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || next.current === undefined) return
      e.preventDefault()
      navigate(`/copy/${next.current}`)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [shortcut])
  return <FlowBar share={share} pending={pending} />
}
