'use client'
import { useRef, useState } from 'react'

import { moveOrder, pageActions, swapOrder, type DeskCopy, type Id, type PageEditResult } from '../api'
import type { DeskData } from './useDeskData'
import type { Translate } from './useDeskTranslation'
import type { Say } from './types'

/** What a page's buttons (or a drag) ask for; pages are numbered from 0 in the copy's reading order. */
export type PageCommand =
  | { kind: 'rotate'; by: 90 | -90 | 180 }
  | { kind: 'shift'; offset: -1 | 1 }
  | { kind: 'place'; at: number }
  | { kind: 'split' }
  | { kind: 'move'; toCopy: Id }

/**
 * The shown copy's page fixes: rotate, reorder, move to another copy, split, merge. The server rebuilds
 * the PDFs; the desk then reloads, so copies a split creates or a merge removes appear or disappear.
 */
export const usePageEdits = ({ data, say, tr }: { data: DeskData; say: Say; tr: Translate }) => {
  const { copy, shown, load } = data
  const [busy, setBusy] = useState(false)
  // The flag a second click reads at once (state would only change at the next render).
  const running = useRef(false)

  const changed = async (edited: DeskCopy, result: PageEditResult) => {
    // The shown copy may be gone (its last page moved away): go on to the next one still there.
    const gone = new Set(result.deleted.map(String))
    const removed = result.removed?.find((c) => String(c.id) === String(edited.id))
    const index = shown.findIndex((c) => c.id === edited.id)
    const next = removed ? [...shown.slice(index + 1), ...shown.slice(0, index)].find((c) => !gone.has(String(c.id))) : edited
    say({ kind: 'info', text: removed ? tr('copyRemoved', { copy: removed.anonymousId }) : tr('pagesSaved') })
    await load(next?.id)
  }

  // One edit at a time: each rebuilds PDFs, and the next must see the page list it produced.
  const run = async (edit: (copy: DeskCopy) => Promise<PageEditResult>) => {
    if (!copy || running.current) return
    running.current = true
    setBusy(true)
    try {
      await changed(copy, await edit(copy))
    } catch (e) {
      // A refused edit: say why, then show what the server holds.
      say({ kind: 'error', text: (e as Error).message })
      await load(copy.id).catch(() => undefined)
    } finally {
      running.current = false
      setBusy(false)
    }
  }

  const onCommand = ({ page, command }: { page: number; command: PageCommand }) => {
    switch (command.kind) {
      case 'rotate':
        return run((c) => pageActions.rotate({ copyId: c.id, page, by: command.by }))
      case 'shift':
        return run((c) => pageActions.reorder({ copyId: c.id, order: swapOrder({ count: c.pages.length, page, offset: command.offset }) }))
      case 'place':
        if (command.at === page) return
        return run((c) => pageActions.reorder({ copyId: c.id, order: moveOrder({ count: c.pages.length, from: page, to: command.at }) }))
      case 'split':
        return run((c) => pageActions.split({ copyId: c.id, at: page }))
      case 'move':
        return run((c) => pageActions.move({ copyId: c.id, page, toCopy: command.toCopy }))
    }
  }

  const merge = (from: Id) => run((c) => pageActions.merge({ copyId: c.id, from }))

  return { busy, onCommand, merge }
}

export type PageEdits = ReturnType<typeof usePageEdits>
