import { useState } from 'react'

import type { Id, RubricItem, ScaleQuestion } from '../api/types'
import { parsePoints } from '../grading/points'
import { useI18n } from '../i18n/context'
import { RubricItemRow } from './RubricItemRow'
import type { Rubric } from './useRubric'

type Props = {
  question: ScaleQuestion | undefined
  items: RubricItem[]
  applied: string[]
  readOnly: boolean
  rubric: Rubric
  onToggle: (id: Id) => void
}

/**
 * The current question's rubric: items applied with their key (1–9) or a click, their uses across the exam,
 * edited for every copy at once (the server recomputes the marks), and a form to add one.
 */
export const RubricPanel = ({ applied, items, onToggle, question, readOnly, rubric }: Props) => {
  const { t } = useI18n()
  const [points, setPoints] = useState('')
  const [text, setText] = useState('')
  if (!question) return null
  return (
    <section className="rubric" aria-label={t('rubric.title', { question: question.key })} data-testid="rubric" data-question={question.key}>
      <h2>{t('rubric.title', { question: question.key })}</h2>
      {items.length === 0 ? <p className="empty">{t('rubric.empty')}</p> : null}
      <ol>
        {items.map((item, index) => (
          <RubricItemRow
            key={String(item.id)}
            item={item}
            index={index}
            applied={applied.includes(String(item.id))}
            readOnly={readOnly}
            onToggle={() => onToggle(item.id)}
            onUpdate={(draft) => rubric.update(item.id, draft)}
            onRemove={() => void rubric.remove(item.id)}
          />
        ))}
      </ol>
      <form
        className="rubric-form rubric-add"
        onSubmit={(e) => {
          e.preventDefault()
          if (!text.trim()) return
          void rubric.create(question.key, { points: parsePoints(points) ?? 0, text: text.trim() }).then((ok) => {
            if (!ok) return
            setPoints('')
            setText('')
          })
        }}
      >
        <input aria-label={t('rubric.newPoints')} placeholder={t('rubric.points')} className="rubric-points-input" value={points} onChange={(e) => setPoints(e.target.value)} />
        <input aria-label={t('rubric.newText')} placeholder={t('rubric.text')} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('rubric.add')}</button>
      </form>
      {rubric.error ? (
        <p className="field-error" role="alert" data-testid="rubric-error">
          {rubric.error}
        </p>
      ) : null}
    </section>
  )
}
