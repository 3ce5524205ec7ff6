import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { isAdmin } from '../../collections/access/roles'
import { DistributionPanel } from './DistributionPanel'

/** /admin/collections/exams/:id/distribution — admins only (the tab is hidden from teachers; its address answers this). */
export const DistributionView = ({ initPageResult, i18n }: DocumentViewServerProps) => {
  const t = i18n.t as (key: string) => string
  return (
    <Gutter>
      {isAdmin(initPageResult.req.user) ? (
        <DistributionPanel />
      ) : (
        <p data-testid="distribution-forbidden" role="alert" style={{ padding: '2rem 0' }}>
          {t('examDistribution:forbidden')}
        </p>
      )}
    </Gutter>
  )
}
