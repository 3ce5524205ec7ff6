import type * as mupdf from 'mupdf'

/**
 * A pixmap's pixels without the padding mupdf may add at the end of each row (`stride`) — as many bytes
 * per pixel as it has components (1 grey, 3 RGB, one more with alpha): what sharp's raw input and our raster code expect.
 */
export const pixmapPixels = (pix: mupdf.Pixmap): { data: Uint8Array; width: number; height: number } => {
  const width = pix.getWidth()
  const height = pix.getHeight()
  const stride = pix.getStride()
  const row = width * pix.getNumberOfComponents()
  const pixels = pix.getPixels()
  const src = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength)
  if (stride === row) return { data: src.slice(0, row * height), width, height }
  const data = new Uint8Array(row * height)
  for (let y = 0; y < height; y++) data.set(src.subarray(y * stride, y * stride + row), y * row)
  return { data, width, height }
}
