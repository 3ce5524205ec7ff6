import { SCHEMA_VERSION } from './migrate'
import { BOX_KINDS, MARK_KINDS, STROKE_KINDS, TEXT_KINDS, isBoxKind, isMarkKind, isStrokeKind, isTextKind } from './types'

/** Every kind an annotation may have, in the order the admin lists them (and the database's enum holds them). */
export const ANNOTATION_KINDS = ['pen', 'highlighter', 'text', 'tick', 'cross', 'question', 'stamp', 'rectangle', 'ellipse', 'comment'] as const satisfies readonly (
  | (typeof STROKE_KINDS)[number]
  | (typeof BOX_KINDS)[number]
  | (typeof MARK_KINDS)[number]
  | (typeof TEXT_KINDS)[number]
)[]

/** Page coordinates are PDF points: A3 is 1191 pt wide; anything far beyond is not a page position. */
const MAX_COORDINATE = 5000
/** A pen stroke of 10,000 points is already minutes of drawing without lifting the pen. */
const MAX_STROKE_NUMBERS = 20_000
const MAX_TEXT = 10_000

type Loose = Record<string, unknown>
const isObject = (value: unknown): value is Loose => !!value && typeof value === 'object' && !Array.isArray(value)
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * What is wrong with an annotation as a client writes it (the current schema only: older records are
 * upgraded when read, never written), each problem naming its field; empty when it is well-formed.
 */
export const annotationProblems = (record: { kind?: unknown; geometry?: unknown; style?: unknown; text?: unknown; schemaVersion?: unknown }): string[] => {
  const problems: string[] = []
  if (record.schemaVersion !== undefined && record.schemaVersion !== SCHEMA_VERSION) problems.push(`schemaVersion: ${JSON.stringify(record.schemaVersion)} is not the current ${SCHEMA_VERSION}`)
  const kind = typeof record.kind === 'string' ? record.kind : ''
  if (!(ANNOTATION_KINDS as readonly string[]).includes(kind)) problems.push(`kind: ${JSON.stringify(record.kind)} is not one of ${ANNOTATION_KINDS.join(', ')}`)
  const g = record.geometry
  const coordinate = (name: string) => {
    const value = isObject(g) ? g[name] : undefined
    if (!finite(value) || Math.abs(value) > MAX_COORDINATE) problems.push(`geometry.${name}: expected a number of points within ±${MAX_COORDINATE}, got ${JSON.stringify(value)}`)
  }
  /** an optional size (the model fills a default when it is absent) is checked when given */
  const size = (name: string, { min = 0, max = MAX_COORDINATE, optional = false } = {}) => {
    const value = isObject(g) ? g[name] : undefined
    if (optional && value === undefined) return
    if (!finite(value) || value < min || value > max) problems.push(`geometry.${name}: expected a number from ${min} to ${max}, got ${JSON.stringify(value)}`)
  }
  if (!isObject(g)) problems.push('geometry: expected an object')
  else if (isStrokeKind(kind)) {
    const points = g.points
    if (!Array.isArray(points) || points.length < 2 || points.length % 2 !== 0 || points.length > MAX_STROKE_NUMBERS) problems.push(`geometry.points: expected x, y pairs as a flat list of 2 to ${MAX_STROKE_NUMBERS} numbers`)
    else if (!points.every((p) => finite(p) && Math.abs(p) <= MAX_COORDINATE)) problems.push(`geometry.points: every value must be a number of points within ±${MAX_COORDINATE}`)
  } else if (isBoxKind(kind)) {
    coordinate('x')
    coordinate('y')
    size('width')
    size('height')
  } else if (isMarkKind(kind)) {
    coordinate('x')
    coordinate('y')
    size('size', { min: 1, max: 500, optional: true })
  } else if (isTextKind(kind)) {
    coordinate('x')
    coordinate('y')
    size('width', { min: 1, optional: true })
    size('fontSize', { min: 4, max: 200, optional: true })
  }
  const s = record.style
  if (s !== undefined && s !== null) {
    if (!isObject(s)) problems.push('style: expected an object')
    else {
      if (s.color !== undefined && (typeof s.color !== 'string' || !/^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(s.color))) problems.push(`style.color: expected #rgb or #rrggbb, got ${JSON.stringify(s.color)}`)
      if (s.width !== undefined && (!finite(s.width) || s.width <= 0 || s.width > 100)) problems.push(`style.width: expected a number above 0 up to 100, got ${JSON.stringify(s.width)}`)
      if (s.opacity !== undefined && (!finite(s.opacity) || s.opacity < 0 || s.opacity > 1)) problems.push(`style.opacity: expected a number from 0 to 1, got ${JSON.stringify(s.opacity)}`)
    }
  }
  if (record.text !== undefined && record.text !== null && (typeof record.text !== 'string' || record.text.length > MAX_TEXT)) problems.push(`text: expected text of at most ${MAX_TEXT} characters`)
  return problems
}
