import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { isAdmin } from '../../collections/access/roles'

/**
 * /admin/collections/exams/:id/booklets — the exam's prepared booklets. A plain GET form on the print
 * endpoint: the admin's session cookie signs the request and the browser downloads the PDF, no script needed.
 */
export const BookletsView = ({ initPageResult, i18n, doc }: DocumentViewServerProps) => {
  const t = i18n.t as (key: string) => string
  const tr = (key: string) => t(`examBooklets:${key}`)
  const id = (doc as { id?: string | number } | undefined)?.id
  const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, marginBottom: 16, maxWidth: 420 }
  if (!isAdmin(initPageResult.req.user))
    return (
      <Gutter>
        <p data-testid="booklets-forbidden" role="alert" style={{ padding: '2rem 0' }}>
          {tr('forbidden')}
        </p>
      </Gutter>
    )
  return (
    <Gutter>
      <h2 style={{ margin: '1.5rem 0 0.5rem' }}>{tr('title')}</h2>
      <p style={{ maxWidth: 720 }}>{tr('intro')}</p>
      <form method="get" action={`/api/exams/${id}/booklets.pdf`} data-testid="booklets-form">
        <label style={field}>
          {tr('layout')}
          <select name="layout" defaultValue="a4">
            <option value="a4">{tr('a4')}</option>
            <option value="a3">{tr('a3')}</option>
          </select>
        </label>
        <label style={field}>
          {tr('blank')}
          <input type="number" name="blank" min={0} max={500} defaultValue={0} />
        </label>
        <button type="submit" className="btn btn--style-primary">
          {tr('print')}
        </button>
      </form>
    </Gutter>
  )
}
