'use client'
import { useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { PagesPanel } from './PagesPanel'
import { studentOptions, type StudentOption } from './studentOptions'
import { styles } from './styles'
import { assign, confirmStart, fetchDesk, fetchExams, isOpen, rerun, startUnsure, type Desk, type DeskCopy, type ExamOption, type Id } from './api'

/**
 * The identification desk: one unresolved copy at a time, its handwritten header, the matcher's
 * suggestions and the class list. Made for the keyboard — type to filter, arrows to choose, Enter to
 * assign and go on — because a class of thirty copies should take a minute, not thirty clicks.
 */
export const IdentificationDesk = ({ initialExam }: { initialExam?: string }) => {
  const { t } = useTranslation()
  const tr = (key: string) => t(`identification:${key}` as never)
  const [exams, setExams] = useState<ExamOption[]>([])
  const [examId, setExamId] = useState<string | undefined>(initialExam)
  const [desk, setDesk] = useState<Desk>()
  const [currentId, setCurrentId] = useState<Id>()
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState(0)
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string }>()
  // A student another copy holds is only taken from it on a second Enter: moving a name is deliberate.
  const [confirmTake, setConfirmTake] = useState<Id>()
  // Every copy, not only the unresolved ones: an automatic name can be wrong, or its pages.
  const [showAll, setShowAll] = useState(false)
  // Copies whose start ingestion only proposed, whatever their identification: to confirm or fix.
  const [unsureOnly, setUnsureOnly] = useState(false)
  const listed = useCallback(
    (copies: DeskCopy[]) => (unsureOnly ? copies.filter(startUnsure) : showAll ? copies : copies.filter(isOpen)),
    [showAll, unsureOnly],
  )
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    fetchExams().then(setExams, (e: Error) => setMessage({ kind: 'error', text: e.message }))
  }, [])

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
    load().catch((e: Error) => setMessage({ kind: 'error', text: e.message }))
    if (examId) window.history.replaceState(null, '', `?exam=${examId}`)
  }, [examId, load])

  const open = useMemo(() => desk?.copies.filter(isOpen) ?? [], [desk])
  const unsure = useMemo(() => desk?.copies.filter(startUnsure) ?? [], [desk])
  const shown = listed(desk?.copies ?? [])
  const copy = shown.find((c) => c.id === currentId)

  const options: StudentOption[] = useMemo(() => studentOptions({ desk, copy, query }), [desk, copy, query])

  useEffect(() => {
    setSelected(0)
    setConfirmTake(undefined)
  }, [query, currentId])
  // Only when the copy changes: a page fix reloads the desk, and must leave the focus on its button.
  useEffect(() => input.current?.focus(), [currentId])

  const goNext = () => {
    if (!shown.length) return
    const index = shown.findIndex((c) => c.id === currentId)
    setCurrentId(shown[(index + 1) % shown.length]!.id)
    setQuery('')
  }

  const accept = async (option: StudentOption | undefined) => {
    if (!copy || !option) return
    const heldElsewhere = option.takenBy !== null && option.takenBy !== copy.id
    if (heldElsewhere && confirmTake !== option.studentId) {
      const holder = desk?.copies.find((c) => c.id === option.takenBy)?.anonymousId ?? String(option.takenBy)
      setConfirmTake(option.studentId)
      setMessage({ kind: 'info', text: t('identification:takeConfirm' as never, { name: option.name, copy: holder } as never) })
      return
    }
    setConfirmTake(undefined)
    try {
      await assign(copy.id, option.studentId, { takeFromHolder: heldElsewhere })
      setMessage({ kind: 'info', text: `${tr('assigned')} ${option.name}` })
      setQuery('')
      const index = shown.findIndex((c) => c.id === copy.id)
      const following = showAll ? copy : (shown[index + 1] ?? shown[0])
      await load(following && (showAll || following.id !== copy.id) ? following.id : undefined)
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    }
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setSelected((s) => Math.min(s + 1, Math.max(0, options.length - 1)))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setSelected((s) => Math.max(0, s - 1))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      void accept(options[selected])
    } else if (event.key === 'Escape') {
      setQuery('')
      setConfirmTake(undefined)
    } else if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault()
      goNext()
    }
  }

  const onConfirmStart = async () => {
    if (!copy) return
    try {
      await confirmStart(copy.id)
      setMessage({ kind: 'info', text: tr('startConfirmed') })
      const index = shown.findIndex((c) => c.id === copy.id)
      const following = shown[index + 1] ?? shown[0]
      await load(following && following.id !== copy.id ? following.id : undefined)
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    }
  }

  const onRerun = async () => {
    if (!examId) return
    try {
      await rerun(examId)
      setMessage({ kind: 'info', text: tr('rerunQueued') })
      // The job runs in the background: refresh a few times while it works.
      for (const delay of [2000, 5000, 10000, 20000]) setTimeout(() => void load(currentId).catch(() => undefined), delay)
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    }
  }

  return (
    <div style={styles.page} data-testid="identification-desk">
      <h1>{tr('title')}</h1>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', margin: '1rem 0' }}>
        <label>
          {tr('exam')}{' '}
          <select data-testid="desk-exam" value={examId ?? ''} onChange={(e) => setExamId(e.target.value || undefined)}>
            <option value="">{tr('chooseExam')}</option>
            {exams.map((exam) => (
              <option key={exam.id} value={String(exam.id)}>
                {exam.title}
              </option>
            ))}
          </select>
        </label>
        {desk && (
          <span data-testid="desk-open-count">
            {open.length} {tr('unresolved')} ({desk.counts.total})
          </span>
        )}
        {desk && (
          <label>
            <input type="checkbox" data-testid="desk-show-all" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> {tr('showAll')}
          </label>
        )}
        {desk && (
          <label>
            <input type="checkbox" data-testid="desk-unsure-starts" checked={unsureOnly} onChange={(e) => setUnsureOnly(e.target.checked)} /> {tr('unsureStarts')} (
            <span data-testid="desk-unsure-count">{unsure.length}</span>)
          </label>
        )}
        {examId && (
          <button type="button" className="btn btn--style-secondary btn--size-small" data-testid="desk-rerun" onClick={onRerun}>
            {tr('rerun')}
          </button>
        )}
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} data-testid={`desk-${message.kind}`} style={{ color: message.kind === 'error' ? 'var(--theme-error-500)' : undefined }}>
          {message.text}
        </p>
      )}
      {desk && !unsureOnly && !open.length && <p data-testid="desk-done">{tr('allDone')}</p>}
      {desk && unsureOnly && !unsure.length && <p data-testid="desk-no-unsure">{tr('noUnsureStarts')}</p>}
      {desk && copy && (
        <div style={styles.row}>
          <div style={{ flex: 1 }} data-testid="desk-copy" data-copy-id={String(copy.id)}>
            <h2>
              {tr('copy')} {copy.anonymousId} — {shown.indexOf(copy) + 1} {tr('of')} {shown.length}
            </h2>
            {copy.student && (
              <p data-testid="desk-current-student">
                {tr('currentStudent')} <strong>{copy.student.name}</strong> ({tr(`status_${copy.identification.status}`)})
              </p>
            )}
            {copy.identification.reason && <p>{tr(`reasons_${copy.identification.reason}`)}</p>}
            {startUnsure(copy) && (
              <div
                data-testid="desk-start-unsure"
                style={{ padding: '0.5rem 0.75rem', margin: '0.5rem 0', borderLeft: '4px solid var(--theme-warning-500)', background: 'var(--theme-warning-100)' }}
              >
                <p style={{ margin: '0 0 0.5rem' }}>
                  {t('identification:startUnsure' as never, { evidence: tr(`evidence_${copy.segmentation.boundary ?? 'none'}`), margin: copy.segmentation.margin ?? 0 } as never)}
                </p>
                <button type="button" className="btn btn--style-primary btn--size-small" data-testid="desk-confirm-start" onClick={onConfirmStart}>
                  {tr('confirmStart')}
                </button>
              </div>
            )}
            {copy.headerCropUrl ? <img src={copy.headerCropUrl} alt={copy.anonymousId} style={styles.crop} /> : <p>{tr('noHeader')}</p>}
            <input
              ref={input}
              data-testid="desk-search"
              style={styles.input}
              value={query}
              placeholder={tr('searchRoster')}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              autoFocus
              aria-label={tr('searchRoster')}
            />
            <p style={{ fontSize: '0.85em', opacity: 0.8 }}>{tr('keyboardHelp')}</p>
            {!query && <h3>{tr('suggestions')}</h3>}
            {options.length ? (
              <ul style={styles.list} role="listbox">
                {options.map((option, i) => {
                  const taken = option.takenBy !== null && option.takenBy !== copy.id
                  return (
                    <li
                      key={String(option.studentId)}
                      role="option"
                      aria-selected={i === selected}
                      data-testid="desk-option"
                      data-student-id={String(option.studentId)}
                      data-taken={taken ? 'true' : 'false'}
                      style={styles.item(i === selected, taken)}
                      onMouseDown={(e) => {
                        e.preventDefault()
                        void accept(option)
                      }}
                    >
                      <span>{option.name}</span>
                      <span>
                        {taken && <em>{tr('taken')} </em>}
                        {option.score !== undefined && `${Math.round(option.score * 100)} %`}
                      </span>
                    </li>
                  )
                })}
              </ul>
            ) : (
              <p>{tr('noCandidate')}</p>
            )}
          </div>
          <aside style={styles.side}>
            <ol style={{ paddingLeft: '1.2rem' }}>
              {shown.map((c) => (
                <li key={String(c.id)} style={{ fontWeight: c.id === copy.id ? 700 : 400 }}>
                  <button type="button" data-testid="desk-jump" data-copy-id={String(c.id)} onClick={() => setCurrentId(c.id)} style={{ all: 'unset', cursor: 'pointer' }}>
                    {c.anonymousId}
                    {c.student ? ` — ${c.student.name}` : ''}
                  </button>
                </li>
              ))}
            </ol>
          </aside>
        </div>
      )}
      {desk && copy && (
        <PagesPanel
          copy={copy}
          copies={desk.copies}
          tr={tr}
          onChanged={async (result) => {
            // The shown copy may be gone (its last page moved away): go on to the next one still there.
            const gone = new Set(result.deleted.map(String))
            const removed = result.removed?.find((c) => String(c.id) === String(copy.id))
            const index = shown.findIndex((c) => c.id === copy.id)
            const next = removed ? [...shown.slice(index + 1), ...shown.slice(0, index)].find((c) => !gone.has(String(c.id))) : copy
            setMessage({ kind: 'info', text: removed ? t('identification:copyRemoved' as never, { copy: removed.anonymousId } as never) : tr('pagesSaved') })
            await load(next?.id)
          }}
          onError={async (text) => {
            setMessage({ kind: 'error', text })
            await load(copy.id).catch(() => undefined)
          }}
        />
      )}
    </div>
  )
}
