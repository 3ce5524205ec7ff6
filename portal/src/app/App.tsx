import { CopyPage } from '../pages/CopyPage'
import { ExamsPage } from '../pages/ExamsPage'
import { SignInPage } from '../pages/SignInPage'
import { useRoute } from './router'
import { useSession } from './useSession'

export const App = () => {
  const { signIn, signOut, state } = useSession()
  const route = useRoute()
  if (state.status === 'signed-out') return <SignInPage onSignIn={signIn} />
  if (route.name === 'copy') return <CopyPage key={route.copyId} copyId={route.copyId} user={state.user} />
  return <ExamsPage user={state.user} onSignOut={signOut} />
}
