import { useEffect, useState } from 'react'

import { navigate } from '../app/router'
import type { Id } from '../api/types'
import { useI18n } from '../i18n/context'
import { copyOnQuestionPath, fetchShare, nextCopyForQuestion, type MyShare } from './share'

/**
 * "Next copy on Qn": question-by-question marking across the class. Shown when the teacher marks the
 * exam by question; the share is read again on each copy, so marks just given count.
 */
export const NextOnQuestion = ({ examId, copyId, question, version }: { examId: Id; copyId: Id; question?: string; version: number }) => {
  const { t } = useI18n()
  const [share, setShare] = useState<MyShare | null>(null)
  useEffect(() => {
    let live = true
    void fetchShare(examId).then((s) => live && setShare(s))
    return () => {
      live = false
    }
  }, [examId, copyId, version])
  if (!share || !share.questionKeys || !question) return null
  const next = nextCopyForQuestion({ share, current: copyId, question })
  const left = share.copies.filter((c) => !c.graded.includes(question) && (!c.questionKeys || c.questionKeys.includes(question))).length
  return (
    <span className="next-on-question" data-testid="next-on-question" data-question={question} data-left={left}>
      <button type="button" disabled={!next} onClick={() => next && navigate(copyOnQuestionPath(next.id, question))} title={t('share.nextHelp', { question })}>
        {next ? t('share.next', { question, anonymousId: next.anonymousId }) : t('share.allDone', { question })}
      </button>
    </span>
  )
}
