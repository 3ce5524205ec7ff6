'use client'
import React from 'react'

import type { DistributionProgress } from './api'

type Tr = (key: string, vars?: Record<string, unknown>) => string
const cell = { padding: '4px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' as const }

const Bar = ({ value, max }: { value: number; max: number }) => (
  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
    <progress max={Math.max(1, max)} value={value} /> {value} / {max}
  </span>
)

/** Progress per corrector and per question. */
export const ProgressTables = ({ progress, t }: { progress: DistributionProgress; t: Tr }) => (
  <>
    <p data-testid="distribution-copies">{t('copies', { count: progress.copies })}</p>
    <table data-testid="progress-correctors" style={{ borderCollapse: 'collapse', marginBottom: 16 }}>
      <thead>
        <tr>
          <th style={cell}>{t('corrector')}</th>
          <th style={cell}>{t('assigned')}</th>
          <th style={cell}>{t('done')}</th>
          <th style={cell}>{t('graded')}</th>
        </tr>
      </thead>
      <tbody>
        {progress.correctors.map((c) => (
          <tr key={String(c.id)} data-testid="progress-corrector" data-corrector={c.id} data-copies={c.copies} data-graded={c.graded}>
            <td style={cell}>
              {c.name} {c.active ? null : <small>({t('dropped')})</small>}
            </td>
            <td style={cell}>{c.copies}</td>
            <td style={cell}>{c.done}</td>
            <td style={cell}>
              <Bar value={c.graded} max={c.expected} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <table data-testid="progress-questions" style={{ borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th style={cell}>{t('question')}</th>
          <th style={cell}>{t('gradedCopies')}</th>
          <th style={cell}>{t('byCorrector')}</th>
        </tr>
      </thead>
      <tbody>
        {progress.questions.map((q) => (
          <tr key={q.key} data-testid="progress-question" data-question={q.key} data-graded={q.graded}>
            <td style={cell}>
              {q.key} {q.label ? <small>{q.label}</small> : null}
            </td>
            <td style={cell}>
              <Bar value={q.graded} max={q.expected} />
            </td>
            <td style={cell}>
              {Object.entries(q.byCorrector)
                .map(([id, n]) => `${progress.examCorrectors.find((c) => String(c.id) === id)?.name ?? id}: ${n}`)
                .join(' · ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
)
