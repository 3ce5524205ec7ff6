import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { isAdmin } from '../../collections/access/roles'
import { ZoneEditor } from './ZoneEditor'

/** /admin/collections/exams/:id/anonymity — admins only (the tab is hidden from teachers; its address answers this). */
export const AnonymityView = ({ initPageResult, i18n }: DocumentViewServerProps) => {
  const t = i18n.t as (key: string) => string
  return (
    <Gutter>
      {isAdmin(initPageResult.req.user) ? (
        <ZoneEditor />
      ) : (
        <p data-testid="anonymity-forbidden" role="alert" style={{ padding: '2rem 0' }}>
          {t('examAnonymity:forbidden')}
        </p>
      )}
    </Gutter>
  )
}
