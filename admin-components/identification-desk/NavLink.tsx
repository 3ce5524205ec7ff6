'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

/** A link to the desk in the admin's side navigation, for admins only. */
export const NavLink = () => {
  const { user } = useAuth<{ role?: string }>()
  const { t } = useTranslation()
  if (user?.role !== 'admin') return null
  return (
    <Link className="nav__link" href="/admin/identification" id="nav-identification" style={{ display: 'block', padding: '0.25rem 0' }}>
      <span className="nav__link-label">{t('identification:navLink' as never)}</span>
    </Link>
  )
}
