import { lazy, Suspense } from 'react'

import { CopyPage } from '../pages/CopyPage'
import { ExamsPage } from '../pages/ExamsPage'
import { SignInPage } from '../pages/SignInPage'
import { FinalizeToast } from '../flow/FinalizeToast'
import { useI18n } from '../i18n/context'
import { useRoute, type Route } from './router'
import { useSession } from './useSession'

// A separate chunk: teachers never download the student area, students never the marking workspace.
const StudentSpace = lazy(() => import('../student/StudentSpace').then((m) => ({ default: m.StudentSpace })))

/** The staff side: everything behind the teacher's sign-in. */
const StaffApp = ({ route }: { route: Exclude<Route, { name: 'student' }> }) => {
  const { signIn, signOut, state } = useSession()
  if (state.status === 'signed-out') return <SignInPage onSignIn={signIn} />
  return (
    <>
      {route.name === 'copy' ? <CopyPage key={route.copyId} copyId={route.copyId} user={state.user} /> : <ExamsPage user={state.user} onSignOut={signOut} />}
      <FinalizeToast />
    </>
  )
}

export const App = () => {
  const { t } = useI18n()
  const route = useRoute()
  if (route.name === 'student')
    return (
      <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
        <StudentSpace copyId={route.copyId} />
      </Suspense>
    )
  return <StaffApp route={route} />
}
