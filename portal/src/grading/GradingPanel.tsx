import type { CopyMarkers, Grade, ScaleQuestion } from '../api/types'
import { useI18n } from '../i18n/context'
import { formatPoints } from './points'
import { QuestionRow } from './QuestionRow'
import type { GradeErrors } from './useGrades'

type Props = {
  questions: ScaleQuestion[]
  grades: Record<string, Grade>
  /** The copy's stored grades have arrived (tests and assistive tech wait for it). */
  loaded: boolean
  errors: GradeErrors
  refusals: Record<string, number>
  total: number | null | undefined
  readOnly: boolean
  currentIndex: number
  markers: CopyMarkers | null
  onCurrent: (index: number) => void
  onSave: (questionKey: string, draft: { points?: number; comment?: string }) => void
}

export const GradingPanel = ({ currentIndex, errors, grades, loaded, markers, onCurrent, onSave, questions, readOnly, refusals, total }: Props) => {
  const { language, t } = useI18n()
  const max = questions.reduce((sum, q) => sum + q.maxPoints, 0)
  const markedBy = new Map(markers?.grades.map((g) => [g.questionKey, g.corrector?.name]) ?? [])
  return (
    <section className="grading" aria-label={t('grading.title')} aria-busy={!loaded} data-grades={loaded ? 'loaded' : 'loading'}>
      <header>
        <h2>{t('grading.title')}</h2>
        <output data-testid="copy-total">{t('grading.total', { total: formatPoints(total ?? 0, language), max: formatPoints(max, language) })}</output>
      </header>
      {markers ? (
        <p className="markers" data-testid="markers">
          <strong>{t('grading.doubleMarking')}</strong> —{' '}
          {t('grading.annotationsBy', { list: markers.annotations.map((a) => `${a.author?.name ?? '?'} (${a.count})`).join(', ') || '—' })}
        </p>
      ) : null}
      <ol>
        {questions.map((question, index) => (
          <QuestionRow
            key={question.key}
            question={question}
            grade={grades[question.key]}
            error={errors[question.key]}
            refusals={refusals[question.key]}
            current={index === currentIndex}
            readOnly={readOnly}
            markedBy={markers ? (markedBy.get(question.key) ?? undefined) : undefined}
            onFocus={() => onCurrent(index)}
            onSave={(draft) => onSave(question.key, draft)}
          />
        ))}
      </ol>
    </section>
  )
}
