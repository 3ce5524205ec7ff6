'use client'
import { Button } from '@payloadcms/ui'
import React from 'react'

import { CopyPicker } from './CopyPicker'
import { pageImageUrl, type DeskCopy } from './api'
import type { PageDrag } from './hooks/usePageDrag'
import type { Translate } from './hooks/useDeskTranslation'
import type { PageCommand } from './hooks/usePageEdits'

/** One page of the shown copy: its picture (dragged to move the page) and every fix that concerns this page. */
export const PageThumb = ({
  copy,
  index,
  others,
  busy,
  drag,
  tr,
  onCommand,
}: {
  copy: DeskCopy
  index: number
  others: DeskCopy[]
  busy: boolean
  drag: PageDrag
  tr: Translate
  onCommand: (command: PageCommand) => void
}) => {
  const count = copy.pages.length
  const name = `${tr('page')} ${index + 1}`
  // Each button says which page it acts on, for screen readers and for tests alike.
  const act = ({ label, testId, command, disabled = false }: { label: string; testId: string; command: PageCommand; disabled?: boolean }) => (
    <Button
      buttonStyle="secondary"
      size="small"
      margin={false}
      aria-label={`${label} — ${name}`}
      extraButtonProps={{ 'data-testid': testId, title: label }}
      disabled={busy || disabled}
      onClick={() => onCommand(command)}
    >
      {label}
    </Button>
  )
  const classes = ['identification-desk__page', drag.dragging === index && 'identification-desk__page--dragging', drag.over === `page:${index}` && 'identification-desk__page--drop']
  return (
    <li data-testid="desk-page" data-page={index} data-source-page={copy.pages[index]?.sourcePage} data-rotation={copy.pages[index]?.rotation ?? 0} className={classes.filter(Boolean).join(' ')} {...drag.pageTarget(index)}>
      <div className="identification-desk__grip" data-testid="desk-page-grip" title={tr('dragPage')} {...drag.grip(index)}>
        <strong>{name}</strong>
        {copy.pdfUrl ? <img src={pageImageUrl({ copy, page: index })} alt={name} draggable={false} /> : null}
      </div>
      <div className="identification-desk__actions">
        {act({ label: `↺ ${tr('rotateLeft')}`, testId: 'page-rotate-left', command: { kind: 'rotate', by: -90 } })}
        {act({ label: `↻ ${tr('rotateRight')}`, testId: 'page-rotate-right', command: { kind: 'rotate', by: 90 } })}
        {act({ label: `⟲ ${tr('rotate180')}`, testId: 'page-rotate-180', command: { kind: 'rotate', by: 180 } })}
        {act({ label: `↑ ${tr('moveUp')}`, testId: 'page-up', command: { kind: 'shift', offset: -1 }, disabled: index === 0 })}
        {act({ label: `↓ ${tr('moveDown')}`, testId: 'page-down', command: { kind: 'shift', offset: 1 }, disabled: index === count - 1 })}
        {act({ label: `✂ ${tr('splitHere')}`, testId: 'page-split', command: { kind: 'split' }, disabled: index === 0 })}
        <CopyPicker copies={others} label={tr('moveToCopy')} action={tr('move')} disabled={busy} testId="page-move" onPick={(toCopy) => onCommand({ kind: 'move', toCopy })} />
      </div>
    </li>
  )
}
