import { useState } from 'react'

import { LanguageToggle } from '../app/LanguageToggle'
import { useI18n } from '../i18n/context'
import { StudentApiError } from './api'
import { signInErrorMessage } from './messages'

/** Email + birth date. The date field sends YYYY-MM-DD; the server also takes DD/MM/YYYY typed by hand. */
export const StudentSignInPage = ({ expired, onSignIn }: { expired?: boolean; onSignIn: (credentials: { email: string; birthDate: string }) => Promise<void> }) => {
  const { t } = useI18n()
  const [email, setEmail] = useState('')
  const [birthDate, setBirthDate] = useState('')
  const [error, setError] = useState<{ message: string; kind: string } | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <main className="sign-in student-sign-in">
      <LanguageToggle />
      <h1>{t('student.title')}</h1>
      {expired ? <p className="student-notice">{t('student.expired')}</p> : null}
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          setError(null)
          try {
            await onSignIn({ email, birthDate })
          } catch (err) {
            const failure = err instanceof StudentApiError ? err : new StudentApiError(0, String(err))
            setError({ message: signInErrorMessage({ error: failure, t }), kind: failure.status === 429 ? 'locked' : failure.status === 401 ? 'wrong' : 'other' })
          } finally {
            setBusy(false)
          }
        }}
      >
        <h2>{t('student.signIn.title')}</h2>
        <label>
          {t('student.signIn.email')}
          <input name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('student.signIn.birthDate')}
          <input name="birthDate" type="date" autoComplete="bday" required min="1900-01-01" max={new Date().toISOString().slice(0, 10)} value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t('student.signIn.submit')}
        </button>
        {error ? (
          <p role="alert" className="field-error" data-testid="student-sign-in-error" data-kind={error.kind}>
            {error.message}
          </p>
        ) : null}
      </form>
      <p className="student-switch">
        <a href="#/">{t('student.signIn.staffLink')}</a>
      </p>
    </main>
  )
}
