'use client'
import { Button, Pill } from '@payloadcms/ui'
import React from 'react'

import { DeskCheckbox } from './DeskCheckbox'
import type { DeskData } from './hooks/useDeskData'
import type { Translate } from './hooks/useDeskTranslation'

/** Above the desk: the exam, how many copies are left, which copies are listed, and a new reading. */
export const DeskToolbar = ({ data, tr, onRerun }: { data: DeskData; tr: Translate; onRerun: () => void }) => {
  const { exams, examId, setExamId, desk, open, unsure, showAll, setShowAll, unsureOnly, setUnsureOnly } = data
  return (
    <div className="identification-desk__toolbar">
      <label className="identification-desk__field">
        {tr('exam')}
        <select className="identification-desk__select" data-testid="desk-exam" value={examId ?? ''} onChange={(e) => setExamId(e.target.value || undefined)}>
          <option value="">{tr('chooseExam')}</option>
          {exams.map((exam) => (
            <option key={exam.id} value={String(exam.id)}>
              {exam.title}
            </option>
          ))}
        </select>
      </label>
      {desk && (
        <Pill pillStyle={open.length ? 'warning' : 'success'}>
          <span data-testid="desk-open-count">
            {open.length} {tr('unresolved')} ({desk.counts.total})
          </span>
        </Pill>
      )}
      {desk && <DeskCheckbox testId="desk-show-all" label={tr('showAll')} checked={showAll} onChange={setShowAll} />}
      {desk && (
        <DeskCheckbox
          testId="desk-unsure-starts"
          label={
            <>
              {tr('unsureStarts')} (<span data-testid="desk-unsure-count">{unsure.length}</span>)
            </>
          }
          checked={unsureOnly}
          onChange={setUnsureOnly}
        />
      )}
      {examId && (
        <Button buttonStyle="secondary" size="small" margin={false} extraButtonProps={{ 'data-testid': 'desk-rerun' }} onClick={onRerun}>
          {tr('rerun')}
        </Button>
      )}
    </div>
  )
}
