import { useCallback, useEffect, useState } from 'react'

import { studentApi } from './api'
import type { StudentProfile } from './types'

/** `checking` while the cookie (if any) is being tried: the sign-in form does not flash for a signed-in student. */
export type StudentSessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; expired?: boolean }
  | { status: 'signed-in'; student: StudentProfile }

export const useStudentSession = () => {
  const [state, setState] = useState<StudentSessionState>({ status: 'checking' })

  useEffect(() => {
    let cancelled = false
    studentApi
      .me()
      .then(({ student }) => !cancelled && setState({ status: 'signed-in', student }))
      .catch(() => !cancelled && setState({ status: 'signed-out' }))
    return () => {
      cancelled = true
    }
  }, [])

  const signIn = useCallback(async (credentials: { email: string; birthDate: string }) => {
    const { student } = await studentApi.signIn(credentials)
    setState({ status: 'signed-in', student })
  }, [])

  const signOut = useCallback(async () => {
    await studentApi.signOut().catch(() => undefined)
    setState({ status: 'signed-out' })
  }, [])

  /** A request answered 401: the session ran out (or was signed out in another tab). */
  const expire = useCallback(() => setState({ status: 'signed-out', expired: true }), [])

  return { state, signIn, signOut, expire }
}
