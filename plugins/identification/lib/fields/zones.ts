import type { PointBox } from '../header/types'
import { answerRoom, type FoundField, type PixelRect } from './assign'
import type { Stroke } from './handwriting'
import { IDENTITY_KINDS, type FieldKind } from './labels'
import type { PageImage } from './page'

/** Where an identity field is on the copy's first page (points, upright page, top-left origin). */
export type IdentityZone = { field: FieldKind; box: PointBox }

/** Margin around a zone to paint out: handwriting overflows what was measured. */
const ZONE_PAD_PT = 6

const toPoints = (box: PixelRect, page: PageImage): PointBox => {
  const k = 72 / page.dpi
  const x = Math.max(0, box.x0 * k - ZONE_PAD_PT)
  const y = Math.max(0, box.y0 * k - ZONE_PAD_PT)
  return { x, y, width: Math.min(page.widthPt - x, (box.x1 - box.x0) * k + 2 * ZONE_PAD_PT), height: Math.min(page.heightPt - y, (box.y1 - box.y0) * k + 2 * ZONE_PAD_PT) }
}

const union = (parts: PixelRect[]): PixelRect => ({
  x0: Math.min(...parts.map((p) => p.x0)),
  y0: Math.min(...parts.map((p) => p.y0)),
  x1: Math.max(...parts.map((p) => p.x1)),
  y1: Math.max(...parts.map((p) => p.y1)),
})

/**
 * Writing close under or beside an unlabelled name (a class, a date written below it in the corner of
 * a copie double): too small to be read as a line of its own, it still says who the student is.
 */
const besideName = ({ name, strokes }: { name: PixelRect; strokes: Stroke[] }): Stroke[] => {
  const h = Math.max(1, name.y1 - name.y0)
  return strokes.filter((s) => {
    const cx = (s.x0 + s.x1) / 2
    const cy = (s.y0 + s.y1) / 2
    return cy > name.y0 - 0.5 * h && cy < name.y1 + 2.5 * h && cx > name.x0 - 2 * h && cx < name.x1 + 2 * h && s.y1 - s.y0 < 3 * h
  })
}

/**
 * The zones to paint out for markers: for a printed label, the label and the whole room it gives on its
 * line, written in or not (a faint or broken name is masked even where its strokes were lost), with any
 * writing given to it beyond; for a name written with no label, that writing and what sits right by it.
 */
export const identityZonesOf = ({ found, labels, strokes, page }: { found: FoundField[]; labels: PixelRect[]; strokes: Stroke[]; page: PageImage }): IdentityZone[] =>
  found.flatMap((field) => {
    if (!IDENTITY_KINDS.has(field.kind)) return []
    const parts: PixelRect[] = [...field.strokes]
    if (field.label) parts.push(field.label, answerRoom({ label: field.label, labels, pageWidth: page.width }))
    else if (field.strokes.length) parts.push(...besideName({ name: union(field.strokes), strokes }))
    if (parts.length === 0) return []
    const box = union(parts)
    return [{ field: field.kind, box: toPoints({ x0: Math.max(0, box.x0), y0: Math.max(0, box.y0), x1: Math.min(page.width, box.x1), y1: Math.min(page.height, box.y1) }, page) }]
  })
