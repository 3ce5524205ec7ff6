import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import React from 'react'

import { isAdmin } from '../../collections/access/roles'

/**
 * A custom admin view inside the admin's usual frame (navigation, header), shown to admins only; others
 * get `forbidden`. The view's endpoints check the role as well: this only keeps the page honest.
 */
export const AdminPage = ({ view, forbidden, children }: { view: AdminViewServerProps; forbidden: React.ReactNode; children: React.ReactNode }) => {
  const { initPageResult, params, searchParams } = view
  const { req, permissions, visibleEntities, locale } = initPageResult
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
      {isAdmin(req.user) ? children : forbidden}
    </DefaultTemplate>
  )
}
