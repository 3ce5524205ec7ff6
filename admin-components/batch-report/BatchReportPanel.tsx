'use client'
import { Banner, Button, Pill, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { ProblemList } from '../batch-progress/ProblemList'
import { ApiError, fetchReport, recut, type BatchReport, type ReportCopy } from './api'

type Translate = (key: string, vars?: Record<string, unknown>) => string

const cell = { padding: '0.5rem 0.75rem', borderBottom: '1px solid var(--theme-elevation-150)', verticalAlign: 'top' as const, textAlign: 'left' as const }
const unsureRow = { background: 'var(--theme-warning-100)', boxShadow: 'inset 4px 0 0 var(--theme-warning-500)' }

const CopyRow = ({ copy, tr }: { copy: ReportCopy; tr: Translate }) => (
  <tr data-testid="batch-report-copy" data-copy-id={String(copy.id)} data-unsure={copy.segmentation.unsure ? 'true' : 'false'} style={copy.segmentation.unsure ? unsureRow : undefined}>
    <td style={cell}>
      <strong>{copy.anonymousId}</strong>
    </td>
    <td style={cell}>
      {copy.thumbnailUrl ? (
        <img src={copy.thumbnailUrl} alt={`${tr('firstPage')} ${copy.anonymousId}`} style={{ width: 90, border: '1px solid var(--theme-elevation-150)', background: '#fff' }} />
      ) : (
        <em>{tr('noThumbnail')}</em>
      )}
    </td>
    <td style={cell}>
      {copy.pages.length} —{' '}
      <span style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>
        {copy.pages.map((p) => `${tr('sourcePage', { page: p.sourcePage })}${p.region === 'full' ? '' : ` ${p.region}`}${p.subjectPage ? ` (${tr('subjectPage', { page: p.subjectPage })})` : ''}`).join(', ')}
      </span>
    </td>
    <td style={cell} data-testid="batch-report-evidence" data-boundary={copy.segmentation.boundary ?? 'none'}>
      {tr(`evidence_${copy.segmentation.boundary ?? 'none'}`)}
    </td>
    <td style={cell} data-testid="batch-report-margin">
      {copy.segmentation.margin ?? '—'}
    </td>
    <td style={cell}>
      {copy.segmentation.unsure ? (
        <Pill pillStyle="warning" size="small">
          {tr('unsure')}
        </Pill>
      ) : (
        <Pill pillStyle="success" size="small">
          {tr('sure')}
        </Pill>
      )}
    </td>
  </tr>
)

/**
 * A scan batch's "Découpage" tab: what the batch was cut on, each copy with its first page and the evidence
 * that decided where it starts, the unsure starts highlighted (to confirm on the identification desk), and
 * "Redécouper avec le sujet" once the exam has a subject or another page count.
 */
export const BatchReportPanel = () => {
  const { id } = useDocumentInfo()
  const { t } = useTranslation()
  const tr: Translate = useCallback((key, vars) => (t as (k: string, v?: Record<string, unknown>) => string)(`batchReport:${key}`, vars), [t])
  const [report, setReport] = useState<BatchReport>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [blocked, setBlocked] = useState<{ anonymousId: string; reason: string }[]>()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    setReport(await fetchReport(id))
  }, [id])

  useEffect(() => {
    load().catch((e: Error) => setError(e.message))
  }, [load])

  // New copies are assembled by the batch's job: follow it until the batch is finished again.
  useEffect(() => {
    if (report?.batch.status !== 'processing' && report?.batch.status !== 'queued') return
    const timer = setTimeout(() => void load().catch(() => undefined), 2000)
    return () => clearTimeout(timer)
  }, [report, load])

  const onRecut = async () => {
    if (id === undefined || id === null) return
    setBusy(true)
    setError(undefined)
    setBlocked(undefined)
    try {
      const result = await recut(id)
      setNotice(`${tr('recutDone', { kept: result.kept.length, created: result.created.length, deleted: result.deleted.length })}${result.assembling ? ` ${tr('recutAssembling')}` : ''}`)
      await load()
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.data?.blockers) setBlocked(e.data.blockers)
      setError((e as Error).message)
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  if (!report)
    return (
      <div style={{ padding: '1.5rem 0' }}>
        {error ? (
          <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
            {tr('error')} — {error}
          </p>
        ) : (
          <p data-testid="batch-report-loading">{tr('loading')}</p>
        )}
      </div>
    )

  const unsure = report.copies.filter((c) => c.segmentation.unsure)
  const finished = report.batch.status === 'done' || report.batch.status === 'partial'
  return (
    <div data-testid="batch-report" style={{ padding: '1.5rem 0 3rem', maxWidth: 1100 }}>
      <h2 style={{ margin: '0 0 0.5rem' }}>{tr('title')}</h2>
      {report.cutOn ? (
        <p data-testid="batch-report-cut-on" data-boundary={report.cutOn.boundary}>
          {tr('cutOn', { evidence: tr(`evidence_${report.cutOn.boundary}`) })} — {report.cutOn.subject !== null ? tr('cutWithSubject') : tr('cutWithoutSubject')}
          {report.cutOn.pagesPerCopy ? ` — ${tr('pagesPerCopy', { count: report.cutOn.pagesPerCopy })}` : ''}
        </p>
      ) : (
        <p data-testid="batch-report-not-cut">{tr('notCut')}</p>
      )}
      <p>
        <span data-testid="batch-report-count">{tr('copies', { count: report.copies.length })}</span>
        {unsure.length > 0 && (
          <>
            {' — '}
            <a data-testid="batch-report-unsure" href={`/admin/identification?exam=${report.exam.id}`} style={{ color: 'var(--theme-warning-750)' }}>
              {tr('unsureCount', { count: unsure.length })} — {tr('checkOnDesk')}
            </a>
          </>
        )}
      </p>
      {report.stale && (
        <Banner type="warning">
          <span data-testid="batch-report-stale">{tr('stale')}</span>
        </Banner>
      )}
      {notice && (
        <Banner type="success">
          <span data-testid="batch-report-notice">{notice}</span>
        </Banner>
      )}
      {error && (
        <Banner type="error">
          <span data-testid="batch-report-error" role="alert">
            {blocked ? tr('recutBlocked') : error}
          </span>
          {blocked && (
            <ul data-testid="batch-report-blockers" style={{ margin: '0.5rem 0 0' }}>
              {blocked.map((b) => (
                <li key={b.anonymousId}>
                  {b.anonymousId} — {b.reason}
                </li>
              ))}
            </ul>
          )}
        </Banner>
      )}
      {finished && report.copies.length > 0 && (
        <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap', margin: '1rem 0' }}>
          {confirming ? (
            <>
              <span>{tr('recutConfirm')}</span>
              <Button buttonStyle="primary" margin={false} disabled={busy} onClick={onRecut} id="batch-recut-yes">
                {tr('recut')}
              </Button>
              <Button buttonStyle="secondary" margin={false} disabled={busy} onClick={() => setConfirming(false)} id="batch-recut-no">
                ✕
              </Button>
            </>
          ) : (
            <Button buttonStyle={report.stale ? 'primary' : 'secondary'} margin={false} disabled={busy} onClick={() => setConfirming(true)} id="batch-recut">
              {tr('recut')}
            </Button>
          )}
          <span style={{ fontSize: 12, color: 'var(--theme-elevation-500)', maxWidth: 560 }}>{tr('recutHelp')}</span>
        </div>
      )}
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: '1rem' }}>
        <thead>
          <tr>
            <th style={cell}>{tr('copy')}</th>
            <th style={cell}>{tr('firstPage')}</th>
            <th style={cell}>{tr('pages')}</th>
            <th style={cell}>{tr('evidence')}</th>
            <th style={cell}>{tr('margin')}</th>
            <th style={cell}>{tr('status')}</th>
          </tr>
        </thead>
        <tbody>
          {report.copies.map((copy) => (
            <CopyRow key={String(copy.id)} copy={copy} tr={tr} />
          ))}
        </tbody>
      </table>
      {report.problems.length > 0 && (
        <>
          <h3 style={{ margin: '2rem 0 0.5rem', fontSize: 16 }}>{tr('problems')}</h3>
          <ProblemList problems={report.problems} testId="batch-report-problems" />
        </>
      )}
    </div>
  )
}
