import type { Conflict } from '../annotations/store'
import { useI18n } from '../i18n/context'

export const ConflictBanner = ({ conflicts, onResolve }: { conflicts: Conflict[]; onResolve: (localId: string, choice: 'mine' | 'theirs') => void }) => {
  const { t } = useI18n()
  if (!conflicts.length) return null
  return (
    <div className="conflicts" role="alert" data-testid="conflict">
      {conflicts.map((conflict) => (
        <p key={conflict.localId}>
          {t('conflict.message', { message: conflict.message })}{' '}
          <button type="button" onClick={() => onResolve(conflict.localId, 'mine')}>
            {t('conflict.keepMine')}
          </button>{' '}
          <button type="button" onClick={() => onResolve(conflict.localId, 'theirs')}>
            {t('conflict.takeTheirs')}
          </button>
        </p>
      ))}
    </div>
  )
}
