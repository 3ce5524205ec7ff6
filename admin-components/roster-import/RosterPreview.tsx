'use client'
import { Banner, Pill } from '@payloadcms/ui'
import React from 'react'

import type { RosterImportResult, RosterPreviewRow } from './api'
import { rosterErrorWords } from './errorWords'

type Translate = (key: string, vars?: Record<string, unknown>) => string

// A whole school can come in one file: the first rows show what was understood, the counts say the rest.
const ROWS_SHOWN = 100
const cell = { padding: '0.35rem 0.6rem', borderBottom: '1px solid var(--theme-elevation-150)', textAlign: 'left' as const, verticalAlign: 'top' as const }
const PILL: Record<RosterPreviewRow['action'], 'success' | 'warning' | 'light-gray'> = { create: 'success', update: 'warning', unchanged: 'light-gray' }

/** A birth date (ISO day) as the reader writes dates. */
const day = (iso: string | null, language: string) => (iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString(language, { timeZone: 'UTC' }) : '')

const Columns = ({ result, tr }: { result: RosterImportResult; tr: Translate }) => (
  <>
    <h3 style={{ margin: '1.5rem 0 0.5rem', fontSize: 16 }}>{tr('columns')}</h3>
    <table data-testid="roster-columns" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
      <thead>
        <tr>
          <th style={cell}>{tr('columnInFile')}</th>
          <th style={cell}>{tr('columnMeaning')}</th>
        </tr>
      </thead>
      <tbody>
        {result.meta.columns.map((column) => (
          <tr key={column} data-column={column}>
            <td style={cell}>{result.meta.header.labels[column as keyof typeof result.meta.header.labels]}</td>
            <td style={cell}>{tr(`column_${column}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {result.meta.header.ignored.length > 0 && (
      <p data-testid="roster-ignored" style={{ fontSize: 13, color: 'var(--theme-elevation-600)' }}>
        {tr('ignored', { columns: result.meta.header.ignored.map((text) => tr('quoted', { text })).join(', ') })}
      </p>
    )}
  </>
)

const Errors = ({ result, tr }: { result: RosterImportResult; tr: Translate }) =>
  result.errors.length === 0 ? (
    <p data-testid="roster-no-errors">{tr('noErrors')}</p>
  ) : (
    <Banner type="error">
      <strong>{tr('errors', { count: result.errors.length })}</strong>
      <ul data-testid="roster-errors" style={{ margin: '0.5rem 0 0', paddingLeft: '1.25rem' }}>
        {result.errors.map((error, i) => {
          const { key, vars } = rosterErrorWords(error)
          return (
            <li key={i} data-line={error.line} data-reason={error.reason}>
              {tr('errorLine', { line: error.line, text: tr(key, vars) })}
            </li>
          )
        })}
      </ul>
    </Banner>
  )

const Rows = ({ result, tr, language }: { result: RosterImportResult; tr: Translate; language: string }) => (
  <>
    <h3 style={{ margin: '1.5rem 0 0.5rem', fontSize: 16 }}>{tr('rows')}</h3>
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="roster-rows" style={{ borderCollapse: 'collapse', fontSize: 13, width: '100%' }}>
        <thead>
          <tr>
            {['line', 'action', 'column_lastName', 'column_firstName', 'column_birthDate', 'column_className', 'column_email', 'column_nationalId'].map((key) => (
              <th key={key} style={cell}>
                {tr(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.slice(0, ROWS_SHOWN).map((row) => (
            <tr key={row.line} data-line={row.line} data-action={row.action}>
              <td style={cell}>{row.line}</td>
              <td style={cell}>
                <Pill pillStyle={PILL[row.action]} size="small">
                  {tr(`action_${row.action}`)}
                </Pill>
                {row.changes.length > 0 && (
                  <div style={{ fontSize: 11, color: 'var(--theme-elevation-600)' }}>{tr('changes', { fields: row.changes.map((f) => tr(`column_${f}`)).join(', ') })}</div>
                )}
              </td>
              <td style={cell}>{row.student.lastName}</td>
              <td style={cell}>{row.student.firstName}</td>
              <td style={cell}>{day(row.student.birthDate, language)}</td>
              <td style={cell}>{row.student.className}</td>
              <td style={cell}>{row.student.email}</td>
              <td style={cell}>{row.student.nationalId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    {result.rows.length > ROWS_SHOWN && <p>{tr('moreRows', { count: result.rows.length - ROWS_SHOWN })}</p>}
  </>
)

/** What a class list holds and what importing it would do: counts, the columns understood, refused rows in words, the rows. */
export const RosterPreview = ({ result, fileName, tr, language }: { result: RosterImportResult; fileName: string; tr: Translate; language: string }) => {
  const { meta } = result
  const format = meta.format === 'xlsx' ? tr('formatXlsx', { sheet: meta.sheet ?? '' }) : tr('formatCsv', { encoding: meta.encoding.toUpperCase(), delimiter: meta.delimiter === '\t' ? '⇥' : meta.delimiter })
  return (
    <div data-testid="roster-preview">
      <p data-testid="roster-summary" style={{ fontSize: 15, fontWeight: 600, margin: '1rem 0 0.25rem' }}>
        {tr('summary', { rows: result.rows.length, create: result.created, update: result.updated, unchanged: result.unchanged })}
      </p>
      <p data-testid="roster-format" style={{ fontSize: 12, color: 'var(--theme-elevation-600)', margin: 0 }}>
        {tr('file', { name: fileName })} · {format} · {tr('headerLine', { line: meta.header.line })}
      </p>
      <Columns result={result} tr={tr} />
      <div style={{ marginTop: '1.5rem' }}>
        <Errors result={result} tr={tr} />
      </div>
      {result.rows.length > 0 && <Rows result={result} tr={tr} language={language} />}
    </div>
  )
}
