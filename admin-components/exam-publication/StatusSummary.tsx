'use client'
import React from 'react'

import type { PublicationStatus } from './api'
import { formatDate, type Translate } from './format'

const figure = { padding: '0.75rem 1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4, minWidth: 150 }
const value = { fontSize: 24, fontWeight: 600, display: 'block' }

/** Where the exam stands: its copies, what was published and who was told, published or scheduled. */
export const StatusSummary = ({ status, language, t }: { status: PublicationStatus; language: string; t: Translate }) => {
  const { copies } = status
  const figures: [string, string, number][] = [
    ['copies', t('copies'), copies.total],
    ['finalized', t('finalized'), copies.finalized],
    ['published', t('published'), copies.published],
    ['notified', t('notified'), copies.notified],
  ]
  return (
    <div data-testid="publication-status">
      <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', marginBottom: '0.75rem' }}>
        {figures.map(([key, label, count]) => (
          <div key={key} style={figure} data-testid={`status-${key}`} data-value={count}>
            <span style={value}>{count}</span>
            <span>{label}</span>
          </div>
        ))}
      </div>
      <p data-testid="status-publication" data-published={status.publishedAt ? 'true' : 'false'} data-scheduled={status.publishAt ?? ''} style={{ margin: 0 }}>
        {status.publishedAt ? t('publishedAt', { date: formatDate(status.publishedAt, language) }) : t('notPublished')}
        {status.publishAt ? <> — {t('scheduledFor', { date: formatDate(status.publishAt, language) })}</> : null}
      </p>
    </div>
  )
}
