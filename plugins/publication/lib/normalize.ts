import type { Shape, StoredAnnotation, Style } from './types'

/**
 * Reads a stored annotation the way the portal does (portal/src/annotations/model/migrate.ts):
 * v1 records (`w`/`h` boxes, `[[x, y]]` strokes, `strokeWidth`) are brought to v2 so that old
 * markings print like the portal shows them. Unknown kinds or newer schemas are skipped, not guessed.
 */
export const CURRENT_SCHEMA = 2
const DEFAULT_STYLE: Style = { color: '#d32f2f', width: 2, opacity: 1 }
const DEFAULT_MARK_SIZE = 24
const DEFAULT_TEXT = { width: 220, fontSize: 14 }

type Loose = Record<string, unknown>
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)
const obj = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Loose) : {})

const flatPoints = (points: unknown): number[] => {
  if (!Array.isArray(points)) return []
  if (points.every((p) => typeof p === 'number')) return points as number[]
  return points.flatMap((p) => (Array.isArray(p) ? [num(p[0], 0), num(p[1], 0)] : [num(obj(p).x, 0), num(obj(p).y, 0)]))
}

const styleOf = (raw: unknown): Style => {
  const s = obj(raw)
  return {
    color: typeof s.color === 'string' ? s.color : DEFAULT_STYLE.color,
    width: num(s.width ?? s.strokeWidth, DEFAULT_STYLE.width),
    opacity: num(s.opacity, DEFAULT_STYLE.opacity),
  }
}

export const normalizeAnnotation = (stored: StoredAnnotation): Shape | undefined => {
  if ((stored.schemaVersion ?? 1) > CURRENT_SCHEMA) return undefined
  const g = obj(stored.geometry)
  const common = { page: stored.page, style: styleOf(stored.style), text: stored.text ?? '' }
  switch (stored.kind) {
    case 'pen':
    case 'highlighter':
      return { ...common, kind: stored.kind, geometry: { points: flatPoints(g.points) } }
    case 'rectangle':
    case 'ellipse':
      return { ...common, kind: stored.kind, geometry: { x: num(g.x, 0), y: num(g.y, 0), width: num(g.width ?? g.w, 0), height: num(g.height ?? g.h, 0) } }
    case 'tick':
    case 'cross':
    case 'question':
    case 'stamp':
      return { ...common, kind: stored.kind, geometry: { x: num(g.x, 0), y: num(g.y, 0), size: num(g.size, DEFAULT_MARK_SIZE) } }
    case 'text':
    case 'comment':
      return {
        ...common,
        kind: stored.kind,
        geometry: { x: num(g.x, 0), y: num(g.y, 0), width: num(g.width, DEFAULT_TEXT.width), fontSize: num(g.fontSize, DEFAULT_TEXT.fontSize) },
      }
    default:
      return undefined
  }
}
