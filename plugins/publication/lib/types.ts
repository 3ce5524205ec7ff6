import type { ScaleQuestion } from '../../../collections/grading-scale'
import type { AnnotationShape, AnnotationStyle, BoxKind, MarkKind, StoredAnnotation, StrokeKind, TextKind } from '../../../shared/annotations'

export type { ScaleQuestion }

/** The portal's own model (shared/annotations): what is burned into the PDF is what the portal drew. */
export type { StoredAnnotation }
export type Style = AnnotationStyle
export type Shape = AnnotationShape
export type StrokeShape = Extract<AnnotationShape, { kind: StrokeKind }>
export type BoxShape = Extract<AnnotationShape, { kind: BoxKind }>
export type MarkShape = Extract<AnnotationShape, { kind: MarkKind }>
export type TextShape = Extract<AnnotationShape, { kind: TextKind }>

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
