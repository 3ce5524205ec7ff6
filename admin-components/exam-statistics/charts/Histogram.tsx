import React from 'react'

import type { Bin } from '../api'
import { formatNumber, type Translate } from '../format'
import { palette } from './palette'

type Props = {
  bins: Bin[]
  /** The values' range: 0..20 for marks, 0..maxPoints for a question. */
  max: number
  mean?: number
  median?: number
  language: string
  t: Translate
  testId: string
  height?: number
  compact?: boolean
}

const PAD = { left: 16, right: 12, top: 30, bottom: 26 }

const binLabel = (bin: Bin, language: string) =>
  bin.from === bin.to ? formatNumber(bin.from, language) : `${formatNumber(bin.from, language)}–${formatNumber(bin.to, language)}`

/**
 * Bars of equal width, one per bin, with the mean and median drawn as vertical markers. Bins over a range
 * span the axis linearly; bins of exact values are centred on them, so markers land between the bars.
 */
export const Histogram = ({ bins, max, mean, median, language, t, testId, height = 220, compact = false }: Props) => {
  // A small multiple gets a narrower drawing, so that its text scales to a readable size.
  const W = compact ? 320 : 640
  const plotW = W - PAD.left - PAD.right
  const top0 = compact ? 14 : PAD.top
  const plotH = height - top0 - PAD.bottom
  const barW = bins.length ? plotW / bins.length : plotW
  const top = Math.max(1, ...bins.map((b) => b.count))
  const exactValues = bins.length > 1 && bins.every((b) => b.from === b.to)
  const xOf = (value: number) => {
    const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0
    return exactValues ? PAD.left + barW / 2 + ratio * (plotW - barW) : PAD.left + ratio * plotW
  }
  const marker = (kind: 'mean' | 'median', value: number | undefined, color: string, row: number) =>
    value === undefined ? null : (
      <g data-testid={`${testId}-${kind}`} data-value={value}>
        <line x1={xOf(value)} x2={xOf(value)} y1={top0 - 4} y2={top0 + plotH} stroke={color} strokeWidth={2} strokeDasharray={kind === 'median' ? '5 3' : undefined} />
        {!compact && (
          <text x={xOf(value) + 4} y={top0 - 8 - row * 12} fill={color} fontSize={11}>
            {t(kind)} {formatNumber(value, language)}
          </text>
        )}
      </g>
    )
  return (
    <svg data-testid={testId} role="img" aria-label={t(testId === 'marks-histogram' ? 'marks' : 'pointsDistribution')} viewBox={`0 0 ${W} ${height}`} width="100%" style={{ maxWidth: W, display: 'block' }}>
      <line x1={PAD.left} x2={PAD.left + plotW} y1={top0 + plotH} y2={top0 + plotH} stroke={palette.axis} />
      {bins.map((bin, i) => {
        const h = (bin.count / top) * plotH
        const x = PAD.left + i * barW
        return (
          <g key={i} data-testid={`${testId}-bar`} data-from={bin.from} data-to={bin.to} data-count={bin.count} data-height={Math.round(h * 100) / 100}>
            <title>{`${binLabel(bin, language)} : ${t('copies', { count: bin.count })}`}</title>
            <rect x={x + 2} y={top0 + plotH - h} width={Math.max(1, barW - 4)} height={h} fill={palette.bar} rx={2} />
            {bin.count > 0 && (
              <text x={x + barW / 2} y={top0 + plotH - h - 3} textAnchor="middle" fontSize={11} fill={palette.text}>
                {bin.count}
              </text>
            )}
            <text x={exactValues ? x + barW / 2 : x} y={top0 + plotH + 14} textAnchor="middle" fontSize={10} fill={palette.axis}>
              {formatNumber(bin.from, language)}
            </text>
          </g>
        )
      })}
      {!exactValues && (
        <text x={PAD.left + plotW} y={top0 + plotH + 14} textAnchor="middle" fontSize={10} fill={palette.axis}>
          {formatNumber(max, language)}
        </text>
      )}
      {marker('mean', mean, palette.mean, 1)}
      {marker('median', median, palette.median, 0)}
    </svg>
  )
}
