import { lazy, Suspense } from 'react'

import type { User } from '../api/types'
import { useI18n } from '../i18n/context'
import { preloadWorkspace, useCopyData } from './useCopyData'

const Workspace = lazy(() => preloadWorkspace().then((m) => ({ default: m.Workspace })))

export const CopyPage = ({ copyId, user }: { copyId: string; user: User | null }) => {
  const { t } = useI18n()
  const { data, error, refreshCopy } = useCopyData(copyId)
  if (error) return <p role="alert" className="page-error">{t('app.error', { message: error })}</p>
  const loading = <p className="loading">{t('app.loading')}</p>
  if (!data) return loading
  return (
    <Suspense fallback={loading}>
      <Workspace data={data} user={user} refreshCopy={refreshCopy} />
    </Suspense>
  )
}
