import { navigate } from '../app/router'
import { useI18n } from '../i18n/context'
import { copyOnQuestionPath, nextCopyForQuestion, type MyShare } from './share'

/** On the exam list: the teacher's share (their questions, blind marking) and where to start marking each question. */
export const ShareSummary = ({ share }: { share: MyShare | null | undefined }) => {
  const { t } = useI18n()
  if (!share || share.mode === 'all') return null
  return (
    <p className="share-summary muted" data-testid="share-summary" data-questions={share.questionKeys?.join(',') ?? ''} data-double-blind={share.doubleBlind}>
      {share.questionKeys ? t('share.byQuestion', { questions: share.questionKeys.join(', ') }) : t('share.byCopy', { count: share.copies.length })}
      {share.doubleBlind ? ` · ${t('share.doubleBlind')}` : ''}
      {share.questionKeys?.map((q) => {
        const first = share.copies.find((c) => !c.graded.includes(q)) ? nextCopyForQuestion({ share, current: '__start__', question: q }) : undefined
        return first ? (
          <button key={q} type="button" className="link" data-testid={`start-question-${q}`} onClick={() => navigate(copyOnQuestionPath(first.id, q))}>
            {t('share.start', { question: q })}
          </button>
        ) : null
      })}
    </p>
  )
}
