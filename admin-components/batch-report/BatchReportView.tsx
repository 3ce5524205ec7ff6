import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { isAdmin } from '../../collections/access/roles'
import { BatchReportPanel } from './BatchReportPanel'

/**
 * /admin/collections/scan-batches/:id/report — admins only: the tab is hidden from teachers, and one who
 * types the address gets a 403 here (the endpoints refuse them too).
 */
export const BatchReportView = ({ initPageResult, i18n }: DocumentViewServerProps) => {
  const t = i18n.t as (key: string) => string
  return (
    <Gutter>
      {isAdmin(initPageResult.req.user) ? (
        <BatchReportPanel />
      ) : (
        <p data-testid="batch-report-forbidden" role="alert" style={{ padding: '2rem 0' }}>
          {t('batchReport:forbidden')}
        </p>
      )}
    </Gutter>
  )
}
