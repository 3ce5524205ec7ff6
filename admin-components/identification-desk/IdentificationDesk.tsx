'use client'
import React, { useState } from 'react'

import './desk.scss'
import { CopyHeader } from './CopyHeader'
import { CopyList } from './CopyList'
import { DeskMessage } from './DeskMessage'
import { DeskToolbar } from './DeskToolbar'
import { PagesPanel } from './PagesPanel'
import { StudentSearch } from './StudentSearch'
import type { DeskMessage as Message } from './hooks/types'
import { useDeskActions } from './hooks/useDeskActions'
import { useDeskData } from './hooks/useDeskData'
import { useDeskTranslation } from './hooks/useDeskTranslation'
import { usePageDrag } from './hooks/usePageDrag'
import { usePageEdits } from './hooks/usePageEdits'
import { useStudentSearch } from './hooks/useStudentSearch'

/**
 * The identification desk: one unresolved copy at a time, its handwritten header, the matcher's
 * suggestions and the class list, then its pages to fix. Made for the keyboard — type to filter, arrows
 * to choose, Enter to assign and go on — and, for pages, for the mouse too: drag a page to reorder it or
 * onto another copy of the list. The hooks hold the behaviour, the views only draw.
 */
export const IdentificationDesk = ({ initialExam }: { initialExam?: string }) => {
  const tr = useDeskTranslation()
  const [message, say] = useState<Message>()
  const data = useDeskData({ initialExam, say })
  const search = useStudentSearch({ data, say, tr })
  const actions = useDeskActions({ data, say, tr })
  const edits = usePageEdits({ data, say, tr })
  const drag = usePageDrag({ copyId: data.copy?.id, busy: edits.busy, onCommand: edits.onCommand })
  const { desk, copy, shown, open, unsure, unsureOnly } = data

  return (
    <div className="identification-desk" data-testid="identification-desk">
      <h1>{tr('title')}</h1>
      <DeskToolbar data={data} tr={tr} onRerun={() => void actions.onRerun()} />
      <DeskMessage message={message} />
      {desk && !unsureOnly && !open.length && <p data-testid="desk-done">{tr('allDone')}</p>}
      {desk && unsureOnly && !unsure.length && <p data-testid="desk-no-unsure">{tr('noUnsureStarts')}</p>}
      {desk && copy && (
        <>
          <div className="identification-desk__row">
            <div className="identification-desk__main" data-testid="desk-copy" data-copy-id={String(copy.id)}>
              <CopyHeader copy={copy} position={shown.indexOf(copy) + 1} total={shown.length} tr={tr} onConfirmStart={() => void actions.onConfirmStart()} />
              <StudentSearch copy={copy} search={search} tr={tr} />
            </div>
            <aside className="identification-desk__side">
              <CopyList copies={shown} currentId={copy.id} drag={drag} tr={tr} onShow={data.setCurrentId} />
            </aside>
          </div>
          <PagesPanel copy={copy} copies={desk.copies} edits={edits} drag={drag} tr={tr} />
        </>
      )}
    </div>
  )
}
