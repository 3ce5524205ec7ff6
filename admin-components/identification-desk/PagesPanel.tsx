'use client'
import React, { useState } from 'react'

import { CopyPicker } from './CopyPicker'
import { PageThumb, type PageCommand } from './PageThumb'
import { pageActions, swapOrder, type DeskCopy, type Id, type PageEditResult } from './api'

/**
 * The selected copy's pages, to fix the scan by hand: rotate, reorder, move a page to another copy,
 * split, merge. The server rebuilds the PDFs; the desk then reloads, so copies a split creates or a
 * merge removes appear or disappear in the list.
 */
export const PagesPanel = ({
  copy,
  copies,
  tr,
  onChanged,
  onError,
}: {
  copy: DeskCopy
  copies: DeskCopy[]
  tr: (key: string) => string
  onChanged: (result: PageEditResult) => Promise<void>
  /** A refused edit: the message, after which the desk reloads (what the server holds is what is shown). */
  onError: (message: string) => Promise<void> | void
}) => {
  const [busy, setBusy] = useState(false)
  const others = copies.filter((c) => c.id !== copy.id)

  // One edit at a time: each rebuilds PDFs, and the next must see the page list it produced.
  const run = async (edit: () => Promise<PageEditResult>) => {
    if (busy) return
    setBusy(true)
    try {
      await onChanged(await edit())
    } catch (e) {
      await onError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const onCommand = (page: number) => (command: PageCommand) => {
    const copyId = copy.id
    switch (command.kind) {
      case 'rotate':
        return run(() => pageActions.rotate({ copyId, page, by: command.by }))
      case 'shift':
        return run(() => pageActions.reorder({ copyId, order: swapOrder({ count: copy.pages.length, page, offset: command.offset }) }))
      case 'split':
        return run(() => pageActions.split({ copyId, at: page }))
      case 'move':
        return run(() => pageActions.move({ copyId, page, toCopy: command.toCopy }))
    }
  }

  const merge = (from: Id) => run(() => pageActions.merge({ copyId: copy.id, from }))

  return (
    <section data-testid="desk-pages" data-copy-id={String(copy.id)} aria-busy={busy} style={{ marginTop: '1.5rem' }}>
      <h3>
        {tr('pages')} ({copy.pages.length})
      </h3>
      <p style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <CopyPicker copies={others} label={tr('mergeWith')} action={tr('merge')} disabled={busy} testId="copy-merge" onPick={merge} />
        <span style={{ fontSize: '0.85em', opacity: 0.8 }}>{tr('mergeHelp')}</span>
      </p>
      {copy.pages.length ? (
        <ol style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
          {copy.pages.map((p, i) => (
            <PageThumb key={`${p.batch}:${p.sourcePage}:${p.region}:${i}`} copy={copy} index={i} others={others} busy={busy} tr={tr} onCommand={onCommand(i)} />
          ))}
        </ol>
      ) : (
        <p>{tr('noPages')}</p>
      )}
    </section>
  )
}
