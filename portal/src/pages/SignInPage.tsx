import { useState } from 'react'

import { LanguageToggle } from '../app/LanguageToggle'
import { ApiError } from '../api/errors'
import type { User } from '../api/types'
import { useI18n } from '../i18n/context'

export const SignInPage = ({ onSignIn }: { onSignIn: (credentials: { email: string; password: string }) => Promise<User> }) => {
  const { t } = useI18n()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <main className="sign-in">
      <LanguageToggle />
      <h1>{t('app.title')}</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          setError(null)
          try {
            await onSignIn({ email, password })
          } catch (err) {
            setError(t('signIn.failed', { message: err instanceof ApiError ? err.message : String(err) }))
          } finally {
            setBusy(false)
          }
        }}
      >
        <h2>{t('signIn.title')}</h2>
        <label>
          {t('signIn.email')}
          <input name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
        {error ? <p role="alert" className="field-error">{error}</p> : null}
      </form>
      <p className="student-switch">
        <a href="#/student" data-testid="student-space-link">
          {t('signIn.studentLink')}
        </a>
      </p>
    </main>
  )
}
