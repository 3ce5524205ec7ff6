'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { fetchExams, type ExamChoice } from './api'
import { UploadRow } from './UploadRow'
import { useUploads } from './useUploads'

type Props = { endpoint: string; limitMB: number }

/**
 * Above the scan batches' list: choose the exam, drop one or several PDFs; each goes up resumably (tus) and
 * becomes its own batch, processed as a form upload is. Admins and the exam's teachers, as the form.
 */
export const ScanUploader = ({ endpoint, limitMB }: Props) => {
  const { user } = useAuth<{ role?: string }>()
  const { t, i18n } = useTranslation()
  const say = (key: string, vars?: Record<string, unknown>) => t(`scanUploads:${key}` as never, vars as never)
  const [exams, setExams] = useState<ExamChoice[]>([])
  const [exam, setExam] = useState('')
  const [loadError, setLoadError] = useState<string>()
  const { entries, add, pause, resume, remove } = useUploads({ endpoint, limitBytes: limitMB * 1024 * 1024 })

  useEffect(() => {
    fetchExams().then(setExams, (error: Error) => setLoadError(error.message))
  }, [])

  if (!user) return null
  return (
    <section id="scan-uploader" style={{ marginBottom: '1.5rem', padding: '1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
      <h3 style={{ marginTop: 0 }}>{say('title')}</h3>
      <p style={{ marginTop: 0 }}>
        {say('help')} {say('limit', { mb: limitMB })}
      </p>
      {loadError && <p role="alert">{loadError}</p>}
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <label>
          {say('exam')}{' '}
          <select id="scan-upload-exam" value={exam} onChange={(event) => setExam(event.target.value)}>
            <option value="">{say('examChoose')}</option>
            {exams.map((choice) => (
              <option key={choice.id} value={String(choice.id)}>
                {choice.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {say('files')}{' '}
          <input
            id="scan-upload-files"
            type="file"
            accept="application/pdf,.pdf"
            multiple
            disabled={!exam}
            title={exam ? undefined : say('noExam')}
            onChange={(event) => {
              const picked = Array.from(event.target.files ?? [])
              if (picked.length && exam) add({ picked, exam })
              event.target.value = ''
            }}
          />
        </label>
      </div>
      {entries.length > 0 && (
        <ul style={{ padding: 0, margin: '1rem 0 0' }}>
          {entries.map((entry) => (
            <UploadRow
              key={entry.key}
              entry={entry}
              t={say}
              locale={i18n.language}
              limitMB={limitMB}
              onPause={() => pause(entry.key)}
              onResume={() => resume(entry.key)}
              onRemove={() => remove(entry.key)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
