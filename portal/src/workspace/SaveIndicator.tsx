import type { SaveState } from '../annotations/store'
import { useI18n } from '../i18n/context'

export const SaveIndicator = ({ save }: { save: SaveState }) => {
  const { t } = useI18n()
  const text =
    save.status === 'saved'
      ? t('save.saved')
      : save.status === 'saving'
        ? t('save.saving')
        : save.status === 'pending'
          ? t('save.pending')
          : save.status === 'offline'
            ? t('save.offline', { count: save.pending })
            : t('save.error', { message: save.message ?? '' })
  return (
    <output className={`save-state save-${save.status}`} data-testid="save-state" data-status={save.status} aria-live="polite" title={text}>
      {text}
    </output>
  )
}
