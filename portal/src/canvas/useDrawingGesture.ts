import type Konva from 'konva'
import { useRef, type RefObject } from 'react'

import { smoothStroke, type AnnotationShape, type AnnotationStyle } from '../annotations/model'
import type { AnnotationStore } from '../annotations/store'
import type { TextRequest } from './AnnotationLayer'
import { SIZES, type Tool } from './tools'

const DRAWS_STROKE = new Set<Tool>(['pen', 'highlighter'])
const DRAWS_BOX = new Set<Tool>(['rectangle', 'ellipse'])

/** The annotation a Konva node belongs to (its group carries the annotation's id), or null. */
export const annotationIdOf = (node: Konva.Node | null): string | null => {
  for (let n: Konva.Node | null = node; n; n = n.getParent()) if (n.hasName('annotation')) return n.id()
  return null
}

/** The shapes drawn while the pointer moves, on their own layer: one line redrawn, not the whole page. */
export type Drafts = {
  layer: RefObject<Konva.Layer | null>
  line: RefObject<Konva.Line | null>
  rect: RefObject<Konva.Rect | null>
  ellipse: RefObject<Konva.Ellipse | null>
}

type Gesture = { points: number[]; start?: { x: number; y: number }; erasing?: boolean; text?: { x: number; y: number } }

type Args = {
  stage: RefObject<Konva.Stage | null>
  page: number
  zoom: number
  tool: Tool
  color: string
  stampText: string
  readOnly: boolean
  store: AnnotationStore
  onSelect: (localId: string | null) => void
  onEditText: (request: TextRequest) => void
}

const boxBetween = (a: { x: number; y: number }, b: { x: number; y: number }) => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) })

/**
 * What a press, a move and a release do with the current tool: a mark placed at once, a stroke or a box
 * drawn as a draft then stored in page points, the eraser removing what it passes over, the text tool asking
 * for the text where it was released.
 */
export const useDrawingGesture = ({ stage, page, zoom, tool, color, stampText, readOnly, store, onSelect, onEditText }: Args) => {
  const drafts: Drafts = { layer: useRef(null), line: useRef(null), rect: useRef(null), ellipse: useRef(null) }
  const gesture = useRef<Gesture | null>(null)

  const style = (width: number): AnnotationStyle => ({ color, width, opacity: 1 })
  const pointer = () => {
    const p = stage.current!.getPointerPosition()!
    return { x: Math.round((p.x / zoom) * 100) / 100, y: Math.round((p.y / zoom) * 100) / 100 }
  }
  const eraseAt = () => {
    const p = stage.current!.getPointerPosition()!
    const id = annotationIdOf(stage.current!.getIntersection(p))
    if (id) store.remove(id)
  }

  const onPointerDown = (event: Konva.KonvaEventObject<PointerEvent>) => {
    if (readOnly || event.evt.button === 1 || event.evt.button === 2) return
    const at = pointer()
    if (tool === 'select') return onSelect(annotationIdOf(event.target === stage.current ? null : event.target))
    if (tool === 'eraser') {
      gesture.current = { points: [], erasing: true }
      return eraseAt()
    }
    if (tool === 'text') {
      // Opened on release: a focus taken on press would be lost to the canvas click right after.
      gesture.current = { points: [], text: at }
      return
    }
    if (tool === 'tick' || tool === 'cross' || tool === 'question' || tool === 'stamp') {
      const size = tool === 'stamp' ? SIZES.stamp : SIZES.mark
      store.add({ kind: tool, page, geometry: { x: at.x, y: at.y, size }, style: style(2), text: tool === 'stamp' ? stampText : '' } as AnnotationShape)
      return
    }
    gesture.current = { points: [at.x, at.y], start: at }
    if (DRAWS_STROKE.has(tool))
      drafts.line.current!.setAttrs({
        points: [at.x, at.y, at.x, at.y],
        stroke: color,
        strokeWidth: tool === 'pen' ? SIZES.penWidth : SIZES.highlighterWidth,
        opacity: tool === 'pen' ? 1 : 0.35,
        visible: true,
      })
    drafts.layer.current?.batchDraw()
  }

  const onPointerMove = () => {
    const g = gesture.current
    if (!g) return
    if (g.erasing) return eraseAt()
    if (g.text) return
    const at = pointer()
    if (DRAWS_STROKE.has(tool)) {
      g.points.push(at.x, at.y)
      drafts.line.current!.points(g.points)
    } else if (DRAWS_BOX.has(tool) && g.start) {
      const box = boxBetween(g.start, at)
      if (tool === 'rectangle') drafts.rect.current!.setAttrs({ ...box, stroke: color, visible: true })
      else drafts.ellipse.current!.setAttrs({ x: box.x + box.width / 2, y: box.y + box.height / 2, radiusX: box.width / 2, radiusY: box.height / 2, stroke: color, visible: true })
    }
    drafts.layer.current?.batchDraw()
  }

  const onPointerUp = () => {
    const g = gesture.current
    gesture.current = null
    if (!g || g.erasing) return
    if (g.text) return onEditText({ kind: 'text', x: g.text.x, y: g.text.y, text: '' })
    drafts.line.current?.visible(false)
    drafts.rect.current?.visible(false)
    drafts.ellipse.current?.visible(false)
    drafts.layer.current?.batchDraw()
    if (DRAWS_STROKE.has(tool) && g.points.length >= 4) {
      const points = smoothStroke({ points: g.points, minDistance: 0.8 })
      store.add({ kind: tool as 'pen', page, geometry: { points }, style: style(tool === 'pen' ? SIZES.penWidth : SIZES.highlighterWidth), text: '' })
    } else if (DRAWS_BOX.has(tool) && g.start) {
      const box = boxBetween(g.start, pointer())
      if (box.width > 2 && box.height > 2) store.add({ kind: tool as 'rectangle', page, geometry: box, style: style(SIZES.boxWidth), text: '' })
    }
  }

  return { drafts, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerLeave: onPointerUp } }
}
