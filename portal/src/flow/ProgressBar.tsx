import { useI18n } from '../i18n/context'
import type { Progress } from './nextToMark'

/** The teacher's own progress through their share of the exam. */
export const ProgressBar = ({ progress }: { progress: Progress }) => {
  const { t } = useI18n()
  return (
    <span className="my-progress" data-testid="my-progress" data-done={progress.done} data-total={progress.total} title={t('flow.progressHelp')}>
      <progress max={progress.total || 1} value={progress.done} /> {t('flow.progress', { done: progress.done, total: progress.total })}
    </span>
  )
}
