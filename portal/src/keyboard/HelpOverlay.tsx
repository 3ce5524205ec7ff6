import { useI18n } from '../i18n/context'
import { SHORTCUTS } from './shortcuts'

export const HelpOverlay = ({ onClose }: { onClose: () => void }) => {
  const { t } = useI18n()
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('help.title')} onClick={onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>{t('help.title')}</h2>
          <button type="button" onClick={onClose}>
            {t('help.close')}
          </button>
        </header>
        <div className="shortcut-groups">
          {SHORTCUTS.map((group) => (
            <section key={group.title}>
              <h3>{t(group.title)}</h3>
              <dl>
                {group.items.map((item) => (
                  <div key={item.keys + item.label}>
                    <dt>
                      <kbd>{item.keys}</kbd>
                    </dt>
                    <dd>{t(item.label)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  )
}
