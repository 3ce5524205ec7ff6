import type { ScaleQuestion } from '../../../collections/grading-scale'

export type { ScaleQuestion }

/** An annotation as stored (any schema version); `normalizeAnnotation` brings it to the portal's current shape. */
export type StoredAnnotation = {
  kind: string
  page: number
  geometry: unknown
  style?: unknown
  text?: string | null
  schemaVersion?: number | null
}

/** The portal's shapes (schema v2). Coordinates: PDF points, top-left origin of the upright, cropped page. */
export type Style = { color: string; width: number; opacity: number }
export type StrokeShape = { kind: 'pen' | 'highlighter'; page: number; style: Style; text: string; geometry: { points: number[] } }
export type BoxShape = { kind: 'rectangle' | 'ellipse'; page: number; style: Style; text: string; geometry: { x: number; y: number; width: number; height: number } }
export type MarkShape = { kind: 'tick' | 'cross' | 'question' | 'stamp'; page: number; style: Style; text: string; geometry: { x: number; y: number; size: number } }
export type TextShape = { kind: 'text' | 'comment'; page: number; style: Style; text: string; geometry: { x: number; y: number; width: number; fontSize: number } }
export type Shape = StrokeShape | BoxShape | MarkShape | TextShape

export type GradeLine = { questionKey: string; points: number | null | undefined; comment?: string | null }

export type RenderLocale = 'fr' | 'en'

export type RenderAnnotatedPdfInput = {
  copyPdf: Uint8Array
  annotations: StoredAnnotation[]
  grades: GradeLine[]
  /** The exam's grading scale, in order. */
  scale: ScaleQuestion[]
  /** Restored on the summary page only; the annotated pages stay anonymous. */
  studentName?: string | null
  examTitle: string
  anonymousId?: string | null
  locale?: RenderLocale
}
