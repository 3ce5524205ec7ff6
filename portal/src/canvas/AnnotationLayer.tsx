import type Konva from 'konva'
import { useEffect, useMemo, useRef } from 'react'
import { Layer, Stage, Transformer } from 'react-konva'

import { boundsOf, fitToBox } from '../annotations/model'
import type { AnnotationStore, Item } from '../annotations/store'
import { DraftLayer } from './DraftLayer'
import { ShapeNode } from './ShapeNode'
import type { Tool } from './tools'
import { useDrawingGesture } from './useDrawingGesture'

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

/**
 * The Konva stage over one PDF page. Stored shapes live on one layer, the stroke being drawn on another
 * (DraftLayer, fed by useDrawingGesture), so a pen stroke redraws a single line however many annotations
 * the page already holds. Here: selection, moving and resizing, and double-click to edit a text.
 */
export const AnnotationLayer = (props: Props) => {
  const { color, items, onEditText, onSelect, page, readOnly, selectedId, size, stampText, store, tool, zoom } = props
  const stageRef = useRef<Konva.Stage>(null)
  const transformer = useRef<Konva.Transformer>(null)
  const { drafts, handlers } = useDrawingGesture({ stage: stageRef, page, zoom, tool, color, stampText, readOnly, store, onSelect, onEditText })

  const pageItems = useMemo(() => items.filter((item) => item.shape.page === page), [items, page])
  const byId = useMemo(() => new Map(pageItems.map((item) => [item.localId, item])), [pageItems])

  useEffect(() => {
    const node = selectedId ? stageRef.current?.findOne((n: Konva.Node) => n.id() === selectedId) : undefined
    transformer.current?.nodes(node && tool === 'select' && !readOnly ? [node] : [])
    transformer.current?.getLayer()?.batchDraw()
  }, [selectedId, tool, readOnly, pageItems])

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
      {...handlers}
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
      <DraftLayer drafts={drafts} />
    </Stage>
  )
}
