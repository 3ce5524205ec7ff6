import React from 'react'

import type { QuestionStatistics } from '../api'
import { formatNumber, formatPercent, type Translate } from '../format'
import { palette } from './palette'

const W = 640
const LABEL = 180
const VALUE = 130
const ROW = 34

/** One row per question: its mean over the maximum as a bar, mean ± standard deviation as a whisker. */
export const QuestionBars = ({ questions, language, t }: { questions: QuestionStatistics[]; language: string; t: Translate }) => {
  const plotW = W - LABEL - VALUE
  const height = questions.length * ROW + 8
  const x = (points: number, max: number) => LABEL + (max > 0 ? Math.min(1, Math.max(0, points / max)) : 0) * plotW
  return (
    <svg data-testid="questions-chart" role="img" aria-label={t('questions')} viewBox={`0 0 ${W} ${height}`} width="100%" style={{ maxWidth: W, display: 'block' }}>
      {questions.map((q, i) => {
        const y = 4 + i * ROW
        const mid = y + ROW / 2 - 2
        const low = x(q.mean - q.stdDev, q.maxPoints)
        const high = x(q.mean + q.stdDev, q.maxPoints)
        const label = q.label && q.label !== q.key ? `${q.key} — ${q.label}` : q.key
        return (
          <g key={q.key} data-testid="question-bar" data-key={q.key} data-mean={q.mean} data-max={q.maxPoints} data-std-dev={q.stdDev}>
            <title>{`${label}: ${formatNumber(q.mean, language)} / ${formatNumber(q.maxPoints, language)}, ${t('stdDev')} ${formatNumber(q.stdDev, language)}`}</title>
            <text x={0} y={mid + 4} fontSize={12} fill={palette.text}>
              {label.length > 26 ? `${label.slice(0, 25)}…` : label}
            </text>
            <rect x={LABEL} y={y + 6} width={plotW} height={ROW - 16} fill={palette.barMuted} rx={2} />
            <rect x={LABEL} y={y + 6} width={x(q.mean, q.maxPoints) - LABEL} height={ROW - 16} fill={palette.bar} rx={2} />
            {q.graded > 1 && (
              <g stroke={palette.text} strokeWidth={1.5}>
                <line x1={low} x2={high} y1={mid} y2={mid} />
                <line x1={low} x2={low} y1={mid - 5} y2={mid + 5} />
                <line x1={high} x2={high} y1={mid - 5} y2={mid + 5} />
              </g>
            )}
            <text x={LABEL + plotW + 8} y={mid + 4} fontSize={12} fill={palette.text}>
              {`${formatNumber(q.mean, language)} / ${formatNumber(q.maxPoints, language)} · ${formatPercent(q.successRate, language)}`}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
