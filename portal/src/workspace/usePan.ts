import { useRef, type PointerEvent, type RefObject } from 'react'

/** Drag the page with the middle button, or with any button while Space is held. */
export const usePan = ({ viewport, spaceHeld }: { viewport: RefObject<HTMLDivElement | null>; spaceHeld: boolean }) => {
  const last = useRef<{ x: number; y: number } | null>(null)
  return {
    onPointerDownCapture: (e: PointerEvent<HTMLDivElement>) => {
      if (!(spaceHeld || e.button === 1)) return
      e.preventDefault()
      e.stopPropagation()
      last.current = { x: e.clientX, y: e.clientY }
      e.currentTarget.setPointerCapture(e.pointerId)
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      if (!last.current || !viewport.current) return
      viewport.current.scrollBy(last.current.x - e.clientX, last.current.y - e.clientY)
      last.current = { x: e.clientX, y: e.clientY }
    },
    onPointerUp: () => {
      last.current = null
    },
  }
}
