import type { Translate } from '../i18n/context'
import type { StudentApiError } from './api'

/** The sentence a student reads after a refused sign-in: wrong pair, locked (with the wait), or a bad form. */
export const signInErrorMessage = ({ error, t }: { error: StudentApiError; t: Translate }): string => {
  if (error.status === 401) return t('student.signIn.wrong')
  if (error.status === 429) return t('student.signIn.locked', { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) })
  if (error.status === 400) return t('student.signIn.invalid')
  return t('app.error', { message: error.message })
}
