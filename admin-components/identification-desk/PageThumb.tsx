'use client'
import React from 'react'

import { CopyPicker } from './CopyPicker'
import { pageImageUrl, type DeskCopy, type Id } from './api'

export type PageCommand =
  | { kind: 'rotate'; by: 90 | -90 | 180 }
  | { kind: 'shift'; offset: -1 | 1 }
  | { kind: 'split' }
  | { kind: 'move'; toCopy: Id }

const button = { className: 'btn btn--style-secondary btn--size-small', style: { margin: 0 } }

/** One page of the selected copy: its picture and every fix that concerns this page. */
export const PageThumb = ({
  copy,
  index,
  others,
  busy,
  tr,
  onCommand,
}: {
  copy: DeskCopy
  index: number
  others: DeskCopy[]
  busy: boolean
  tr: (key: string) => string
  onCommand: (command: PageCommand) => void
}) => {
  const count = copy.pages.length
  const name = `${tr('page')} ${index + 1}`
  // Each button says which page it acts on, for screen readers and for tests alike.
  const act = (label: string, testId: string, command: PageCommand, disabled = false) => (
    <button type="button" {...button} aria-label={`${label} — ${name}`} title={label} data-testid={testId} disabled={busy || disabled} onClick={() => onCommand(command)}>
      {label}
    </button>
  )
  return (
    <li data-testid="desk-page" data-page={index} data-rotation={copy.pages[index]?.rotation ?? 0} style={{ border: '1px solid var(--theme-elevation-150)', padding: '0.5rem', width: 240, boxSizing: 'border-box', overflowWrap: 'anywhere' }}>
      <div style={{ fontWeight: 600 }}>{name}</div>
      {copy.pdfUrl ? <img src={pageImageUrl({ copy, page: index })} alt={name} width={200} style={{ display: 'block', background: '#fff', margin: '0.25rem 0' }} /> : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem' }}>
        {act(`↺ ${tr('rotateLeft')}`, 'page-rotate-left', { kind: 'rotate', by: -90 })}
        {act(`↻ ${tr('rotateRight')}`, 'page-rotate-right', { kind: 'rotate', by: 90 })}
        {act(`⟲ ${tr('rotate180')}`, 'page-rotate-180', { kind: 'rotate', by: 180 })}
        {act(`↑ ${tr('moveUp')}`, 'page-up', { kind: 'shift', offset: -1 }, index === 0)}
        {act(`↓ ${tr('moveDown')}`, 'page-down', { kind: 'shift', offset: 1 }, index === count - 1)}
        {act(`✂ ${tr('splitHere')}`, 'page-split', { kind: 'split' }, index === 0)}
        <CopyPicker copies={others} label={tr('moveToCopy')} action={tr('move')} disabled={busy} testId="page-move" onPick={(toCopy) => onCommand({ kind: 'move', toCopy })} />
      </div>
    </li>
  )
}
