import { bestPathClasses, bestPathLogLikelihood, ctcLogLikelihood, decodeLattice, type Lattice } from '../lattice/index'
import type { CopyReading } from './types'

/**
 * Nats by which a header's best reading may explain another header worse than that header's own best
 * reading, beyond what the two readings doubt themselves (see `fits`).
 */
const SLACK = 3
/** Letters a field's reading needs to be compared: an empty or one-mark field matches anything. */
const MIN_LETTERS = 3
const NAME_FIELDS = ['lastName', 'firstName', 'fullName'] as const

type Field = { logp: Float64Array; frames: number; read: number[]; doubt: number }

const fieldOf = (lattice: Lattice): Field => {
  const logp = decodeLattice(lattice)
  const { frames } = lattice
  // How far the best frame-by-frame reading is from certain: a clear hand ~0–2 nats, a hairline ~4–8.
  return { logp, frames, read: bestPathClasses({ logp, frames }), doubt: -bestPathLogLikelihood({ logp, frames }) }
}

/**
 * Each field explains the other's best reading nearly as well as its own, within what the two readings doubt
 * themselves. The same name in one poor hand misreads alike ("CE AURAIY", "CI AUR+IJ": 3–10 nats off, as much
 * as the readings doubt); a clear MARTINS is 7–12 nats off MARTIN and doubts itself by less than 2.
 */
const fits = (a: Field, b: Field): boolean => {
  const room = SLACK + a.doubt + b.doubt
  return [
    [a, b],
    [b, a],
  ].every(([x, y]) => -y!.doubt - ctcLogLikelihood({ logp: y!.logp, frames: y!.frames, target: x!.read }) <= room)
}

/**
 * Two headers say the same name, whether or not it can be read against the class list: every name field
 * both carry explains the other's reading nearly as well as its own (both ways), over at least two fields
 * or one "Nom et prénom" line. Exam rules make a student write the same header on every sheet; an
 * unreadable hand still writes it the same way twice, and the recogniser misreads it the same way.
 */
export const sameHand = ({ a, b }: { a: CopyReading; b: CopyReading }): boolean => {
  const compared: string[] = []
  for (const field of NAME_FIELDS) {
    const [la, lb] = [a.lattices?.[field], b.lattices?.[field]]
    if (!la || !lb) continue
    const [fa, fb] = [fieldOf(la), fieldOf(lb)]
    if (fa.read.length < MIN_LETTERS || fb.read.length < MIN_LETTERS) continue
    if (!fits(fa, fb)) return false
    compared.push(field)
  }
  return compared.length >= 2 || compared.includes('fullName')
}
