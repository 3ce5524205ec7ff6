import type { PDFPageProxy } from './pdf'

export type Prerendered = { page: PDFPageProxy; ratio: number; bitmap: Promise<HTMLCanvasElement | null> }

let pending: Prerendered | null = null

/**
 * Starts painting a page before the workspace that shows it has mounted (the copy's data arrives first,
 * React and Konva take a few hundred milliseconds to set up): the canvas picks the bitmap up when it mounts.
 */
export const prerender = ({ page, zoom }: { page: PDFPageProxy; zoom: number }): void => {
  performance.mark('korrigo:render-start')
  const ratio = zoom * (window.devicePixelRatio || 1)
  const viewport = page.getViewport({ scale: ratio })
  const canvas = document.createElement('canvas')
  canvas.width = Math.floor(viewport.width)
  canvas.height = Math.floor(viewport.height)
  const task = page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport })
  pending = { page, ratio, bitmap: task.promise.then(() => canvas, () => null) }
}

/** The prerendered bitmap of `page`, once; null when none was started for it. */
export const takePrerendered = (page: PDFPageProxy): Prerendered | null => {
  if (pending?.page !== page) return null
  const found = pending
  pending = null
  return found
}

/** Layout of the copy view (thumbnails 140 px, side panel 380 px): close to what "fit width" will pick (a classic scrollbar takes ~1 % off). */
export const guessFitZoom = (pageWidth: number): number => Math.max(0.1, (window.innerWidth - 140 - 380 - 2 - 32) / pageWidth)
