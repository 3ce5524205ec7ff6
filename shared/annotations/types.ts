/**
 * Every coordinate here is in PDF points (1/72 in), origin at the top-left corner of the upright page.
 * Screen scale (zoom × device pixels) is applied by the stage only and never reaches a record.
 */
export type PagePoint = { x: number; y: number }
export type PageBox = { x: number; y: number; width: number; height: number }

/** A polyline, flattened as x0, y0, x1, y1, … (Konva's own layout, and compact in JSON). */
export type StrokeGeometry = { points: number[] }
export type BoxGeometry = PageBox
/** A stamp centred on (x, y), `size` points wide. */
export type MarkGeometry = { x: number; y: number; size: number }
/** A text block anchored at its top-left corner, wrapped at `width`. */
export type TextGeometry = { x: number; y: number; width: number; fontSize: number }

export type StrokeKind = 'pen' | 'highlighter'
export type BoxKind = 'rectangle' | 'ellipse'
export type MarkKind = 'tick' | 'cross' | 'question' | 'stamp'
export type TextKind = 'text' | 'comment'
export type AnnotationKind = StrokeKind | BoxKind | MarkKind | TextKind

/** `width` is a stroke width in points; `opacity` 0–1. */
export type AnnotationStyle = { color: string; width: number; opacity: number }

type Common = { page: number; style: AnnotationStyle; text: string }

export type AnnotationShape =
  | (Common & { kind: StrokeKind; geometry: StrokeGeometry })
  | (Common & { kind: BoxKind; geometry: BoxGeometry })
  | (Common & { kind: MarkKind; geometry: MarkGeometry })
  | (Common & { kind: TextKind; geometry: TextGeometry })

/** What the server stores: loosely typed, possibly written by an older portal. */
export type StoredAnnotation = {
  kind: string
  page: number
  geometry: unknown
  style?: unknown
  text?: string | null
  schemaVersion?: number | null
}

export const STROKE_KINDS: readonly StrokeKind[] = ['pen', 'highlighter']
export const BOX_KINDS: readonly BoxKind[] = ['rectangle', 'ellipse']
export const MARK_KINDS: readonly MarkKind[] = ['tick', 'cross', 'question', 'stamp']
export const TEXT_KINDS: readonly TextKind[] = ['text', 'comment']

export const isStrokeKind = (kind: string): kind is StrokeKind => (STROKE_KINDS as readonly string[]).includes(kind)
export const isBoxKind = (kind: string): kind is BoxKind => (BOX_KINDS as readonly string[]).includes(kind)
export const isMarkKind = (kind: string): kind is MarkKind => (MARK_KINDS as readonly string[]).includes(kind)
export const isTextKind = (kind: string): kind is TextKind => (TEXT_KINDS as readonly string[]).includes(kind)
