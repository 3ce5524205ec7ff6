'use client'
import type React from 'react'
import { useState } from 'react'

import type { Id } from '../api'
import type { PageCommand } from './usePageEdits'

/** What is dragged, also written into the drag's data so a drop can be read without the desk's state. */
type Dragged = { copyId: string; page: number }

const TYPE = 'application/x-korrigo-page'

const read = (event: React.DragEvent): Dragged | undefined => {
  try {
    const value = JSON.parse(event.dataTransfer.getData(TYPE)) as Dragged
    return typeof value?.copyId === 'string' && Number.isInteger(value.page) ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * HTML5 drag-and-drop of the shown copy's pages: onto another page of the strip to put it there, onto
 * another copy of the side list to move it to the end of that copy. Each drop becomes one of the page
 * commands the buttons send, so a drop and a click are the same edit on the server. The buttons stay:
 * dragging needs a mouse, and they are how the keyboard and screen readers do the same.
 */
export const usePageDrag = ({ copyId, busy, onCommand }: { copyId: Id | undefined; busy: boolean; onCommand: (args: { page: number; command: PageCommand }) => unknown }) => {
  const [dragged, setDragged] = useState<Dragged>()
  // The target under the page being dragged, to draw it as one ("page:2", "copy:17").
  const [over, setOver] = useState<string>()
  const shownId = copyId === undefined ? undefined : String(copyId)

  const end = () => {
    setDragged(undefined)
    setOver(undefined)
  }

  /** The page's picture and name: what is picked up. */
  const grip = (page: number) => ({
    draggable: !busy && shownId !== undefined,
    onDragStart: (event: React.DragEvent) => {
      if (shownId === undefined) return
      const value: Dragged = { copyId: shownId, page }
      event.dataTransfer.setData(TYPE, JSON.stringify(value))
      event.dataTransfer.effectAllowed = 'move'
      setDragged(value)
    },
    onDragEnd: end,
  })

  const target = ({ key, accepts, drop }: { key: string; accepts: (d: Dragged) => boolean; drop: (d: Dragged) => void }) => ({
    onDragOver: (event: React.DragEvent) => {
      // Only a page of this desk is taken (not a file or a link dropped from elsewhere).
      if (!event.dataTransfer.types.includes(TYPE) || (dragged && !accepts(dragged))) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'move'
      if (over !== key) setOver(key)
    },
    onDragLeave: (event: React.DragEvent) => {
      if (over === key && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(undefined)
    },
    onDrop: (event: React.DragEvent) => {
      event.preventDefault()
      const value = read(event) ?? dragged
      end()
      if (value && value.copyId === shownId && accepts(value)) drop(value)
    },
  })

  /** A page of the strip: the dragged page takes its place. */
  const pageTarget = (page: number) =>
    target({ key: `page:${page}`, accepts: (d) => d.page !== page, drop: (d) => void onCommand({ page: d.page, command: { kind: 'place', at: page } }) })

  /** Another copy of the side list: the dragged page goes to its end. */
  const copyTarget = (toCopy: Id) =>
    target({ key: `copy:${toCopy}`, accepts: () => String(toCopy) !== shownId, drop: (d) => void onCommand({ page: d.page, command: { kind: 'move', toCopy } }) })

  return { dragging: dragged?.page, over, grip, pageTarget, copyTarget }
}

export type PageDrag = ReturnType<typeof usePageDrag>
