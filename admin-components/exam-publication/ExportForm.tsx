'use client'
import React, { useEffect, useState } from 'react'

import { exportUrl, fetchExportChoices, type ExportChoices } from './api'
import type { Translate } from './format'

// The standard columns (README, "Publication and exports"); `questions` stands for every question.
const COLUMNS = ['anonymousId', 'lastName', 'firstName', 'className', 'questions', 'total', 'outOf20', 'status'] as const

const field = { display: 'flex', flexDirection: 'column' as const, gap: '0.25rem' }

/**
 * The exam's results as a file: formats and rounding rules come from the server, so a school plugin's
 * own appear here; the download is a plain link that the admin's session cookie authenticates.
 */
export const ExportForm = ({ examId, t }: { examId: string | number; t: Translate }) => {
  const [choices, setChoices] = useState<ExportChoices>()
  const [error, setError] = useState<string>()
  const [format, setFormat] = useState('csv')
  const [rounding, setRounding] = useState('')
  const [columns, setColumns] = useState<string[]>([])

  useEffect(() => {
    fetchExportChoices().then(setChoices, (e: Error) => setError(e.message))
  }, [])

  if (error)
    return (
      <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
        {t('error')} — {error}
      </p>
    )
  if (!choices) return <p>{t('loading')}</p>

  const toggle = (id: string) => setColumns((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]))
  // Kept in the standard order whatever the order of the clicks.
  const ordered = COLUMNS.filter((id) => columns.includes(id))
  const chosenRounding = rounding || (choices.rounding.find((r) => r.id === 'hundredth') ?? choices.rounding[0])?.id || ''

  return (
    <div data-testid="export-form">
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <label style={field}>
          <span style={{ fontSize: 12 }}>{t('format')}</span>
          <select data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value)}>
            {choices.formats.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label} (.{f.extension})
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          <span style={{ fontSize: 12 }}>{t('rounding')}</span>
          <select data-testid="export-rounding" value={chosenRounding} onChange={(e) => setRounding(e.target.value)}>
            {choices.rounding.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <a
          data-testid="export-download"
          className="btn btn--style-primary btn--size-medium"
          style={{ margin: 0 }}
          href={exportUrl({ examId, format, rounding: chosenRounding, columns: ordered })}
          download
        >
          {t('download')}
        </a>
      </div>
      <fieldset style={{ marginTop: '1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.5rem 1rem' }}>
        <legend>{t('columns')}</legend>
        <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
          {COLUMNS.map((id) => (
            <label key={id} style={{ display: 'flex', gap: '0.35rem', alignItems: 'center' }}>
              <input type="checkbox" data-testid={`export-column-${id}`} checked={columns.includes(id)} onChange={() => toggle(id)} />
              {t(`column_${id}`)}
            </label>
          ))}
        </div>
        <p style={{ fontSize: 12, color: 'var(--theme-elevation-500)', margin: '0.5rem 0 0' }}>{t('columnsHelp')}</p>
      </fieldset>
    </div>
  )
}
