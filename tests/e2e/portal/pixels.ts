import sharp from 'sharp'

export type Raster = { data: Buffer; width: number; height: number }
export type Box = { x: number; y: number; width: number; height: number }

export const decodePng = async (png: Buffer): Promise<Raster> => {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** Pixels (x, y) whose colour differs by more than `threshold` on any channel. */
export const differingPixels = ({ a, b, threshold = 24 }: { a: Raster; b: Raster; threshold?: number }): { x: number; y: number }[] => {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`)
  const out: { x: number; y: number }[] = []
  for (let i = 0; i < a.data.length; i += 3) {
    if (Math.abs(a.data[i] - b.data[i]) > threshold || Math.abs(a.data[i + 1] - b.data[i + 1]) > threshold || Math.abs(a.data[i + 2] - b.data[i + 2]) > threshold) {
      const p = i / 3
      out.push({ x: p % a.width, y: Math.floor(p / a.width) })
    }
  }
  return out
}

export const inside = (p: { x: number; y: number }, box: Box): boolean => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height
