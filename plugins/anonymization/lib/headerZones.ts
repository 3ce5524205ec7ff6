import type { IdentityZone, ZoneBox } from './zones'

/** A rectangle in pixels of a crop, top-left origin (identification's PixelBox). */
export type PixelRect = { x0: number; y0: number; x1: number; y1: number }

/**
 * How a header crop was made: `box` (PDF points of the upright page) rendered at `dpi` into `rendered`
 * pixels, then turned by `angle` degrees clockwise (sharp's rotate, canvas grown) into `deskewed` pixels.
 */
export type CropGeometry = {
  box: ZoneBox
  dpi: number
  rendered: { width: number; height: number }
  deskewed: { width: number; height: number; angle: number }
}

/** Handwriting overflows the box it was meant for: this much is masked around a detected field, in points. */
export const FIELD_MARGIN = 10

/** A point of the deskewed crop back on the page, in points. */
const toPage = ({ x, y, geometry }: { x: number; y: number; geometry: CropGeometry }): { x: number; y: number } => {
  const { box, dpi, rendered, deskewed } = geometry
  const t = (-deskewed.angle * Math.PI) / 180
  const dx = x - deskewed.width / 2, dy = y - deskewed.height / 2
  // Undo the rotation about the centre (the grown canvas keeps the centre where it was).
  const rx = rendered.width / 2 + dx * Math.cos(t) - dy * Math.sin(t)
  const ry = rendered.height / 2 + dx * Math.sin(t) + dy * Math.cos(t)
  const scale = dpi / 72
  return { x: Math.floor(box.x * scale) / scale + rx / scale, y: Math.floor(box.y * scale) / scale + ry / scale }
}

/** A field's pixel box in the deskewed crop as a box of page points (the bounding box of its turned corners). */
export const fieldToPage = ({ rect, geometry }: { rect: PixelRect; geometry: CropGeometry }): ZoneBox => {
  const corners = [
    toPage({ x: rect.x0, y: rect.y0, geometry }),
    toPage({ x: rect.x1, y: rect.y0, geometry }),
    toPage({ x: rect.x0, y: rect.y1, geometry }),
    toPage({ x: rect.x1, y: rect.y1, geometry }),
  ]
  const xs = corners.map((c) => c.x), ys = corners.map((c) => c.y)
  const x = Math.min(...xs), y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

/**
 * The identity zones of a read header: each field found from its printed label, with a margin; when no label
 * was found (the fields were guessed), the whole header that was read, since the name is somewhere in it.
 */
export const headerIdentityZones = ({
  fields,
  located,
  geometry,
  page = 0,
  margin = FIELD_MARGIN,
}: {
  fields: Partial<Record<string, PixelRect>>
  located: 'labels' | 'fallback'
  geometry: CropGeometry
  page?: number
  margin?: number
}): IdentityZone[] => {
  if (located === 'fallback') return [{ page, box: geometry.box, source: 'detected' }]
  return Object.values(fields)
    .filter((rect): rect is PixelRect => Boolean(rect) && rect!.x1 > rect!.x0 && rect!.y1 > rect!.y0)
    .map((rect) => {
      const b = fieldToPage({ rect, geometry })
      return { page, box: { x: b.x - margin, y: b.y - margin, width: b.width + 2 * margin, height: b.height + 2 * margin }, source: 'detected' as const }
    })
}
