'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { decide, fetchProgress, saveSettings, type DistributionProgress, type DistributionSettings } from './api'
import { ProgressTables } from './ProgressTables'
import { ReviewList } from './ReviewList'

type Tr = (key: string, vars?: Record<string, unknown>) => string
const section = { margin: '2rem 0 0.75rem', fontSize: 18 }
const cell = { padding: '4px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' as const }

/** The exam's Distribution tab: the settings (shown and changeable at any time), progress, double-marking decisions. */
export const DistributionPanel = () => {
  const { id } = useDocumentInfo()
  const { t } = useTranslation()
  const tr: Tr = useCallback((key, vars) => (t as (k: string, v?: Record<string, unknown>) => string)(`examDistribution:${key}`, vars), [t])
  const [progress, setProgress] = useState<DistributionProgress>()
  const [draft, setDraft] = useState<DistributionSettings>()
  const [error, setError] = useState<string>()
  const [message, setMessage] = useState<string>()

  const refresh = useCallback(async () => {
    if (id === undefined || id === null) return
    try {
      const next = await fetchProgress(id)
      setProgress(next)
      setDraft((current) => current ?? withEveryCorrector(next))
      setError(undefined)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [id])
  useEffect(() => void refresh(), [refresh])

  if (id === undefined || id === null) return null
  if (!progress || !draft) return <p>{error ? `${tr('error')} — ${error}` : tr('loading')}</p>
  const questionKeys = progress.questions.map((q) => q.key)
  const update = (patch: Partial<DistributionSettings>) => setDraft({ ...draft, ...patch })
  const updateCorrector = (cid: string | number, patch: Record<string, unknown>) =>
    update({ correctors: draft.correctors.map((c) => (String(c.id) === String(cid) ? { ...c, ...patch } : c)) })

  const save = async () => {
    try {
      const answer = await saveSettings(id, draft)
      setProgress(answer.progress)
      setMessage(tr('saved', { created: answer.result.created, released: answer.result.released }))
      setError(undefined)
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <div data-testid="exam-distribution" style={{ padding: '1.5rem 0 3rem', maxWidth: 1100 }}>
      <h2 style={{ margin: '0 0 1rem' }}>{tr('title')}</h2>
      {error ? <p role="alert" data-testid="distribution-error" style={{ color: 'var(--theme-error-500)' }}>{tr('error')} — {error}</p> : null}
      {message ? <p data-testid="distribution-message">{message}</p> : null}
      <fieldset style={{ border: 0, padding: 0, display: 'grid', gap: 8 }}>
        <label>
          {tr('mode')}{' '}
          <select data-testid="distribution-mode" value={draft.mode} onChange={(e) => update({ mode: e.target.value as DistributionSettings['mode'] })}>
            {(['all', 'copies', 'questions'] as const).map((m) => (
              <option key={m} value={m}>{tr(`mode_${m}`)}</option>
            ))}
          </select>
        </label>
        {draft.mode !== 'all' ? (
          <>
            <label>
              {tr('seed')} <input data-testid="distribution-seed" value={draft.seed ?? ''} onChange={(e) => update({ seed: e.target.value })} /> <small>{tr('seedHelp')}</small>
            </label>
            <label title={tr('doubleBlindHelp')}>
              <input type="checkbox" data-testid="distribution-double-blind" checked={Boolean(draft.doubleBlind)} onChange={(e) => update({ doubleBlind: e.target.checked })} /> {tr('doubleBlind')} — <small>{tr('doubleBlindHelp')}</small>
            </label>
            {draft.doubleBlind ? (
              <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
                <label>
                  {tr('thresholdTotal')} <input type="number" min={0} step={0.25} data-testid="distribution-threshold" value={draft.thresholdTotal ?? 2} onChange={(e) => update({ thresholdTotal: Number(e.target.value) })} style={{ width: 80 }} />
                </label>
                <label>
                  {tr('thresholdQuestion')}{' '}
                  <input type="number" min={0} step={0.25} data-testid="distribution-threshold-question" value={draft.thresholdQuestion ?? ''} onChange={(e) => update({ thresholdQuestion: e.target.value === '' ? null : Number(e.target.value) })} style={{ width: 80 }} />
                </label>
                <label>
                  {tr('arbitration')}{' '}
                  <select data-testid="distribution-arbitration" value={draft.arbitration ?? 'admin'} onChange={(e) => update({ arbitration: e.target.value as 'third' | 'admin' })}>
                    <option value="admin">{tr('arbitration_admin')}</option>
                    <option value="third">{tr('arbitration_third')}</option>
                  </select>
                </label>
              </div>
            ) : null}
            <table style={{ borderCollapse: 'collapse', marginTop: 8 }}>
              <thead>
                <tr>
                  <th style={cell}>{tr('corrector')}</th>
                  <th style={cell}>{tr('active')}</th>
                  <th style={cell}>{tr('quota')}</th>
                  {draft.mode === 'questions' ? <th style={cell}>{tr('questions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {draft.correctors.map((c) => (
                  <tr key={String(c.id)} data-testid="distribution-corrector" data-corrector={c.id}>
                    <td style={cell}>{progress.examCorrectors.find((e) => String(e.id) === String(c.id))?.name ?? c.id}</td>
                    <td style={cell}>
                      <input type="checkbox" data-testid="corrector-active" checked={c.active !== false} onChange={(e) => updateCorrector(c.id, { active: e.target.checked })} />
                    </td>
                    <td style={cell}>
                      <input type="number" min={0} step={1} data-testid="corrector-quota" value={c.quota ?? ''} onChange={(e) => updateCorrector(c.id, { quota: e.target.value === '' ? null : Number(e.target.value) })} style={{ width: 70 }} />
                    </td>
                    {draft.mode === 'questions' ? (
                      <td style={cell}>
                        {questionKeys.map((q) => (
                          <label key={q} style={{ marginRight: 10 }}>
                            <input
                              type="checkbox"
                              data-testid={`corrector-question-${q}`}
                              checked={(c.questions ?? []).includes(q)}
                              onChange={(e) => updateCorrector(c.id, { questions: e.target.checked ? [...(c.questions ?? []), q] : (c.questions ?? []).filter((x) => x !== q) })}
                            />{' '}
                            {q}
                          </label>
                        ))}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        <div>
          <button type="button" className="btn btn--style-primary" data-testid="distribution-save" onClick={() => void save()}>{tr('save')}</button>
        </div>
      </fieldset>
      <h3 style={section}>{tr('progressTitle')}</h3>
      <ProgressTables progress={progress} t={tr} />
      <h3 style={section}>{tr('reviewTitle')}</h3>
      <ReviewList
        progress={progress}
        t={tr}
        onDecide={async (copyId, marking) => {
          try {
            await decide(copyId, marking)
            await refresh()
          } catch (e) {
            setError((e as Error).message)
          }
        }}
      />
    </div>
  )
}

/** Every corrector of the exam gets a row, those not in the saved settings included. */
const withEveryCorrector = (progress: DistributionProgress): DistributionSettings => ({
  ...progress.settings,
  correctors: progress.examCorrectors.map((c) => progress.settings.correctors.find((s) => String(s.id) === String(c.id)) ?? { id: c.id }),
})
