import { navigate } from '../app/router'
import type { Id } from '../api/types'
import { useI18n } from '../i18n/context'
import type { MyShare } from '../distribution/share'
import { nextToMark } from './nextToMark'

/** "Next copy to mark" (N in the copy view): the next copy of the share that is not done, wrapping around. */
export const NextToMarkButton = ({ share, current, pending }: { share: MyShare; current?: Id; pending: Id[] }) => {
  const { t } = useI18n()
  const next = nextToMark({ share, current, skip: pending })
  return (
    <button
      type="button"
      className="next-to-mark"
      data-testid="next-to-mark"
      data-copy={next?.id ?? ''}
      disabled={!next}
      title={`${t('flow.nextHelp')}${current === undefined ? '' : ' (N)'}`}
      onClick={() => next && navigate(`/copy/${next.id}`)}
    >
      {next ? t('flow.next', { anonymousId: next.anonymousId }) : t('flow.allDone')}
    </button>
  )
}
