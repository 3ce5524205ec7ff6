import type { ReactNode } from 'react'

import { LanguageToggle } from '../app/LanguageToggle'
import { useI18n } from '../i18n/context'
import type { StudentProfile } from './types'

/** The bar on every signed-in student page: where you are, who you are, language, sign-out. */
export const StudentHeader = ({ student, title, children, onSignOut }: { student: StudentProfile; title: string; children?: ReactNode; onSignOut: () => void }) => {
  const { t } = useI18n()
  return (
    <header className="topbar student-topbar">
      {children}
      <h1>{title}</h1>
      <span className="user" data-testid="student-name">
        {student.firstName} {student.lastName}
      </span>
      <LanguageToggle />
      <button type="button" data-testid="student-sign-out" onClick={onSignOut}>
        {t('app.signOut')}
      </button>
    </header>
  )
}
