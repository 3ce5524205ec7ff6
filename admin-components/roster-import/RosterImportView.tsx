import type { AdminViewServerProps } from 'payload'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { AdminPage } from '../admin-page/AdminPage'
import { RosterImport } from './RosterImport'

/** /admin/import-roster — a class list imported after a preview; admins only (the endpoint checks it too). */
export const RosterImportView = (view: AdminViewServerProps) => {
  const t = view.initPageResult.req.i18n.t as (key: string) => string
  return (
    <AdminPage
      view={view}
      forbidden={
        <Gutter>
          <p data-testid="roster-forbidden" role="alert" style={{ padding: '2rem 0' }}>
            {t('rosterImport:forbidden')}
          </p>
        </Gutter>
      }
    >
      <Gutter>
        <RosterImport />
      </Gutter>
    </AdminPage>
  )
}
