import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

import { en } from './en'
import { fr, type MessageKey } from './fr'
import { LANGUAGE_KEY, storedLanguage, type Language } from './language'

export type { Language } from './language'
const dictionaries = { fr, en }

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

type I18n = { language: Language; setLanguage: (language: Language) => void; t: Translate }

const I18nContext = createContext<I18n | null>(null)

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLanguageState] = useState<Language>(storedLanguage)
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next)
    document.documentElement.lang = next
    setLanguageState(next)
  }, [])
  const t = useCallback<Translate>(
    (key, vars) => dictionaries[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`)),
    [language],
  )
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export const useI18n = (): I18n => {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
