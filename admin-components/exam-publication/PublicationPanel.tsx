'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback } from 'react'

import { ExportForm } from './ExportForm'
import type { Translate } from './format'
import { PublishForm } from './PublishForm'
import { StatusSummary } from './StatusSummary'
import { usePublicationStatus } from './usePublicationStatus'

const section = { margin: '2rem 0 0.75rem', fontSize: 18 }

/** The exam's publication tab for admins: where it stands, publish it, download its results. */
export const PublicationPanel = () => {
  const { id } = useDocumentInfo()
  const { t, i18n } = useTranslation()
  const tr: Translate = useCallback((key, vars) => (t as (k: string, v?: Record<string, unknown>) => string)(`examPublication:${key}`, vars), [t])
  const { status, error, jobError, following, refresh, follow } = usePublicationStatus(id)

  if (id === undefined || id === null) return null
  return (
    <div data-testid="exam-publication" style={{ padding: '1.5rem 0 3rem', maxWidth: 1000 }}>
      <h2 style={{ margin: '0 0 1rem' }}>{tr('title')}</h2>
      <h3 style={section}>{tr('statusTitle')}</h3>
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {tr('error')} — {error}
        </p>
      ) : !status ? (
        <p data-testid="publication-loading">{tr('loading')}</p>
      ) : (
        <>
          <StatusSummary status={status} language={i18n.language} t={tr} />
          {following && <p data-testid="publication-following">{tr('loading')}</p>}
          {jobError && (
            <p role="alert" data-testid="publication-job-error" style={{ color: 'var(--theme-error-500)' }}>
              {tr('error')} — {jobError}
            </p>
          )}
          <h3 style={section}>{tr('publishTitle')}</h3>
          <PublishForm
            examId={id}
            status={status}
            language={i18n.language}
            t={tr}
            // A scheduled job will not run for a while: only the schedule needs showing.
            onQueued={(answer) => (answer.scheduledFor ? void refresh() : follow(answer.job))}
          />
        </>
      )}
      <h3 style={section}>{tr('exportsTitle')}</h3>
      <ExportForm examId={id} t={tr} />
    </div>
  )
}
