import type { FieldCandidate } from '../match/types'
import { cleanField } from './preprocess'
import type { FieldImage, FieldKind, OcrEngine } from './types'

// Below this many ink pixels the box is treated as empty (specks, leftover edges).
const MIN_INK_PIXELS = 30

/**
 * Cleans one header field and asks every engine to read it. Returns all candidates,
 * best confidence first; an empty box gives an empty list (an unnamed copy).
 */
export const readField = async ({
  image,
  engines,
  kind = 'name',
}: {
  image: FieldImage
  engines: OcrEngine[]
  kind?: FieldKind
}): Promise<FieldCandidate[]> => {
  const clean = await cleanField({ image })
  if (clean.inkPixels < MIN_INK_PIXELS) return []
  const results = await Promise.all(engines.map((engine) => engine.recognize({ png: clean.png, kind })))
  return results.flat().sort((a, b) => b.confidence - a.confidence)
}
