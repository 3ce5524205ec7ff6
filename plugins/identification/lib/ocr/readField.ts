import type { Lattice } from '../lattice/types'
import type { FieldCandidate } from '../match/types'
import { cleanField } from './preprocess'
import type { FieldImage, FieldKind, OcrEngine } from './types'

// Below this many ink pixels the box is treated as empty (specks, leftover edges).
const MIN_INK_PIXELS = 30

/** Every engine's strings, best confidence first, and (for a name) the lattice of the first engine that gives one. */
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
  // Matching weighs names against the roster through lattices; a date is compared as text. A date's
  // lattice was one more recogniser pass per copy that nothing read.
  const withLattice = kind === 'name' ? engines.find((engine) => engine.lattice || engine.readLine) : undefined
  // An engine that reads a line and its lattice in one pass does so for a name.
  const oneLine = withLattice?.readLine ? withLattice : undefined
  const [results, lattice] = await Promise.all([
    Promise.all(engines.map((engine) => (engine === oneLine ? oneLine.readLine!({ png: clean.png }) : engine.recognize({ png: clean.png, kind }).then((candidates) => ({ candidates, lattice: undefined }))))),
    oneLine ? undefined : withLattice?.lattice?.({ png: clean.png }),
  ])
  return { candidates: results.flatMap((r) => r.candidates).sort((a, b) => b.confidence - a.confidence), lattice: lattice ?? results.find((r) => r.lattice)?.lattice }
}
