import { useCallback, useEffect, useState } from 'react'

import { api, query } from '../api/client'
import { ApiError } from '../api/errors'
import { idOf, type Id, type Page, type SavedComment } from '../api/types'
import { useI18n } from '../i18n/context'
import { parsePoints } from './points'

export const COMMENT_MIME = 'application/x-korrigo-comment'

/** Reusable comments: click to add to the current question, drag onto the page to drop a bubble. */
export const CommentBank = ({ examId, readOnly, onInsert }: { examId: Id; readOnly: boolean; onInsert: (comment: SavedComment) => void }) => {
  const { t } = useI18n()
  const [comments, setComments] = useState<SavedComment[]>([])
  const [text, setText] = useState('')
  const [points, setPoints] = useState('')
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const page = await api.get<Page<SavedComment>>(`/api/comment-bank?${query({ depth: 0, limit: 300, sort: 'text' })}`)
    setComments(page.docs.filter((c) => c.exam === null || c.exam === undefined || String(idOf(c.exam)) === String(examId)))
  }, [examId])

  useEffect(() => {
    reload().catch(() => undefined)
  }, [reload])

  const add = async () => {
    if (!text.trim()) return
    try {
      await api.post('/api/comment-bank', { text: text.trim(), points: parsePoints(points) ?? null, exam: examId })
      setText('')
      setPoints('')
      setError(null)
      await reload()
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    }
  }

  const remove = async (id: Id) => {
    await api.delete(`/api/comment-bank/${id}`).catch(() => undefined)
    await reload()
  }

  return (
    <section className="comment-bank" aria-label={t('bank.title')}>
      <h2>{t('bank.title')}</h2>
      <p className="hint">{t('bank.hint')}</p>
      {comments.length === 0 ? <p className="empty">{t('bank.empty')}</p> : null}
      <ul>
        {comments.map((comment) => (
          <li key={String(comment.id)}>
            <button
              type="button"
              className="bank-item"
              draggable={!readOnly}
              disabled={readOnly}
              onClick={() => onInsert(comment)}
              onDragStart={(e) => e.dataTransfer.setData(COMMENT_MIME, JSON.stringify(comment))}
            >
              {comment.text}
              {typeof comment.points === 'number' ? <span className="bank-points">{comment.points}</span> : null}
            </button>
            <button type="button" className="bank-delete" aria-label={t('bank.delete')} onClick={() => remove(comment.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="bank-add"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <input value={text} placeholder={t('bank.text')} onChange={(e) => setText(e.target.value)} aria-label={t('bank.text')} />
        <input value={points} placeholder={t('bank.points')} onChange={(e) => setPoints(e.target.value)} aria-label={t('bank.points')} className="bank-points-input" />
        <button type="submit">{t('bank.add')}</button>
      </form>
      {error ? <p className="field-error">{error}</p> : null}
    </section>
  )
}
