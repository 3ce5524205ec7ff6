'use client'
import { useTranslation } from '@payloadcms/ui'
import { useCallback } from 'react'

/** The desk's strings (the identification plugin's `fr`/`en` dictionaries), with `{{name}}` values filled in. */
export type Translate = (key: string, values?: Record<string, unknown>) => string

export const useDeskTranslation = (): Translate => {
  const { t } = useTranslation()
  return useCallback<Translate>((key, values) => (t as (key: string, values?: Record<string, unknown>) => string)(`identification:${key}`, values), [t])
}
