import { useI18n } from '../i18n/context'

/** One thing another session saved first: what it is, in words, and the teacher's two ways out. */
export type ConflictItem = { key: string; text: string }

export const ConflictBanner = ({ conflicts, testId = 'conflict', onResolve }: { conflicts: ConflictItem[]; testId?: string; onResolve: (key: string, choice: 'mine' | 'theirs') => void }) => {
  const { t } = useI18n()
  if (!conflicts.length) return null
  return (
    <div className="conflicts" role="alert" data-testid={testId}>
      {conflicts.map((conflict) => (
        <p key={conflict.key}>
          {conflict.text}{' '}
          <button type="button" onClick={() => onResolve(conflict.key, 'mine')}>
            {t('conflict.keepMine')}
          </button>{' '}
          <button type="button" onClick={() => onResolve(conflict.key, 'theirs')}>
            {t('conflict.takeTheirs')}
          </button>
        </p>
      ))}
    </div>
  )
}
