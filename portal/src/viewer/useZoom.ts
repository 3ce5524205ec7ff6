import { useEffect, useState, type RefObject } from 'react'

import { fitWidth, nextZoom } from './zoom'

type ZoomMode = { fit: true } | { fit: false; value: number }

/** The page's zoom: fitted to the viewport's width (followed as it resizes) until the teacher zooms; Ctrl+wheel zooms. */
export const useZoom = ({ viewport, pageWidth }: { viewport: RefObject<HTMLDivElement | null>; pageWidth: number }) => {
  const [mode, setMode] = useState<ZoomMode>({ fit: true })
  const [available, setAvailable] = useState(800)

  useEffect(() => {
    const el = viewport.current
    if (!el) return
    const observer = new ResizeObserver(() => setAvailable(el.clientWidth))
    observer.observe(el)
    setAvailable(el.clientWidth)
    return () => observer.disconnect()
  }, [viewport])

  useEffect(() => {
    const el = viewport.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return
      e.preventDefault()
      setMode((current) => {
        const value = current.fit ? fitWidth({ available: el.clientWidth, pageWidth }) : current.value
        return { fit: false, value: nextZoom(value, e.deltaY < 0 ? 1 : -1) }
      })
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [viewport, pageWidth])

  const zoom = mode.fit ? fitWidth({ available, pageWidth }) : mode.value
  return {
    zoom,
    change: (direction: 1 | -1) => setMode({ fit: false, value: nextZoom(zoom, direction) }),
    fit: () => setMode({ fit: true }),
  }
}
