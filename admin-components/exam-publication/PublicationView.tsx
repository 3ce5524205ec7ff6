import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { isAdmin } from '../../collections/access/roles'
import { PublicationPanel } from './PublicationPanel'

/**
 * /admin/collections/exams/:id/publication — admins only: the tab is hidden from teachers, and one who
 * types the address gets a 403 here (the endpoints refuse them too).
 */
export const PublicationView = ({ initPageResult, i18n }: DocumentViewServerProps) => {
  const t = i18n.t as (key: string) => string
  return (
    <Gutter>
      {isAdmin(initPageResult.req.user) ? (
        <PublicationPanel />
      ) : (
        <p data-testid="publication-forbidden" role="alert" style={{ padding: '2rem 0' }}>
          {t('examPublication:forbidden')}
        </p>
      )}
    </Gutter>
  )
}
