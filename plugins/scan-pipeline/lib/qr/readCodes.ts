import type { GrayImage } from '../raster/gray'
import type { PageCode, Rotation } from '../types'

type Point = { x: number; y: number }

/**
 * The clockwise rotation that makes a code (and the page printed with it) upright, from its corners: on an
 * upright code the top edge runs left to right; its angle in the raster (y down, so clockwise) is undone.
 */
export const uprightRotation = ({ topLeft, topRight }: { topLeft: Point; topRight: Point }): Rotation => {
  const angle = (Math.atan2(topRight.y - topLeft.y, topRight.x - topLeft.x) * 180) / Math.PI
  const quarter = ((Math.round(angle / 90) % 4) + 4) % 4
  return (((4 - quarter) % 4) * 90) as Rotation
}

/**
 * The codes on a page's analysis raster (stored orientation), read where the page was already rendered:
 * no second rendering. Each code's centre is a fraction of the stored page, which tells an A3 sheet's
 * halves apart. Reading failures are no codes: the page then takes the unprepared-paper path.
 */
export const readPageCodes = async ({ image }: { image: GrayImage }): Promise<PageCode[]> => {
  // Next bundles whatever the Payload config reaches; the reader (wasm read from node_modules) only runs under Node.
  const { readQrCodes } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ './zxing')
  const results = await readQrCodes(image)
  return results
    .filter((r) => r.isValid && r.text)
    .map((r) => {
      const { topLeft, topRight, bottomLeft, bottomRight } = r.position
      const cx = (topLeft.x + topRight.x + bottomLeft.x + bottomRight.x) / 4
      const cy = (topLeft.y + topRight.y + bottomLeft.y + bottomRight.y) / 4
      return {
        text: r.text,
        rotation: uprightRotation({ topLeft, topRight }),
        center: { x: Math.round((cx / image.width) * 1000) / 1000, y: Math.round((cy / image.height) * 1000) / 1000 },
      }
    })
}
