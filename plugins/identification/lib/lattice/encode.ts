import { CLASS_COUNT } from './alphabet'
import type { Lattice } from './types'

const SCALE = 16
const FLOOR = 255

/**
 * Folds a recogniser's per-frame probabilities over its own dictionary into a lattice:
 * `classOfColumn[c]` is the class of column c (column 0 being the blank).
 */
export const encodeLattice = ({ probs, frames, columns, classOfColumn }: { probs: ArrayLike<number>; frames: number; columns: number; classOfColumn: ArrayLike<number> }): Lattice => {
  const bytes = new Uint8Array(frames * CLASS_COUNT)
  const sums = new Float64Array(CLASS_COUNT)
  for (let t = 0; t < frames; t++) {
    sums.fill(0)
    for (let c = 0; c < columns; c++) sums[classOfColumn[c]!]! += probs[t * columns + c]!
    for (let k = 0; k < CLASS_COUNT; k++) bytes[t * CLASS_COUNT + k] = quantize(sums[k]!)
  }
  return { frames, classes: CLASS_COUNT, data: Buffer.from(bytes).toString('base64') }
}

const quantize = (p: number) => (p <= 0 ? FLOOR : Math.min(FLOOR, Math.max(0, Math.round(-Math.log(p) * SCALE))))

/** Log-probabilities, frame-major: `logp[t * classes + k]`. */
export const decodeLattice = (lattice: Lattice): Float64Array => {
  const bytes = Buffer.from(lattice.data, 'base64')
  if (bytes.length !== lattice.frames * lattice.classes || lattice.classes !== CLASS_COUNT)
    throw new RangeError(`lattice of ${lattice.frames}×${lattice.classes} carries ${bytes.length} bytes`)
  const logp = new Float64Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) logp[i] = -bytes[i]! / SCALE
  return logp
}
