import {
  isBoxKind,
  isMarkKind,
  isStrokeKind,
  isTextKind,
  type AnnotationShape,
  type AnnotationStyle,
  type StoredAnnotation,
} from './types'

/**
 * History of the record shape:
 * - v1 (the first cut): marks `{x, y}`, boxes `{x, y, w, h}`, strokes `{points: [[x, y], …]}`,
 *   texts `{x, y}`, style `{color, strokeWidth}`.
 * - v2: explicit sizes (`size`, `width`/`height`, `fontSize`), flat stroke points, style `{color, width, opacity}`.
 */
export const SCHEMA_VERSION = 2

export class UnsupportedSchemaError extends Error {
  constructor(readonly schemaVersion: number) {
    super(`Annotation schema ${schemaVersion} is newer than this portal (${SCHEMA_VERSION}): reload the page`)
  }
}

export const DEFAULT_STYLE: AnnotationStyle = { color: '#d32f2f', width: 2, opacity: 1 }
const DEFAULT_MARK_SIZE = 24
const DEFAULT_TEXT = { width: 220, fontSize: 14 }

type Loose = Record<string, unknown>
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)
const obj = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Loose) : {})

const flattenPoints = (points: unknown): number[] => {
  if (!Array.isArray(points)) return []
  if (points.every((p) => typeof p === 'number')) return points as number[]
  return points.flatMap((p) => (Array.isArray(p) ? [num(p[0], 0), num(p[1], 0)] : [num(obj(p).x, 0), num(obj(p).y, 0)]))
}

/**
 * v1 → v2. It reads v1 and v2 field names alike and fills what is missing, so the last step also
 * repairs a current record written with holes (a number missing, points as pairs).
 */
const toV2 = (record: StoredAnnotation): StoredAnnotation => {
  const g = obj(record.geometry)
  const s = obj(record.style)
  const style = { color: typeof s.color === 'string' ? s.color : DEFAULT_STYLE.color, width: num(s.strokeWidth ?? s.width, DEFAULT_STYLE.width), opacity: num(s.opacity, 1) }
  let geometry: unknown = g
  if (isStrokeKind(record.kind)) geometry = { points: flattenPoints(g.points) }
  else if (isBoxKind(record.kind)) geometry = { x: num(g.x, 0), y: num(g.y, 0), width: num(g.w ?? g.width, 0), height: num(g.h ?? g.height, 0) }
  else if (isMarkKind(record.kind)) geometry = { x: num(g.x, 0), y: num(g.y, 0), size: num(g.size, DEFAULT_MARK_SIZE) }
  else if (isTextKind(record.kind))
    geometry = { x: num(g.x, 0), y: num(g.y, 0), width: num(g.width, DEFAULT_TEXT.width), fontSize: num(g.fontSize, DEFAULT_TEXT.fontSize) }
  return { ...record, geometry, style, schemaVersion: 2 }
}

/** Step n upgrades a record of version n to n + 1. Pure: the input is never mutated. */
const STEPS: Record<number, (record: StoredAnnotation) => StoredAnnotation> = { 1: toV2 }

// While v2 is current its own upgrade step doubles as the repair of a v2 record; a v3 brings its own.
const repairCurrent = toV2

/** Brings a stored record of any known version up to SCHEMA_VERSION. */
export const migrateAnnotation = (stored: StoredAnnotation): AnnotationShape => {
  let record = { ...stored, schemaVersion: stored.schemaVersion ?? 1 }
  if (record.schemaVersion > SCHEMA_VERSION) throw new UnsupportedSchemaError(record.schemaVersion)
  while (record.schemaVersion! < SCHEMA_VERSION) {
    const step = STEPS[record.schemaVersion!]
    if (!step) throw new UnsupportedSchemaError(record.schemaVersion!)
    record = { ...step(record), schemaVersion: record.schemaVersion! + 1 }
  }
  record = { ...repairCurrent(record), schemaVersion: SCHEMA_VERSION }
  const style = { ...DEFAULT_STYLE, ...obj(record.style) } as AnnotationStyle
  return { kind: record.kind, page: record.page, geometry: record.geometry, style, text: record.text ?? '' } as AnnotationShape
}

/** The body sent to the server for a shape, always at the current version. */
export const toStored = (shape: AnnotationShape): Required<StoredAnnotation> => ({
  kind: shape.kind,
  page: shape.page,
  geometry: shape.geometry,
  style: shape.style,
  text: shape.text,
  schemaVersion: SCHEMA_VERSION,
})
