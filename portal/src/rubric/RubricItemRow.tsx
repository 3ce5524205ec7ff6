import { useState } from 'react'

import type { RubricItem } from '../api/types'
import { formatPoints, parsePoints } from '../grading/points'
import { useI18n } from '../i18n/context'
import type { RubricDraft } from './useRubric'

type Props = {
  item: RubricItem
  index: number
  applied: boolean
  readOnly: boolean
  onToggle: () => void
  onUpdate: (draft: Partial<RubricDraft>) => Promise<boolean>
  onRemove: () => void
}

const signed = (points: number, language: string) => `${points > 0 ? '+' : ''}${formatPoints(points, language)}`

/** One item: its key, points and text, how many copies use it; applied or not on this copy; edited in place. */
export const RubricItemRow = ({ applied, index, item, onRemove, onToggle, onUpdate, readOnly }: Props) => {
  const { language, t } = useI18n()
  const [editing, setEditing] = useState(false)
  const [points, setPoints] = useState('')
  const [text, setText] = useState('')

  if (editing)
    return (
      <li className="rubric-item editing" data-item={item.id}>
        <form
          className="rubric-form"
          onSubmit={(e) => {
            e.preventDefault()
            void onUpdate({ points: parsePoints(points) ?? Number.NaN, text }).then((ok) => ok && setEditing(false))
          }}
        >
          <input aria-label={t('rubric.points')} className="rubric-points-input" value={points} onChange={(e) => setPoints(e.target.value)} />
          <input aria-label={t('rubric.text')} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit">{t('rubric.save')}</button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('rubric.cancel')}
          </button>
        </form>
      </li>
    )

  return (
    <li className={applied ? 'rubric-item applied' : 'rubric-item'} data-item={item.id} data-applied={applied} data-uses={item.uses}>
      <button type="button" className="rubric-apply" disabled={readOnly} aria-pressed={applied} onClick={onToggle} title={index < 9 ? t('rubric.keyHelp', { key: index + 1 }) : undefined}>
        {index < 9 ? <kbd>{index + 1}</kbd> : null}
        <span className={item.points < 0 ? 'rubric-points deduct' : 'rubric-points'}>{signed(item.points, language)}</span>
        <span className="rubric-text">{item.text}</span>
      </button>
      <span className="rubric-uses" title={t('rubric.usesHelp')}>
        ×{item.uses}
      </span>
      <button
        type="button"
        className="rubric-edit"
        aria-label={t('rubric.edit')}
        onClick={() => {
          setPoints(formatPoints(item.points, language))
          setText(item.text)
          setEditing(true)
        }}
      >
        ✎
      </button>
      {item.uses === 0 ? (
        <button type="button" className="rubric-delete" aria-label={t('rubric.delete')} onClick={onRemove}>
          ×
        </button>
      ) : null}
    </li>
  )
}
