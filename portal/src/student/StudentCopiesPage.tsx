import { useI18n } from '../i18n/context'
import { CopyCard } from './CopyCard'
import { StudentHeader } from './StudentHeader'
import type { StudentProfile } from './types'
import { useStudentCopies } from './useStudentCopies'

/** The student's home: every published copy, newest first. */
export const StudentCopiesPage = ({ student, onSignOut, onExpired }: { student: StudentProfile; onSignOut: () => void; onExpired: () => void }) => {
  const { t } = useI18n()
  const { copies, error } = useStudentCopies({ onExpired })
  return (
    <main className="student-page">
      <StudentHeader student={student} title={t('student.copies.title')} onSignOut={onSignOut} />
      {error ? <p role="alert" className="page-error">{t('app.error', { message: error })}</p> : null}
      {!copies && !error ? <p className="loading">{t('app.loading')}</p> : null}
      {copies && copies.length === 0 ? <p className="student-empty">{t('student.copies.none')}</p> : null}
      <div className="student-copies">{copies?.map((copy) => <CopyCard key={String(copy.id)} copy={copy} />)}</div>
    </main>
  )
}
