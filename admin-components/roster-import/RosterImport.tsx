'use client'
import { Banner, Button, Dropzone, SetStepNav, TextInput, useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import { RosterFileError, sendRoster, type RosterImportResult } from './api'
import { RosterPreview } from './RosterPreview'

type Translate = (key: string, vars?: Record<string, unknown>) => string

const ACCEPT = '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Why a file could not be used, in the reader's language; the server's sentence only when no code says it. */
const fileProblem = (error: unknown, tr: Translate): { text: string; detail?: string } => {
  if (!(error instanceof RosterFileError)) return { text: tr('fileError_other'), detail: (error as Error).message }
  const code = error.data.code
  const known = ['roster_empty', 'roster_no_header', 'roster_not_text', 'roster_too_large', 'roster_too_long']
  if (!code || !known.includes(code)) return { text: tr('fileError_other'), detail: error.message }
  const found = (error.data.foundColumns ?? []).map((text) => tr('quoted', { text })).join(', ') || tr('none')
  return { text: tr(`fileError_${code}`, { found }) }
}

/**
 * The class-list import: a file is dropped or chosen, read at once as a preview (nothing written), shown
 * (counts, columns understood, refused rows by line, the rows), and imported on confirmation.
 */
export const RosterImport = () => {
  const { t, i18n } = useTranslation()
  const tr: Translate = useCallback((key, vars) => (t as Translate)(`rosterImport:${key}`, vars), [t])
  const students = useConfig().getEntityConfig({ collectionSlug: 'students' })?.labels?.plural
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File>()
  const [className, setClassName] = useState('')
  const [preview, setPreview] = useState<RosterImportResult>()
  const [problem, setProblem] = useState<{ text: string; detail?: string }>()
  const [busy, setBusy] = useState<'reading' | 'importing'>()
  const [done, setDone] = useState<RosterImportResult>()

  // Every new file or class is read again as a preview; a stale answer (an earlier file) is dropped.
  useEffect(() => {
    if (!file) return
    let current = true
    setBusy('reading')
    setProblem(undefined)
    const timer = setTimeout(() => {
      sendRoster({ file, className: className.trim() || undefined, preview: true })
        .then(
          (result) => current && setPreview(result),
          (error: unknown) => {
            if (!current) return
            setPreview(undefined)
            setProblem(fileProblem(error, tr))
          },
        )
        .finally(() => current && setBusy(undefined))
    }, 300)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [file, className, tr])

  const choose = (files: FileList | null | undefined) => {
    const chosen = files?.[0]
    if (!chosen) return
    setDone(undefined)
    setPreview(undefined)
    setFile(chosen)
  }

  const confirm = async () => {
    if (!file) return
    setBusy('importing')
    try {
      const result = await sendRoster({ file, className: className.trim() || undefined, preview: false })
      setDone(result)
      setPreview(undefined)
      setFile(undefined)
      if (input.current) input.current.value = ''
    } catch (error) {
      setProblem(fileProblem(error, tr))
    } finally {
      setBusy(undefined)
    }
  }

  const toImport = preview ? preview.created + preview.updated : 0
  return (
    <div data-testid="roster-import" style={{ paddingBottom: '3rem' }}>
      <SetStepNav nav={[...(students ? [{ label: students, url: '/admin/collections/students' }] : []), { label: tr('title') }]} />
      <h1 style={{ margin: '1.5rem 0 0.5rem' }}>{tr('title')}</h1>
      <p style={{ maxWidth: 720, marginBottom: '1rem' }}>{tr('intro')}</p>
      <Dropzone onChange={choose}>
        <div style={{ padding: '1.5rem', display: 'flex', alignItems: 'center', gap: '0.75rem', flexWrap: 'wrap' }}>
          <span>{tr('drop')}</span>
          <Button buttonStyle="secondary" size="small" margin={false} onClick={() => input.current?.click()}>
            {tr('choose')}
          </Button>
          {file && <strong data-testid="roster-file-name">{file.name}</strong>}
          <input ref={input} data-testid="roster-file" type="file" accept={ACCEPT} hidden onChange={(e) => choose(e.target.files)} />
        </div>
      </Dropzone>
      <div style={{ maxWidth: 420, marginTop: '1rem' }}>
        <TextInput path="rosterClassName" label={tr('className')} description={tr('classNameHelp')} value={className} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setClassName(e.target.value)} />
      </div>
      {busy && (
        <p data-testid="roster-busy" role="status">
          {tr(busy)}
        </p>
      )}
      {problem && (
        <Banner type="error">
          <span data-testid="roster-file-error">{problem.text}</span>
          {problem.detail && <div style={{ fontSize: 12, marginTop: '0.25rem' }}>{tr('detail', { message: problem.detail })}</div>}
        </Banner>
      )}
      {done && (
        <Banner type="success">
          <span data-testid="roster-done">{tr('done', { created: done.created, updated: done.updated, unchanged: done.unchanged })}</span>
          {done.errors.length > 0 && <span> {tr('doneErrors', { count: done.errors.length })}</span>}{' '}
          <a href="/admin/collections/students" data-testid="roster-see-students">
            {tr('seeStudents')}
          </a>
        </Banner>
      )}
      {preview && file && (
        <>
          <RosterPreview result={preview} fileName={file.name} tr={tr} language={i18n.language} />
          <div style={{ marginTop: '1.5rem' }}>
            {toImport > 0 ? (
              <Button buttonStyle="primary" id="roster-confirm" disabled={busy !== undefined} onClick={() => void confirm()}>
                {tr('confirm', { create: preview.created, update: preview.updated })}
              </Button>
            ) : (
              <p data-testid="roster-nothing">{tr('nothingToImport')}</p>
            )}
          </div>
        </>
      )}
    </div>
  )
}
