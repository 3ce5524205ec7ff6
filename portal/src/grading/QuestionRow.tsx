import { useEffect, useState } from 'react'

import type { Grade, ScaleQuestion } from '../api/types'
import { useI18n } from '../i18n/context'
import { formatPoints, halfPoints, parsePoints } from './points'

type Props = {
  question: ScaleQuestion
  grade?: Grade
  error?: string
  /** Bumped by each refused save: the box shows the stored points again. */
  refusals?: number
  current: boolean
  readOnly: boolean
  markedBy?: string
  onFocus: () => void
  onSave: (draft: { points?: number; comment?: string }) => void
}

export const QuestionRow = ({ current, error, grade, markedBy, onFocus, onSave, question, readOnly, refusals = 0 }: Props) => {
  const { language, t } = useI18n()
  const [text, setText] = useState('')
  const [comment, setComment] = useState('')
  // A refused value does not stay in the box as if it counted: what is stored comes back, the reason below it.
  useEffect(() => setText(formatPoints(grade?.points, language)), [grade?.points, language, refusals])
  useEffect(() => setComment(grade?.comment ?? ''), [grade?.comment])

  const commitPoints = () => {
    if (text.trim() === formatPoints(grade?.points, language)) return
    if (text.trim() === '') return
    onSave({ points: parsePoints(text) ?? Number.NaN })
  }

  return (
    <li className={current ? 'question current' : 'question'} data-question={question.key} onFocus={onFocus} onClick={onFocus}>
      <div className="question-head">
        <strong>{question.key}</strong>
        {question.label ? <span className="question-label">{question.label}</span> : null}
        {markedBy ? <span className="marked-by">{t('grading.markedBy', { name: markedBy })}</span> : null}
      </div>
      <div className="question-points">
        <input
          aria-label={`${t('grading.points')} ${question.key}`}
          aria-invalid={error ? true : undefined}
          data-testid={`points-${question.key}`}
          inputMode="decimal"
          value={text}
          disabled={readOnly}
          onChange={(e) => setText(e.target.value)}
          onBlur={commitPoints}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              // Saving leaves the field, so the next shortcut (a tool, the next question) works at once.
              e.preventDefault()
              e.currentTarget.blur()
            }
          }}
        />
        <span className="max">{t('grading.max', { max: formatPoints(question.maxPoints, language) })}</span>
        <button type="button" disabled={readOnly} onClick={() => onSave({ points: 0 })}>
          {t('grading.zero')}
        </button>
        <button type="button" disabled={readOnly} onClick={() => onSave({ points: halfPoints(question) })}>
          {t('grading.half')}
        </button>
        <button type="button" disabled={readOnly} onClick={() => onSave({ points: question.maxPoints })}>
          {t('grading.full')}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert" data-testid={`error-${question.key}`}>
          {error}
        </p>
      ) : null}
      <textarea
        aria-label={`${t('grading.comment')} ${question.key}`}
        data-testid={`comment-${question.key}`}
        placeholder={t('grading.comment')}
        value={comment}
        disabled={readOnly}
        rows={comment ? 2 : 1}
        onChange={(e) => setComment(e.target.value)}
        onBlur={() => comment !== (grade?.comment ?? '') && onSave({ comment })}
      />
    </li>
  )
}
