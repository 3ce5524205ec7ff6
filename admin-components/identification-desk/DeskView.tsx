import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import React from 'react'

import { IdentificationDesk } from './IdentificationDesk'

/** /admin/identification — the desk inside the admin's usual frame; admins only (the endpoints check it too). */
export const DeskView = ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = req.user as { role?: string } | null
  const exam = typeof searchParams?.exam === 'string' ? searchParams.exam : undefined
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
      {user?.role === 'admin' ? <IdentificationDesk initialExam={exam} /> : <p style={{ padding: '2rem' }}>403</p>}
    </DefaultTemplate>
  )
}
