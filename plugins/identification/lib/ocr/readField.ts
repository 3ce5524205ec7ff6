import type { Lattice } from '../lattice/types'
import type { FieldCandidate } from '../match/types'
import { cleanField } from './preprocess'
import type { FieldImage, FieldKind, OcrEngine } from './types'

// Below this many ink pixels the box is treated as empty (specks, leftover edges).
const MIN_INK_PIXELS = 30

/** Every engine's strings, best confidence first, and the lattice of the first engine that gives one. */
export type FieldReading = { candidates: FieldCandidate[]; lattice?: Lattice }

/**
 * Cleans one header field and asks every engine to read it. An empty box gives no candidate and no
 * lattice (an unnamed copy).
 */
export const readField = async ({
  image,
  engines,
  kind = 'name',
}: {
  image: FieldImage
  engines: OcrEngine[]
  kind?: FieldKind
}): Promise<FieldReading> => {
  const clean = await cleanField({ image })
  if (clean.inkPixels < MIN_INK_PIXELS) return { candidates: [] }
  const withLattice = engines.find((engine) => engine.lattice)
  const [results, lattice] = await Promise.all([
    Promise.all(engines.map((engine) => engine.recognize({ png: clean.png, kind }))),
    withLattice?.lattice?.({ png: clean.png }),
  ])
  return { candidates: results.flat().sort((a, b) => b.confidence - a.confidence), lattice }
}
