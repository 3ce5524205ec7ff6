import type { Lattice } from '../lattice/types'
import type { FieldCandidate } from '../match/types'

/** A greyscale image: either an encoded image (PNG, JPEG…) or raw 8-bit pixels. */
/**
 * A field to read: PNG bytes, or grey pixels. `printFree`: the caller already took every printed line away
 * (letters cut out of their cells); cleaning then only crops, a flat-bottomed row of capitals being no rule.
 */
export type FieldImage = Uint8Array | { raw: Uint8Array; width: number; height: number; printFree?: boolean }

/** What is expected in the field; engines restrict their alphabet accordingly. */
export type FieldKind = 'name' | 'date'

export type OcrEngine = {
  name: string
  /** `png` is the cleaned, cropped field (dark ink on white). */
  recognize: (input: { png: Buffer; kind: FieldKind }) => Promise<FieldCandidate[]>
  /** Engines with a CTC recogniser also give what they saw frame by frame, for scoring names later. */
  lattice?: (input: { png: Buffer }) => Promise<Lattice>
  /**
   * A one-line field's text and lattice from one recogniser pass (no detection), for engines that can:
   * a name field is one line already.
   */
  readLine?: (input: { png: Buffer }) => Promise<{ candidates: FieldCandidate[]; lattice: Lattice }>
  terminate: () => Promise<void>
}
