'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import { publish, type PublicationStatus, type PublishAnswer } from './api'
import { formatDate, type Translate } from './format'

type Request = { at?: string; notify: boolean }

/**
 * Publish now or at a date, with or without e-mails, always through a confirmation: once published,
 * students see their copy and mark. The server's answer (or its error) is shown as it came.
 */
export const PublishForm = ({
  examId,
  status,
  language,
  t,
  onQueued,
}: {
  examId: string | number
  status: PublicationStatus
  language: string
  t: Translate
  onQueued: (answer: PublishAnswer) => void
}) => {
  const [at, setAt] = useState('')
  const [notify, setNotify] = useState(status.mailConfigured)
  const [pending, setPending] = useState<Request>()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>()
  const count = status.copies.finalized
  const sendMail = notify && status.mailConfigured

  const ask = (scheduled: boolean) => {
    setMessage(undefined)
    // datetime-local is the admin's local time; the server takes an instant.
    if (scheduled && !at) return setMessage({ kind: 'error', text: t('pickDate') })
    setPending({ at: scheduled ? new Date(at).toISOString() : undefined, notify: sendMail })
  }

  const confirm = async () => {
    if (!pending) return
    setBusy(true)
    try {
      const answer = await publish({ examId, ...pending })
      setMessage({
        kind: 'ok',
        text: answer.scheduledFor
          ? t('scheduled', { date: formatDate(answer.scheduledFor, language), count: answer.finalizedCopies })
          : t('queued', { count: answer.finalizedCopies }),
      })
      onQueued(answer)
    } catch (error) {
      setMessage({ kind: 'error', text: `${t('error')} — ${(error as Error).message}` })
    } finally {
      setBusy(false)
      setPending(undefined)
    }
  }

  return (
    <div data-testid="publish-form">
      <p style={{ marginTop: 0 }}>{t('publishHelp')}</p>
      {count === 0 && <p data-testid="publish-nothing">{t('nothingToPublish')}</p>}
      <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', marginBottom: '0.25rem' }}>
        <input type="checkbox" data-testid="publish-notify" checked={sendMail} disabled={!status.mailConfigured} onChange={(e) => setNotify(e.target.checked)} />
        {t('notify')}
      </label>
      {!status.mailConfigured && (
        <p data-testid="publish-mail-off" style={{ fontSize: 12, color: 'var(--theme-elevation-500)', margin: '0 0 0.75rem' }}>
          {t('mailNotConfigured')}
        </p>
      )}
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Button buttonStyle="primary" disabled={busy || !!pending || count === 0} onClick={() => ask(false)} margin={false} id="publish-now">
          {t('publishNow')}
        </Button>
        <label style={{ display: 'flex', flexDirection: 'column', gap: '0.25rem' }}>
          <span style={{ fontSize: 12 }}>{t('scheduleAt')}</span>
          <input type="datetime-local" data-testid="publish-at" value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <Button buttonStyle="secondary" disabled={busy || !!pending || count === 0} onClick={() => ask(true)} margin={false} id="publish-schedule">
          {t('schedule')}
        </Button>
      </div>
      {pending && (
        <div data-testid="publish-confirm" role="alertdialog" style={{ marginTop: '1rem', padding: '1rem', border: '1px solid var(--theme-warning-500)', borderRadius: 4 }}>
          <p style={{ marginTop: 0 }}>
            {pending.at ? t('confirmScheduled', { count, date: formatDate(pending.at, language) }) : t('confirmNow', { count })}{' '}
            {pending.notify ? t('confirmWithMail') : t('confirmWithoutMail')}
          </p>
          <div style={{ display: 'flex', gap: '0.75rem' }}>
            <Button buttonStyle="primary" disabled={busy} onClick={confirm} margin={false} id="publish-confirm-yes">
              {t('confirm')}
            </Button>
            <Button buttonStyle="secondary" disabled={busy} onClick={() => setPending(undefined)} margin={false} id="publish-confirm-no">
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
      {message && (
        <p data-testid="publish-message" data-kind={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} style={{ color: message.kind === 'error' ? 'var(--theme-error-500)' : undefined }}>
          {message.text}
        </p>
      )}
    </div>
  )
}
