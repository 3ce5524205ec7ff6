import React from 'react'

import type { QuestionStatistics } from './api'
import { Histogram } from './charts/Histogram'
import { formatNumber, type Translate } from './format'

/** Small multiples: the distribution of points of each question, with its median and spread. */
export const QuestionCards = ({ questions, language, t }: { questions: QuestionStatistics[]; language: string; t: Translate }) => (
  <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: '1rem', marginTop: '1rem' }}>
    {questions.map((q) => (
      <figure key={q.key} data-testid="question-card" data-key={q.key} style={{ margin: 0, padding: '0.5rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
        <figcaption style={{ fontSize: 13, fontWeight: 600 }}>
          {q.label && q.label !== q.key ? `${q.key} — ${q.label}` : q.key} <span style={{ fontWeight: 400 }}>({t('pointsDistribution').toLowerCase()})</span>
        </figcaption>
        <Histogram bins={q.histogram} max={q.maxPoints} mean={q.graded ? q.mean : undefined} median={q.graded ? q.median : undefined} language={language} t={t} testId={`question-histogram-${q.key}`} height={140} compact />
        <div style={{ fontSize: 12 }}>
          {t('mean')} {formatNumber(q.mean, language)} · {t('median')} {formatNumber(q.median, language)} · {t('stdDev')} {formatNumber(q.stdDev, language)}
        </div>
      </figure>
    ))}
  </div>
)
