import * as mupdf from 'mupdf'
import { PDFDocument, degrees } from 'pdf-lib'
import { A3, A4 } from '../geometry.js'
import { createRng } from '../prng.js'
import { randomLook } from '../scan/degrade.js'
import { scanSide } from '../scan/scanner.js'
import type { SideSpec } from './plan.js'

/**
 * Rasterises every upright side like a scanner, fed in its direction, and wraps the JPEG as an image-only
 * page of the physical size. A page with /Rotate R stores the image turned back by R, so that a viewer
 * (which applies /Rotate) shows what the truth describes.
 */
export const renderScan = async ({ vector, sides, seed, harsh = false, clean = false }: { vector: Uint8Array; sides: SideSpec[]; seed: number; harsh?: boolean; clean?: boolean }): Promise<Uint8Array> => {
  const src = mupdf.Document.openDocument(vector, 'application/pdf').asPDF()!
  const rng = createRng(seed ^ 0x5ca7)
  const out = await PDFDocument.create({ updateMetadata: false })
  try {
    // scanSide renders synchronously, then leaves the pixel work and the JPEG to sharp's threads:
    // starting the next page meanwhile keeps both cores busy (random draws happen in page order)
    const pending: Promise<Uint8Array>[] = []
    const jpegs: Uint8Array[] = []
    for (let i = 0; i < sides.length; i++) {
      const side = sides[i]!
      const stored = ((side.rotation + side.storedRotate) % 360) as 0 | 90 | 180 | 270
      const dpis = side.size === 'a3' ? [150, 150, 200] : [150, 150, 200, 300]
      const look = randomLook({ rng, dpis, rotation: stored, harsh, clean })
      pending.push(scanSide({ doc: src, index: i, look, rng }))
      if (pending.length >= 3) jpegs.push(await pending.shift()!)
    }
    for (const p of pending) jpegs.push(await p)
    for (let i = 0; i < sides.length; i++) {
      const side = sides[i]!
      const stored = (side.rotation + side.storedRotate) % 360
      const size = side.size === 'a3' ? A3 : A4
      const turned = stored === 90 || stored === 270
      const w = turned ? size.height : size.width
      const h = turned ? size.width : size.height
      const image = await out.embedJpg(jpegs[i]!)
      const page = out.addPage([w, h])
      page.drawImage(image, { x: 0, y: 0, width: w, height: h })
      if (side.storedRotate) page.setRotation(degrees(side.storedRotate))
    }
  } finally {
    src.destroy()
  }
  return out.save()
}
