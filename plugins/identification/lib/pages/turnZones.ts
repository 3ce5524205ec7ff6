import { PDFDocument } from 'pdf-lib'

import type { IdentityZone, ZoneBox } from '../../../../collections/identity-zones'

import { normaliseRotation } from './edit'

export type PageSize = { width: number; height: number }

/**
 * A box of an upright page (PDF points, top-left origin) where it lies once that page is turned `by`
 * degrees clockwise: `upright` is the page's size before the turn.
 */
export const turnBox = ({ box, by, upright }: { box: ZoneBox; by: number; upright: PageSize }): ZoneBox => {
  const { width: w, height: h } = upright
  switch (normaliseRotation(by)) {
    case 90:
      return { x: h - box.y - box.height, y: box.x, width: box.height, height: box.width }
    case 180:
      return { x: w - box.x - box.width, y: h - box.y - box.height, width: box.width, height: box.height }
    case 270:
      return { x: box.y, y: w - box.x - box.width, width: box.height, height: box.width }
    default:
      return box
  }
}

/**
 * A copy's identity zones after one of its pages was turned: the zones identification found on that page
 * follow the writing they cover (a copy that keeps its student is not read again, so nothing else would move
 * them); the exam's zone is where the name is printed on the upright subject, so it stays.
 */
export const turnZones = ({ zones, page, by, upright }: { zones: IdentityZone[]; page: number; by: number; upright: PageSize }): IdentityZone[] =>
  zones.map((zone) => (zone.page === page && zone.source === 'detected' ? { ...zone, box: turnBox({ box: zone.box, by, upright }) } : zone))

/** The size of one page of a PDF as it is seen: its crop box, turned by its /Rotate. */
export const uprightSize = async ({ pdf, index }: { pdf: Uint8Array; index: number }): Promise<PageSize> => {
  const page = (await PDFDocument.load(pdf, { updateMetadata: false })).getPage(index)
  const { width, height } = page.getCropBox()
  return page.getRotation().angle % 180 === 0 ? { width, height } : { width: height, height: width }
}
