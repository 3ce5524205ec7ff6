import type Konva from 'konva'
import { useEffect, useMemo, useRef } from 'react'
import { Ellipse, Layer, Line, Rect, Stage, Transformer } from 'react-konva'

import { boundsOf, fitToBox, smoothStroke, type AnnotationShape, type AnnotationStyle } from '../annotations/model'
import type { AnnotationStore, Item } from '../annotations/store'
import { ShapeNode } from './ShapeNode'
import { SIZES, type Tool } from './tools'

export type TextRequest = { localId?: string; kind: 'text' | 'comment'; x: number; y: number; text: string }

type Props = {
  page: number
  size: { width: number; height: number }
  zoom: number
  items: Item[]
  store: AnnotationStore
  tool: Tool
  color: string
  stampText: string
  readOnly: boolean
  selectedId: string | null
  onSelect: (localId: string | null) => void
  onEditText: (request: TextRequest) => void
}

const DRAWS_STROKE = new Set<Tool>(['pen', 'highlighter'])
const DRAWS_BOX = new Set<Tool>(['rectangle', 'ellipse'])

const annotationIdOf = (node: Konva.Node | null): string | null => {
  for (let n: Konva.Node | null = node; n; n = n.getParent()) if (n.hasName('annotation')) return n.id()
  return null
}

/**
 * The Konva stage over one PDF page. Stored shapes live on one layer, the stroke being drawn on another,
 * so a pen stroke redraws a single line however many annotations the page already holds.
 */
export const AnnotationLayer = (props: Props) => {
  const { color, items, onEditText, onSelect, page, readOnly, selectedId, size, stampText, store, tool, zoom } = props
  const stageRef = useRef<Konva.Stage>(null)
  const draftLayer = useRef<Konva.Layer>(null)
  const draftLine = useRef<Konva.Line>(null)
  const draftRect = useRef<Konva.Rect>(null)
  const draftEllipse = useRef<Konva.Ellipse>(null)
  const transformer = useRef<Konva.Transformer>(null)
  const gesture = useRef<{ points: number[]; start?: { x: number; y: number }; erasing?: boolean; text?: { x: number; y: number } } | null>(null)

  const pageItems = useMemo(() => items.filter((item) => item.shape.page === page), [items, page])
  const byId = useMemo(() => new Map(pageItems.map((item) => [item.localId, item])), [pageItems])

  useEffect(() => {
    const node = selectedId ? stageRef.current?.findOne((n: Konva.Node) => n.id() === selectedId) : undefined
    transformer.current?.nodes(node && tool === 'select' && !readOnly ? [node] : [])
    transformer.current?.getLayer()?.batchDraw()
  }, [selectedId, tool, readOnly, pageItems])

  const style = (width: number): AnnotationStyle => ({ color, width, opacity: 1 })
  const pointer = () => {
    const p = stageRef.current!.getPointerPosition()!
    return { x: Math.round((p.x / zoom) * 100) / 100, y: Math.round((p.y / zoom) * 100) / 100 }
  }

  /** A group was dragged or resized: fold its offset/scale back into page-point geometry. */
  const commitNode = (localId: string, node: Konva.Node) => {
    const item = byId.get(localId)
    const sx = node.scaleX()
    const sy = node.scaleY()
    const gx = node.x()
    const gy = node.y()
    node.position({ x: 0, y: 0 })
    node.scale({ x: 1, y: 1 })
    if (!item) return
    const from = boundsOf(item.shape)
    const to = { x: gx + from.x * sx, y: gy + from.y * sy, width: from.width * sx, height: from.height * sy }
    store.update(localId, fitToBox(item.shape, from, to))
  }

  const eraseAt = () => {
    const p = stageRef.current!.getPointerPosition()!
    const id = annotationIdOf(stageRef.current!.getIntersection(p))
    if (id) store.remove(id)
  }

  const onPointerDown = (event: Konva.KonvaEventObject<PointerEvent>) => {
    if (readOnly || event.evt.button === 1 || event.evt.button === 2) return
    const at = pointer()
    if (tool === 'select') {
      onSelect(annotationIdOf(event.target === stageRef.current ? null : event.target))
      return
    }
    if (tool === 'eraser') {
      gesture.current = { points: [], erasing: true }
      eraseAt()
      return
    }
    if (tool === 'text') {
      // Opened on release: a focus taken on press would be lost to the canvas click right after.
      gesture.current = { points: [], text: at }
      return
    }
    if (tool === 'tick' || tool === 'cross' || tool === 'question' || tool === 'stamp') {
      const s = tool === 'stamp' ? SIZES.stamp : SIZES.mark
      const shape = { kind: tool, page, geometry: { x: at.x, y: at.y, size: s }, style: style(2), text: tool === 'stamp' ? stampText : '' } as AnnotationShape
      store.add(shape)
      return
    }
    gesture.current = { points: [at.x, at.y], start: at }
    if (DRAWS_STROKE.has(tool)) {
      const line = draftLine.current!
      line.setAttrs({
        points: [at.x, at.y, at.x, at.y],
        stroke: color,
        strokeWidth: tool === 'pen' ? SIZES.penWidth : SIZES.highlighterWidth,
        opacity: tool === 'pen' ? 1 : 0.35,
        visible: true,
      })
    }
    draftLayer.current?.batchDraw()
  }

  const onPointerMove = () => {
    const g = gesture.current
    if (!g) return
    if (g.erasing) return eraseAt()
    if (g.text) return
    const at = pointer()
    if (DRAWS_STROKE.has(tool)) {
      g.points.push(at.x, at.y)
      draftLine.current!.points(g.points)
    } else if (DRAWS_BOX.has(tool) && g.start) {
      const box = { x: Math.min(g.start.x, at.x), y: Math.min(g.start.y, at.y), width: Math.abs(at.x - g.start.x), height: Math.abs(at.y - g.start.y) }
      if (tool === 'rectangle') draftRect.current!.setAttrs({ ...box, stroke: color, visible: true })
      else draftEllipse.current!.setAttrs({ x: box.x + box.width / 2, y: box.y + box.height / 2, radiusX: box.width / 2, radiusY: box.height / 2, stroke: color, visible: true })
    }
    draftLayer.current?.batchDraw()
  }

  const onPointerUp = () => {
    const g = gesture.current
    gesture.current = null
    if (!g || g.erasing) return
    if (g.text) return onEditText({ kind: 'text', x: g.text.x, y: g.text.y, text: '' })
    draftLine.current?.visible(false)
    draftRect.current?.visible(false)
    draftEllipse.current?.visible(false)
    draftLayer.current?.batchDraw()
    if (DRAWS_STROKE.has(tool) && g.points.length >= 4) {
      const points = smoothStroke({ points: g.points, minDistance: 0.8 })
      store.add({ kind: tool as 'pen', page, geometry: { points }, style: style(tool === 'pen' ? SIZES.penWidth : SIZES.highlighterWidth), text: '' })
    } else if (DRAWS_BOX.has(tool) && g.start) {
      const at = pointer()
      const box = { x: Math.min(g.start.x, at.x), y: Math.min(g.start.y, at.y), width: Math.abs(at.x - g.start.x), height: Math.abs(at.y - g.start.y) }
      if (box.width > 2 && box.height > 2) store.add({ kind: tool as 'rectangle', page, geometry: box, style: style(SIZES.boxWidth), text: '' })
    }
  }

  const editText = (localId: string) => {
    const item = byId.get(localId)
    if (!item || readOnly || (item.shape.kind !== 'text' && item.shape.kind !== 'comment')) return
    onEditText({ localId, kind: item.shape.kind, x: item.shape.geometry.x, y: item.shape.geometry.y, text: item.shape.text })
  }

  const interactive = tool === 'select' || tool === 'eraser'
  return (
    <Stage
      ref={stageRef}
      className={`annotation-stage tool-${tool}`}
      width={Math.round(size.width * zoom)}
      height={Math.round(size.height * zoom)}
      scaleX={zoom}
      scaleY={zoom}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={onPointerUp}
    >
      <Layer listening={interactive}>
        {pageItems.map((item) => (
          <ShapeNode
            key={item.localId}
            localId={item.localId}
            shape={item.shape}
            draggable={tool === 'select' && !readOnly}
            onDragEnd={commitNode}
            onDblClick={editText}
          />
        ))}
        <Transformer
          ref={transformer}
          rotateEnabled={false}
          ignoreStroke
          keepRatio={false}
          onTransformEnd={() => {
            const node = transformer.current?.nodes()[0]
            if (node) commitNode(node.id(), node)
          }}
        />
      </Layer>
      <Layer ref={draftLayer} listening={false}>
        <Line ref={draftLine} visible={false} lineCap="round" lineJoin="round" tension={0.4} perfectDrawEnabled={false} />
        <Rect ref={draftRect} visible={false} strokeWidth={SIZES.boxWidth} />
        <Ellipse ref={draftEllipse} visible={false} radiusX={0} radiusY={0} strokeWidth={SIZES.boxWidth} />
      </Layer>
    </Stage>
  )
}
