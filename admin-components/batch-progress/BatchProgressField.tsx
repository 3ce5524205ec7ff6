'use client'
import { Pill, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { fetchBatch, type LiveBatch } from './api'
import { ProblemList } from './ProblemList'

type Translate = (key: string, vars?: Record<string, unknown>) => string
type Status = NonNullable<LiveBatch['status']>

const POLL_MS = 1500
const FINISHED: Status[] = ['done', 'partial', 'failed']
const PILL: Record<Status, React.ComponentProps<typeof Pill>['pillStyle']> = { queued: 'light-gray', processing: 'warning', done: 'success', partial: 'warning', failed: 'error' }

const stageOf = (batch: LiveBatch): { key: string; vars?: Record<string, unknown> } => {
  const done = batch.progress?.pagesDone ?? 0
  const total = batch.progress?.pagesTotal ?? 0
  switch (batch.status ?? 'queued') {
    case 'queued':
      return { key: 'stage_queued' }
    case 'processing':
      if (total === 0) return { key: 'stage_opening' }
      return done < total ? { key: 'stage_analysing', vars: { done, total } } : { key: 'stage_assembling' }
    case 'failed':
      return { key: 'stage_failed' }
    default:
      return { key: 'stage_done', vars: { total, copies: batch.progress?.copiesFound ?? 0 } }
  }
}

/**
 * The scan batch's status field in its edit view, read-only: the status, the pages analysed and the copies
 * found, followed live (the batch is read again every 1.5 s until it has finished, no reload needed), and
 * its problems in words. The pipeline alone writes these fields (the collection refuses them to the API).
 */
export const BatchProgressField = () => {
  const { id } = useDocumentInfo()
  const { t } = useTranslation()
  const tr: Translate = useCallback((key, vars) => (t as Translate)(`batchProgress:${key}`, vars), [t])
  const [batch, setBatch] = useState<LiveBatch>()
  const [pollError, setPollError] = useState<string>()

  useEffect(() => {
    if (id === undefined || id === null) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      try {
        const next = await fetchBatch(id)
        if (stopped) return
        setBatch(next)
        setPollError(undefined)
        if (FINISHED.includes(next.status ?? 'queued')) return
      } catch (error) {
        if (stopped) return
        setPollError((error as Error).message)
      }
      timer = setTimeout(() => void tick(), POLL_MS)
    }
    void tick()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [id])

  const status: Status = batch?.status ?? 'queued'
  const stage = batch ? stageOf(batch) : { key: id === undefined || id === null ? 'stage_new' : 'stage_queued' }
  const done = batch?.progress?.pagesDone ?? 0
  const total = batch?.progress?.pagesTotal ?? 0
  const running = !FINISHED.includes(status)
  const problems = batch?.problems ?? []
  return (
    <div className="field-type" data-testid="batch-progress" data-status={batch ? status : ''} style={{ marginBottom: 'var(--spacing-field, 1.5rem)' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: '0.75rem', marginBottom: '0.5rem' }}>
        <span className="field-label" style={{ margin: 0 }}>
          {tr('label')}
        </span>
        <span data-testid="batch-progress-status">
          <Pill pillStyle={PILL[status]} size="small">
            {tr(`status_${status}`)}
          </Pill>
        </span>
        {running && id !== undefined && id !== null && <span style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>{tr('live')}</span>}
      </div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
        aria-label={tr('pages')}
        style={{ height: 8, borderRadius: 4, background: 'var(--theme-elevation-100)', overflow: 'hidden', maxWidth: 480 }}
      >
        <div
          style={{
            width: `${total ? Math.round((100 * done) / total) : FINISHED.includes(status) ? 100 : 0}%`,
            height: '100%',
            background: status === 'failed' ? 'var(--theme-error-500)' : 'var(--theme-success-500)',
            transition: 'width 0.4s ease',
          }}
        />
      </div>
      <p data-testid="batch-progress-stage" data-done={done} data-total={total} style={{ margin: '0.5rem 0 0' }}>
        {tr(stage.key, stage.vars)}
      </p>
      {pollError && (
        <p role="status" style={{ margin: '0.25rem 0 0', fontSize: 12, color: 'var(--theme-warning-700)' }}>
          {tr('pollError', { message: pollError })}
        </p>
      )}
      {problems.length > 0 && (
        <div style={{ marginTop: '0.75rem' }}>
          <strong>{tr('problems')}</strong>
          <ProblemList problems={problems} testId="batch-progress-problems" />
        </div>
      )}
    </div>
  )
}
