import * as mupdf from 'mupdf'

export type Box = { x: number; y: number; width: number; height: number }
export type Gray = { data: Uint8Array; width: number; height: number; scale: number }

/** Page N of a PDF, upright, in grey levels at `dpi` (mupdf, as a marker's viewer would draw it). */
export const renderGray = (pdf: Uint8Array, index = 0, dpi = 100): Gray => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    const page = doc.loadPage(index)
    const [x0, y0] = page.getBounds()
    const scale = dpi / 72
    const pix = page.toPixmap(mupdf.Matrix.concat(mupdf.Matrix.translate(-x0, -y0), mupdf.Matrix.scale(scale, scale)), mupdf.ColorSpace.DeviceGray, false, true)
    const width = pix.getWidth(), height = pix.getHeight(), stride = pix.getStride()
    const src = pix.getPixels()
    const data = new Uint8Array(width * height)
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = src[y * stride + x]!
    pix.destroy()
    page.destroy()
    return { data, width, height, scale }
  } finally {
    doc.destroy()
  }
}

/** The pixels of a box (PDF points), each with its grey level. */
export const pixelsIn = (image: Gray, box: Box): { x: number; y: number; v: number }[] => {
  const out: { x: number; y: number; v: number }[] = []
  const x0 = Math.max(0, Math.floor(box.x * image.scale)), x1 = Math.min(image.width, Math.ceil((box.x + box.width) * image.scale))
  const y0 = Math.max(0, Math.floor(box.y * image.scale)), y1 = Math.min(image.height, Math.ceil((box.y + box.height) * image.scale))
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out.push({ x, y, v: image.data[y * image.width + x]! })
  return out
}

/** Handwriting is the darkest ink on the page (the ruled and dotted lines are light grey). */
export const INK = 110

/** Pixels that are ink in `original` and still ink in `served`: what a marker could read of the name. */
export const inkLeft = ({ original, served, box }: { original: Gray; served: Gray; box: Box }) => {
  const before = pixelsIn(original, box).filter((p) => p.v < INK)
  const still = before.filter((p) => served.data[p.y * served.width + p.x]! < INK)
  return { ink: before.length, left: still.length }
}
