import type { Region } from '../types'

/** A page box in PDF points, origin bottom-left. */
export type Box = { x: number; y: number; width: number; height: number }

/**
 * The transformation that turns a scanned sheet back by its measured skew about the sheet's centre, as PDF
 * `cm` operands; undefined when there is nothing to turn. Skew is clockwise on screen; a positive angle in
 * PDF space turns the content back counter-clockwise. Both assemblers write it, so a copy is straightened
 * the same whoever made it.
 */
export const straighteningMatrix = ({ box, skewDegrees }: { box: Box; skewDegrees: number }): [number, number, number, number, number, number] | undefined => {
  if (!Number.isFinite(skewDegrees) || Math.abs(skewDegrees) < 0.05) return undefined
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const t = (skewDegrees * Math.PI) / 180
  const c = Math.cos(t)
  const s = Math.sin(t)
  return [c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy]
}

/** The part of a stored page a region shows: an A3 half, or the whole page. */
export const regionBox = ({ box, region }: { box: Box; region: Region }): Box => {
  if (region === 'left' || region === 'right') {
    const half = box.width / 2
    return { x: region === 'left' ? box.x : box.x + half, y: box.y, width: half, height: box.height }
  }
  if (region === 'top' || region === 'bottom') {
    // PDF space grows upwards: the top half is the upper one
    const half = box.height / 2
    return { x: box.x, y: region === 'bottom' ? box.y : box.y + half, width: box.width, height: half }
  }
  return box
}
