import React from 'react'

import type { StatisticsReport } from './api'
import { formatNumber, type Translate } from './format'

const card = { padding: '0.6rem 0.9rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4, minWidth: 120 }

/** The headline figures of the exam, marks out of 20. */
export const Summary = ({ report, language, t }: { report: StatisticsReport; language: string; t: Translate }) => {
  const d = report.outOf20
  const figures: [string, string][] = [
    ['finalized', `${report.finalized} ${t('of')} ${report.copies}`],
    ...(d
      ? ([
          ['mean', `${formatNumber(d.mean, language)} ${t('outOf20')}`],
          ['median', `${formatNumber(d.median, language)} ${t('outOf20')}`],
          ['stdDev', formatNumber(d.stdDev, language)],
          ['min', `${formatNumber(d.min, language)} ${t('outOf20')}`],
          ['max', `${formatNumber(d.max, language)} ${t('outOf20')}`],
        ] as [string, string][])
      : []),
  ]
  return (
    <div data-testid="statistics-summary" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', margin: '1rem 0 1.5rem' }}>
      {figures.map(([key, value]) => (
        <div key={key} data-testid={`summary-${key}`} style={card}>
          <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>{t(key)}</div>
          <div style={{ fontSize: 20, fontWeight: 600 }}>{value}</div>
        </div>
      ))}
    </div>
  )
}
