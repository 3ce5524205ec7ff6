import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { isAdmin } from '../../collections/access/roles'
import { RosterImport } from './RosterImport'

/** /admin/import-roster — a class list imported after a preview; admins only (the endpoint checks it too). */
export const RosterImportView = ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const t = req.i18n.t as (key: string) => string
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        {isAdmin(req.user) ? (
          <RosterImport />
        ) : (
          <p data-testid="roster-forbidden" role="alert" style={{ padding: '2rem 0' }}>
            {t('rosterImport:forbidden')}
          </p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
