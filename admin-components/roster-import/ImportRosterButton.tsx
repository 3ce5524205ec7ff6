'use client'
import { Button, useAuth, useTranslation } from '@payloadcms/ui'
import React from 'react'

/** Above the Students list: the way to the class-list import (admins only, as the collection itself). */
export const ImportRosterButton = () => {
  const { user } = useAuth<{ role?: string }>()
  const { t } = useTranslation()
  if (user?.role !== 'admin') return null
  return (
    <div style={{ marginBottom: '1rem' }}>
      <Button buttonStyle="secondary" el="link" id="import-roster" size="medium" to="/admin/import-roster">
        {t('rosterImport:button' as never)}
      </Button>
    </div>
  )
}
