'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import { fetchStatus, pageImageUrl, saveZone, type AnonymizationStatus, type Box } from './api'

type Tr = (key: string, vars?: Record<string, unknown>) => string
type Drag = { x0: number; y0: number; x1: number; y1: number }

const boxOf = (d: Drag, scale: number): Box => ({
  x: Math.round((Math.min(d.x0, d.x1) / scale) * 10) / 10,
  y: Math.round((Math.min(d.y0, d.y1) / scale) * 10) / 10,
  width: Math.round((Math.abs(d.x1 - d.x0) / scale) * 10) / 10,
  height: Math.round((Math.abs(d.y1 - d.y0) / scale) * 10) / 10,
})

const rect = (box: Box, scale: number, color: string, testId: string) => (
  <div data-testid={testId} style={{ position: 'absolute', left: box.x * scale, top: box.y * scale, width: box.width * scale, height: box.height * scale, border: `2px solid ${color}`, background: `${color}22`, pointerEvents: 'none' }} />
)

/** The exam's Anonymity tab: draw the identity zone on a copy's first page, see the redaction's progress. */
export const ZoneEditor = () => {
  const { id } = useDocumentInfo()
  const { t } = useTranslation()
  const tr: Tr = useCallback((key, vars) => (t as (k: string, v?: Record<string, unknown>) => string)(`examAnonymity:${key}`, vars), [t])
  const [status, setStatus] = useState<AnonymizationStatus>()
  const [error, setError] = useState<string>()
  const [message, setMessage] = useState<string>()
  const [drag, setDrag] = useState<Drag>()
  const [draft, setDraft] = useState<Box | null>()
  const [redacted, setRedacted] = useState(false)
  const [version, setVersion] = useState(() => String(Date.now()))
  const frame = useRef<HTMLDivElement>(null)
  const width = 700

  const refresh = useCallback(async () => {
    if (id === undefined || id === null) return
    try {
      setStatus(await fetchStatus(id))
      setError(undefined)
      setVersion(String(Date.now()))
    } catch (e) {
      setError((e as Error).message)
    }
  }, [id])
  useEffect(() => void refresh(), [refresh])

  if (id === undefined || id === null) return null
  const page = status?.sample?.page
  const scale = page ? width / page.width : 1
  const point = (e: React.MouseEvent) => {
    const r = frame.current!.getBoundingClientRect()
    return { x: Math.min(Math.max(0, e.clientX - r.left), r.width), y: Math.min(Math.max(0, e.clientY - r.top), r.height) }
  }
  const zone = draft !== undefined ? draft : (status?.zone ?? null)

  const save = async (next: Box | null) => {
    try {
      await saveZone(id, next)
      setMessage(tr(next ? 'saved' : 'removed'))
      setDraft(undefined)
      await refresh()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <div data-testid="exam-anonymity" style={{ padding: '1.5rem 0 3rem', maxWidth: 1000 }}>
      <h2 style={{ margin: '0 0 1rem' }}>{tr('title')}</h2>
      <p style={{ maxWidth: 760 }}>{tr('help')}</p>
      {error ? <p role="alert" style={{ color: 'var(--theme-error-500)' }}>{tr('error')} — {error}</p> : null}
      {message ? <p data-testid="anonymity-message">{message}</p> : null}
      {!status ? (
        <p>{tr('loading')}</p>
      ) : (
        <>
          <p data-testid="anonymity-counts">{tr('counts', { ...status.counts })}</p>
          {status.withoutZones.length ? <p data-testid="anonymity-without-zones" style={{ color: 'var(--theme-warning-600, #a60)' }}>{tr('withoutZones', { count: status.withoutZones.length })}</p> : null}
          {!status.sample || !page ? (
            <p>{tr('noCopy')}</p>
          ) : (
            <>
              <p>{tr('draw')}</p>
              <div style={{ display: 'flex', gap: 12, alignItems: 'center', margin: '0.5rem 0' }}>
                <label>
                  <input type="checkbox" checked={redacted} onChange={(e) => setRedacted(e.target.checked)} data-testid="anonymity-preview" /> {tr('preview')}
                </label>
                <span style={{ color: '#c00' }}>■ {tr('legendExam')}</span>
                <span style={{ color: '#06c' }}>■ {tr('legendDetected')}</span>
                <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void refresh()}>{tr('refresh')}</button>
              </div>
              <div
                ref={frame}
                data-testid="zone-frame"
                data-scale={scale}
                style={{ position: 'relative', width, height: page.height * scale, cursor: 'crosshair', userSelect: 'none', border: '1px solid var(--theme-elevation-150)' }}
                onMouseDown={(e) => {
                  const p = point(e)
                  setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y })
                }}
                onMouseMove={(e) => drag && setDrag({ ...drag, ...((p) => ({ x1: p.x, y1: p.y }))(point(e)) })}
                onMouseUp={() => {
                  if (drag) {
                    const box = boxOf(drag, scale)
                    if (box.width > 4 && box.height > 4) setDraft(box)
                  }
                  setDrag(undefined)
                }}
              >
                <img alt="" draggable={false} src={pageImageUrl({ copyId: status.sample.id, redacted, version })} style={{ width, height: page.height * scale, display: 'block' }} />
                {status.sample.zones.filter((z) => z.source === 'detected' && z.page === 0).map((z, i) => <React.Fragment key={i}>{rect(z.box, scale, '#0066cc', 'detected-zone')}</React.Fragment>)}
                {zone ? rect(zone, scale, '#cc0000', 'exam-zone') : null}
                {drag ? rect(boxOf(drag, scale), scale, '#cc0000', 'zone-drag') : null}
              </div>
              <div style={{ display: 'flex', gap: 12, marginTop: 12 }}>
                <button type="button" className="btn btn--style-primary" data-testid="zone-save" disabled={!draft} onClick={() => void save(draft ?? null)}>{tr('save')}</button>
                <button type="button" className="btn btn--style-secondary" data-testid="zone-remove" disabled={!status.zone} onClick={() => void save(null)}>{tr('remove')}</button>
              </div>
            </>
          )}
        </>
      )}
    </div>
  )
}
