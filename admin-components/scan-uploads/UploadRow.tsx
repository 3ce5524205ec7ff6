'use client'
import React from 'react'

import { formatBytes, formatDuration, secondsLeft, speedOf } from './rate'
import type { UploadEntry } from './useUploads'

type Props = {
  entry: UploadEntry
  t: (key: string, vars?: Record<string, unknown>) => string
  locale: string
  limitMB: number
  onPause: () => void
  onResume: () => void
  onRemove: () => void
}

const ACTIVE = new Set(['uploading', 'offline', 'retrying'])

/** One file: its bar, what it is doing in words, speed and time left while it moves, pause / resume. */
export const UploadRow = ({ entry, t, locale, limitMB, onPause, onResume, onRemove }: Props) => {
  const percent = entry.total ? Math.floor((entry.sent / entry.total) * 100) : 0
  const speed = entry.state === 'uploading' ? speedOf(entry.samples) : undefined
  const left = secondsLeft({ speed, sent: entry.sent, total: entry.total })
  const error =
    entry.error?.code === 'tooLarge'
      ? t('tooLarge', { file: entry.name, mb: Math.ceil(entry.total / 1048576), limit: limitMB })
      : entry.error?.code === 'notPdf'
        ? t('notPdf', { file: entry.name })
        : entry.error?.message
  return (
    <li className="scan-upload" data-state={entry.state} data-file={entry.name} style={{ listStyle: 'none', padding: '0.5rem 0', borderBottom: '1px solid var(--theme-elevation-100)' }}>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'baseline', flexWrap: 'wrap' }}>
        <strong>{entry.name}</strong>
        <span>
          {formatBytes(entry.sent, locale)} / {formatBytes(entry.total, locale)} ({percent} %)
        </span>
        <span className="scan-upload__state">{entry.state === 'failed' ? `${t('failed')} : ${error ?? ''}` : t(entry.state)}</span>
        {speed !== undefined && <span className="scan-upload__speed">{t('speed', { speed: formatBytes(speed, locale) })}</span>}
        {left !== undefined && <span className="scan-upload__left">{t('timeLeft', { time: formatDuration(left) })}</span>}
        {entry.state === 'done' && entry.batch !== undefined && <a href={`/admin/collections/scan-batches/${entry.batch}`}>{t('openBatch')}</a>}
        <span style={{ marginLeft: 'auto', display: 'flex', gap: '0.5rem' }}>
          {ACTIVE.has(entry.state) && (
            <button type="button" className="btn btn--style-secondary btn--size-small" onClick={onPause}>
              {t('pause')}
            </button>
          )}
          {entry.state === 'paused' && (
            <button type="button" className="btn btn--style-primary btn--size-small" onClick={onResume}>
              {t('resume')}
            </button>
          )}
          {(entry.state === 'paused' || entry.state === 'failed' || entry.state === 'done' || entry.state === 'waiting') && (
            <button type="button" className="btn btn--style-secondary btn--size-small" onClick={onRemove}>
              {t('remove')}
            </button>
          )}
        </span>
      </div>
      <progress max={100} value={percent} style={{ width: '100%' }} aria-label={entry.name} />
    </li>
  )
}
