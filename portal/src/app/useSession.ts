import { useCallback, useEffect, useState } from 'react'

import { api, SIGNED_OUT_EVENT } from '../api/client'
import { session } from '../api/session'
import type { User } from '../api/types'

/** `user` is null while a stored token is being checked: pages start loading at once and a 401 signs out. */
export type SessionState = { status: 'signed-out' } | { status: 'signed-in'; user: User | null }

export const useSession = () => {
  const [state, setState] = useState<SessionState>(session.token() ? { status: 'signed-in', user: null } : { status: 'signed-out' })

  useEffect(() => {
    const onSignedOut = () => setState({ status: 'signed-out' })
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut)
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut)
  }, [])

  useEffect(() => {
    if (!session.token()) return
    api
      .get<{ user: User | null }>('/api/users/me')
      .then(({ user }) => {
        if (!user) session.clear()
        setState(user ? { status: 'signed-in', user } : { status: 'signed-out' })
      })
      .catch(() => setState({ status: 'signed-out' }))
  }, [])

  const signIn = useCallback(async ({ email, password }: { email: string; password: string }) => {
    const { token, user } = await api.post<{ token: string; user: User }>('/api/users/login', { email, password })
    session.save(token)
    setState({ status: 'signed-in', user })
    return user
  }, [])

  const signOut = useCallback(async () => {
    await api.post('/api/users/logout', {}).catch(() => undefined)
    session.clear()
    setState({ status: 'signed-out' })
  }, [])

  return { state, signIn, signOut }
}
