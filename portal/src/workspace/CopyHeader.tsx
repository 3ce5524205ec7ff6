import type { ReactNode } from 'react'

import { LanguageToggle } from '../app/LanguageToggle'
import type { Copy, Exam } from '../api/types'
import { useI18n } from '../i18n/context'

type Props = {
  exam: Exam
  copy: Copy
  /** this copy's place among the exam's copies the teacher may open (-1 when not among them) */
  index: number
  count: number
  readOnly: boolean
  onCopy: (direction: 1 | -1) => void
  onHelp: () => void
  onFinalize: () => void
  /** what the header shows between the copy's place and the language: the flow, the save state… */
  children: ReactNode
}

/** The copy's top bar: which copy of which exam, its status, the way to the neighbours, and "finalize". */
export const CopyHeader = ({ exam, copy, index, count, readOnly, onCopy, onHelp, onFinalize, children }: Props) => {
  const { t } = useI18n()
  return (
    <header className="topbar">
      <a href="#/">{t('copy.backToList')}</a>
      <h1>
        {exam.title} — <span data-testid="anonymous-id">{copy.anonymousId}</span>
      </h1>
      <span className={`status status-${copy.status}`} data-testid="copy-status">
        {t(`status.${copy.status}`)}
      </span>
      <span className="copy-nav">
        <button type="button" disabled={index <= 0} onClick={() => onCopy(-1)} title={`${t('copy.prevCopy')} (Shift+←)`}>
          ⟨
        </button>
        {t('copy.position', { index: index + 1, count })}
        <button type="button" disabled={index < 0 || index >= count - 1} onClick={() => onCopy(1)} title={`${t('copy.nextCopy')} (Shift+→)`}>
          ⟩
        </button>
      </span>
      {children}
      <LanguageToggle />
      <button type="button" onClick={onHelp} aria-label={t('help.title')} title={t('help.title')}>
        ?
      </button>
      <button type="button" className="finalize" disabled={readOnly} onClick={onFinalize} title={`${t('copy.finalize')} (Ctrl+Enter)`}>
        {t('copy.finalize')}
      </button>
    </header>
  )
}
