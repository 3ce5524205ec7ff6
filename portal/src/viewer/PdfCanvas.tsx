import { useEffect, useRef } from 'react'

import type { PDFPageProxy } from './pdf'
import { takePrerendered } from './prerender'

/** Browsers refuse canvases much above this many pixels; past it we trade sharpness for a picture. */
const MAX_PIXELS = 24_000_000
let firstPageMarked = false

/**
 * Draws one page at exactly `zoom` × device pixels, so it stays crisp at any zoom. While a new zoom is
 * being rendered, the previous bitmap is stretched to the new size instead of flashing blank.
 */
export const PdfCanvas = ({ page, zoom, className, onRendered }: { page: PDFPageProxy; zoom: number; className?: string; onRendered?: () => void }) => {
  const ref = useRef<HTMLCanvasElement>(null)
  const base = page.getViewport({ scale: 1 })
  const cssWidth = Math.round(base.width * zoom)
  const cssHeight = Math.round(base.height * zoom)

  useEffect(() => {
    const canvas = ref.current
    if (!canvas) return
    let ratio = zoom * (window.devicePixelRatio || 1)
    const pixels = base.width * base.height * ratio * ratio
    if (pixels > MAX_PIXELS) ratio *= Math.sqrt(MAX_PIXELS / pixels)
    let cancelled = false
    const show = (bitmap: HTMLCanvasElement, exact: boolean) => {
      if (cancelled) return
      if (exact) {
        canvas.width = bitmap.width
        canvas.height = bitmap.height
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0)
        canvas.dataset.rendered = String(zoom)
      } else {
        // A bitmap painted for a slightly different zoom: stretched until the exact one is ready.
        canvas.width = Math.floor(base.width * ratio)
        canvas.height = Math.floor(base.height * ratio)
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
      }
      if (!firstPageMarked) {
        firstPageMarked = true
        performance.mark('korrigo:first-page')
      }
      if (exact) onRendered?.()
    }
    const early = takePrerendered(page)
    if (early && Math.abs(early.ratio - ratio) / ratio < 0.02) {
      early.bitmap.then((bitmap) => bitmap && show(bitmap, true))
      return () => {
        cancelled = true
      }
    }
    early?.bitmap.then((bitmap) => bitmap && !canvas.dataset.rendered && show(bitmap, false))
    if (!firstPageMarked && !early) performance.mark('korrigo:render-start')
    const viewport = page.getViewport({ scale: ratio })
    const offscreen = document.createElement('canvas')
    offscreen.width = Math.floor(viewport.width)
    offscreen.height = Math.floor(viewport.height)
    const task = page.render({ canvas: offscreen, canvasContext: offscreen.getContext('2d')!, viewport })
    task.promise.then(() => show(offscreen, true)).catch(() => undefined)
    return () => {
      cancelled = true
      task.cancel()
    }
  }, [page, zoom])

  return <canvas ref={ref} className={className} style={{ width: cssWidth, height: cssHeight }} />
}
