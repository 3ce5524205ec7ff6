import React from 'react'

import type { CorrectorFigures } from '../api'
import { formatNumber, formatPercent, type Translate } from '../format'
import { palette } from './palette'

const W = 640
const LABEL = 170
const VALUE = 200
const ROW = 40

const colorOf = (c: CorrectorFigures) => (c.tendency === 'severe' ? palette.severe : c.tendency === 'lenient' ? palette.lenient : palette.bar)

export const correctorName = (c: CorrectorFigures, t: Translate) => `${c.name ?? t('corrector', { number: c.number })}${c.isViewer ? ` ${t('you')}` : ''}`

/**
 * One row per corrector: the mean success rate of the grades they gave, the other correctors' rate on
 * the same questions as a black tick, and the gap between the two, coloured when it crosses the threshold.
 */
export const CorrectorBars = ({ correctors, language, t }: { correctors: CorrectorFigures[]; language: string; t: Translate }) => {
  const plotW = W - LABEL - VALUE
  const x = (rate: number) => LABEL + Math.min(1, Math.max(0, rate)) * plotW
  const verdict = (c: CorrectorFigures) =>
    c.deviation === undefined
      ? t('noComparison')
      : `${t('gap', { points: `${c.deviation > 0 ? '+' : ''}${formatNumber(c.deviation * 100, language, 0)}` })}${c.tendency ? ` · ${t(c.tendency === 'in-line' ? 'inLine' : c.tendency)}` : ''}`
  return (
    <svg data-testid="correctors-chart" role="img" aria-label={t('correctors')} viewBox={`0 0 ${W} ${correctors.length * ROW + 8}`} width="100%" style={{ maxWidth: W, display: 'block' }}>
      {correctors.map((c, i) => {
        const y = 4 + i * ROW
        const color = colorOf(c)
        return (
          <g key={c.number} data-testid="corrector-row" data-name={c.name ?? ''} data-number={c.number} data-rate={c.meanRate} data-deviation={c.deviation ?? ''} data-tendency={c.tendency ?? ''}>
            <text x={0} y={y + 15} fontSize={12} fontWeight={c.isViewer ? 600 : 400} fill={palette.text}>
              {correctorName(c, t)}
            </text>
            <text x={0} y={y + 29} fontSize={10} fill={palette.axis}>
              {t('gradesOnCopies', { grades: c.grades, copies: c.copies })}
            </text>
            <rect x={LABEL} y={y + 8} width={plotW} height={16} fill={palette.barMuted} rx={2} />
            <rect x={LABEL} y={y + 8} width={x(c.meanRate) - LABEL} height={16} fill={color} rx={2} />
            {c.othersRate !== undefined && <line data-testid="corrector-others" x1={x(c.othersRate)} x2={x(c.othersRate)} y1={y + 3} y2={y + 29} stroke={palette.text} strokeWidth={2.5} />}
            <text x={LABEL + plotW + 8} y={y + 15} fontSize={12} fill={palette.text}>
              {formatPercent(c.meanRate, language)}
            </text>
            <text x={LABEL + plotW + 8} y={y + 29} fontSize={11} fill={c.tendency && c.tendency !== 'in-line' ? color : palette.axis} fontWeight={c.tendency && c.tendency !== 'in-line' ? 600 : 400}>
              {verdict(c)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
