import type { AdminViewServerProps } from 'payload'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { AdminPage } from '../admin-page/AdminPage'
import { IdentificationDesk } from './IdentificationDesk'

/** /admin/identification — the desk inside the admin's usual frame; admins only (the endpoints check it too). */
export const DeskView = (view: AdminViewServerProps) => {
  const exam = typeof view.searchParams?.exam === 'string' ? view.searchParams.exam : undefined
  return (
    <AdminPage
      view={view}
      forbidden={
        <Gutter>
          <p style={{ padding: '2rem 0' }}>403</p>
        </Gutter>
      }
    >
      <Gutter>
        <IdentificationDesk initialExam={exam} />
      </Gutter>
    </AdminPage>
  )
}
