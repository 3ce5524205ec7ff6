'use client'
import { Gutter, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { fetchStatistics, type StatisticsReport } from './api'
import { CorrectorBars } from './charts/CorrectorBars'
import { Histogram } from './charts/Histogram'
import { QuestionBars } from './charts/QuestionBars'
import type { Translate } from './format'
import { QuestionCards } from './QuestionCards'
import { Summary } from './Summary'

const section = { margin: '2rem 0 0.5rem', fontSize: 18 }
const legend = {
  fontSize: 12,
  color: 'var(--theme-elevation-500)',
  margin: '0 0 0.75rem',
}

/**
 * The exam's statistics tab: marks /20, each question and each corrector, over finalized copies only.
 * Drawn as plain SVG: a handful of bars does not need a chart library in the admin bundle.
 */
export const StatisticsView = () => {
  const { id } = useDocumentInfo()
  const { t, i18n } = useTranslation()
  const tr: Translate = useCallback((key, vars) => (t as (k: string, v?: Record<string, unknown>) => string)(`examStatistics:${key}`, vars), [t])
  const language = i18n.language
  const [report, setReport] = useState<StatisticsReport>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    if (id === undefined || id === null) return
    setReport(undefined)
    fetchStatistics(id).then(setReport, (e: Error) => setError(e.message))
  }, [id])

  return (
    <Gutter>
      <div data-testid="exam-statistics" style={{ padding: '1.5rem 0 3rem', maxWidth: 1000 }}>
        <h2 style={{ margin: '0 0 0.5rem' }}>{tr('title')}</h2>
        {error ? (
          <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
            {tr('error')} — {error}
          </p>
        ) : !report ? (
          <p data-testid="statistics-loading">{tr('loading')}</p>
        ) : !report.finalized ? (
          <p
            data-testid="statistics-empty"
            style={{
              padding: '1rem',
              border: '1px dashed var(--theme-elevation-250)',
              borderRadius: 4,
            }}
          >
            {tr('empty')}
          </p>
        ) : (
          <>
            <Summary report={report} language={language} t={tr} />
            <h3 style={section}>{tr('marks')}</h3>
            <Histogram
              bins={report.histogram}
              max={20}
              mean={report.outOf20?.mean}
              median={report.outOf20?.median}
              language={language}
              t={tr}
              testId="marks-histogram"
            />
            <h3 style={section}>{tr('questions')}</h3>
            <p style={legend}>{tr('questionsLegend')}</p>
            <QuestionBars questions={report.questions} language={language} t={tr} />
            <QuestionCards questions={report.questions} language={language} t={tr} />
            {report.correctors.length > 0 && (
              <>
                <h3 style={section}>{tr('correctors')}</h3>
                <p style={legend}>{tr('correctorsLegend')}</p>
                <CorrectorBars correctors={report.correctors} language={language} t={tr} />
              </>
            )}
            {report.unattributed > 0 && <p style={legend}>{tr('unattributed', { count: report.unattributed })}</p>}
          </>
        )}
      </div>
    </Gutter>
  )
}
