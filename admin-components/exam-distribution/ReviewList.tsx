'use client'
import React from 'react'

import type { DistributionProgress } from './api'

type Tr = (key: string, vars?: Record<string, unknown>) => string
type Detail = { totals?: Record<string, number>; reasons?: string[] } | null

/** Double-marked copies: flagged ones with both totals and a button to keep either marking; the decided ones. */
export const ReviewList = ({ progress, t, onDecide }: { progress: DistributionProgress; t: Tr; onDecide: (copyId: string | number, marking: number) => void }) => {
  const rows = progress.review.filter((r) => r.state !== 'agreed')
  if (!rows.length) return <p data-testid="review-none">{t('reviewNone')}</p>
  return (
    <ul data-testid="review-list" style={{ listStyle: 'none', padding: 0 }}>
      {rows.map((r) => {
        const detail = r.detail as Detail
        const totals = Object.entries(detail?.totals ?? {})
        return (
          <li key={String(r.id)} data-testid="review-copy" data-copy={r.id} data-state={r.state} data-decided={r.decidedMarking ?? ''} style={{ padding: '8px 0', borderBottom: '1px solid var(--theme-elevation-100)' }}>
            <strong>{r.anonymousId}</strong> — {t(`state_${r.state}`)} — {t('totals', { list: totals.map(([m, v]) => `${m}: ${v}`).join(', ') })}
            {detail?.reasons?.length ? <small> ({detail.reasons.join('; ')})</small> : null}
            {r.state === 'flagged' || r.state === 'arbitration' ? (
              <span style={{ marginLeft: 12, display: 'inline-flex', gap: 8 }}>
                {totals.map(([m]) => (
                  <button key={m} type="button" className="btn btn--style-secondary btn--size-small" data-testid={`keep-${m}`} onClick={() => onDecide(r.id, Number(m))}>
                    {t('keep', { marking: m })}
                  </button>
                ))}
              </span>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
