import { useI18n } from '../i18n/context'
import { formatPoints } from '../grading/points'
import { pdfUrl } from './api'
import { formatDay, formatGrade } from './format'
import type { StudentCopy } from './types'

/** One published copy: the exam, the grade, each question's points and comment, and what can be done with it. */
export const CopyCard = ({ copy }: { copy: StudentCopy }) => {
  const { language, t } = useI18n()
  const details = [copy.exam.subject, formatDay({ iso: copy.exam.date, language })].filter(Boolean).join(' · ')
  return (
    <section className="student-copy" data-copy={copy.id}>
      <header>
        <div>
          <h2>{copy.exam.title}</h2>
          {details ? <p className="muted">{details}</p> : null}
        </div>
        <p className="student-grade" data-testid="student-grade">
          {formatGrade({ points: copy.total, max: copy.maxTotal, language })}
        </p>
      </header>
      {copy.questions.length ? (
        <table className="student-questions">
          <thead>
            <tr>
              <th>{t('student.copies.question')}</th>
              <th>{t('student.copies.points')}</th>
              <th>{t('student.copies.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {copy.questions.map((q) => (
              <tr key={q.key} data-question={q.key}>
                <td>
                  {q.key}
                  {q.label ? <span className="muted"> — {q.label}</span> : null}
                </td>
                <td>
                  {q.points === null ? '—' : formatPoints(q.points, language)} / {formatPoints(q.maxPoints, language)}
                </td>
                <td>{q.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="muted">{t('student.copies.publishedOn', { date: formatDay({ iso: copy.publishedAt, language }) })}</p>
      {copy.hasPdf ? (
        <div className="student-actions">
          <a className="button primary" href={`#/student/copy/${encodeURIComponent(String(copy.id))}`} data-testid="student-open-copy">
            {t('student.copies.view')}
          </a>
          <a className="button" href={pdfUrl(copy.id, { download: true })} download data-testid="student-download">
            {t('student.copies.download')}
          </a>
        </div>
      ) : (
        <p className="muted">{t('student.copies.noPdf')}</p>
      )}
    </section>
  )
}
