import { LanguageToggle } from '../app/LanguageToggle'
import { navigate } from '../app/router'
import type { User } from '../api/types'
import { formatPoints } from '../grading/points'
import { useI18n } from '../i18n/context'
import { ShareSummary } from '../distribution/ShareSummary'
import { ExamFlow } from '../flow/ExamFlow'
import { useExamOverview } from './useExamOverview'

export const ExamsPage = ({ onSignOut, user }: { user: User | null; onSignOut: () => void }) => {
  const { language, t } = useI18n()
  const { data, error } = useExamOverview()
  return (
    <main className="exams-page">
      <header className="topbar">
        <h1>{t('exams.title')}</h1>
        <span className="user">{user ? user.name || user.email : ''}</span>
        <LanguageToggle />
        <button type="button" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </header>
      {error ? <p role="alert">{t('app.error', { message: error })}</p> : null}
      {!data && !error ? <p className="loading">{t('app.loading')}</p> : null}
      {data && data.length === 0 ? <p>{t('exams.none')}</p> : null}
      {data?.map(({ copies, exam, share }, examIndex) => {
        const questions = exam.gradingScale?.length ?? 0
        return (
          <section key={String(exam.id)} className="exam" data-exam={exam.id}>
            <h2>
              {exam.title} <small>{[exam.subject, exam.className].filter(Boolean).join(' · ')}</small>
            </h2>
            <p className="muted">{t('exams.copies', { count: copies.length })}</p>
            <ShareSummary share={share} />
            <ExamFlow examId={exam.id} shortcut={examIndex === 0} />
            {copies.length === 0 ? (
              <p>{t('copies.none')}</p>
            ) : (
              <table className="copies">
                <thead>
                  <tr>
                    <th>{t('copies.anonymousId')}</th>
                    <th>{t('copies.status')}</th>
                    <th>{t('copies.progress')}</th>
                    <th>{t('copies.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {copies.map((copy) => (
                    <tr key={String(copy.id)} data-copy={copy.id} onClick={() => navigate(`/copy/${copy.id}`)}>
                      <td>
                        <a href={`#/copy/${copy.id}`}>{copy.anonymousId}</a>
                      </td>
                      <td>
                        <span className={`status status-${copy.status}`}>{t(`status.${copy.status}`)}</span>
                      </td>
                      <td>
                        <progress max={questions || 1} value={copy.marked} /> {copy.marked} / {questions}
                      </td>
                      <td>{typeof copy.total === 'number' ? formatPoints(copy.total, language) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )
      })}
    </main>
  )
}
