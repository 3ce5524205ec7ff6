import { useI18n } from '../i18n/context'

export const LanguageToggle = () => {
  const { language, setLanguage, t } = useI18n()
  return (
    <button type="button" className="language-toggle" data-testid="language-toggle" onClick={() => setLanguage(language === 'fr' ? 'en' : 'fr')}>
      {t('app.language')}
    </button>
  )
}
