import { useI18n } from '../i18n/context'
import { StudentCopiesPage } from './StudentCopiesPage'
import { StudentCopyViewer } from './StudentCopyViewer'
import { StudentSignInPage } from './StudentSignInPage'
import { useStudentSession } from './useStudentSession'
import './student.css'

/** `#/student…`: the student area, with its own session (a cookie), independent of any staff session. */
export const StudentSpace = ({ copyId }: { copyId?: string }) => {
  const { t } = useI18n()
  const { state, signIn, signOut, expire } = useStudentSession()
  if (state.status === 'checking') return <p className="loading">{t('app.loading')}</p>
  if (state.status === 'signed-out') return <StudentSignInPage expired={state.expired} onSignIn={signIn} />
  if (copyId !== undefined) return <StudentCopyViewer key={copyId} copyId={copyId} student={state.student} onSignOut={signOut} onExpired={expire} />
  return <StudentCopiesPage student={state.student} onSignOut={signOut} onExpired={expire} />
}
