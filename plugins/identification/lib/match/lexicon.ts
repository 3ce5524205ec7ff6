import { bestPathLogLikelihood, classesOfText, ctcLeadingLogLikelihood, ctcLogLikelihood, decodeLattice, type Lattice } from '../lattice/index'
import { compactName, nameVariants } from './normalize'
import type { MatchStudent, SheetReading } from './types'

/**
 * Roster-constrained reading: instead of comparing the recogniser's best string with names, ask how
 * likely each roster name is given what it saw (CTC over the field's lattice). A name that the
 * free reading spells "B&RNARD" or "Chle" is still far more likely than any other in the class.
 * Scores are nats (natural-log units of likelihood): 6 nats ≈ the name is 400× more likely.
 */

/** Nats that make 0.1 of pair score: the matcher's margin (0.1) then asks for ~6 nats of lead. */
const NATS_PER_SCORE = 60
/** Score of the copy's most likely name when it fits the field as well as the free reading does. */
const TOP_SCORE = 0.95
/** One unreadable field (faint ink, a smudge) takes at most this from a name: the others still count. */
const FIELD_CAP = 20
/** Free misfit per field against the free reading, then per letter: handwriting is not print. */
const FIT_ALLOWANCE = { base: 2, perLetter: 0.6 }
/**
 * A name that explains the field worse than the free reading (beyond the allowance) may be someone
 * not on the roster: Martin's copy when only Martins is listed. That weighs more than a rival's lead.
 */
const MISFIT_WEIGHT = 3
/** Misfit (nats beyond the allowance) of a field's best roster name above which the field is ignored. */
const UNUSABLE_MISFIT = 4
/** As in the string matcher: a last name alone is good evidence, a first name alone is weak. */
const LAST_ONLY_FACTOR = 0.88
const FIRST_ONLY_FACTOR = 0.6
/** Reading the names in each other's box is normal enough to cost little. */
const SWAP_COST = 1
/** A part of a compound name ("Jean" for "Jean-Pierre") is weaker evidence: siblings share them. */
const variantCost = (weight: number) => (1 - weight) * 15

type FieldName = 'lastName' | 'firstName' | 'fullName'
type DecodedField = { logp: Float64Array; frames: number; free: number }
type Targets = { text: string; classes: number[]; cost: number }[]

export type LexiconStudent = { last: Targets; first: Targets; full: Targets }

const targetsOf = (variants: { text: string; weight: number }[]): Targets =>
  variants.map((v) => ({ text: v.text, classes: classesOfText(v.text), cost: variantCost(v.weight) })).filter((t) => t.classes.length > 0)

export const prepareLexiconStudent = (student: MatchStudent): LexiconStudent => {
  const last = nameVariants(student.lastName)
  const first = compactName(student.firstName)
  const full = last.flatMap((l) => [
    { text: l.text + first, weight: l.weight },
    { text: first + l.text, weight: l.weight },
  ])
  return { last: targetsOf(last), first: targetsOf(nameVariants(student.firstName)), full: targetsOf(full) }
}

const decode = (lattice: Lattice | undefined): DecodedField | undefined => {
  if (!lattice || lattice.frames === 0) return undefined
  try {
    const logp = decodeLattice(lattice)
    return { logp, frames: lattice.frames, free: bestPathLogLikelihood({ logp, frames: lattice.frames }) }
  } catch {
    // A damaged stored lattice only loses this channel; the strings still match.
    return undefined
  }
}

/** ln P(name | field) for the best way of writing the name, and how far it falls short of the free reading. */
const fieldFit = (field: DecodedField, targets: Targets, leading: boolean): { logLikelihood: number; misfit: number } => {
  let best = -Infinity
  let letters = 1
  for (const target of targets) {
    const whole = ctcLogLikelihood({ logp: field.logp, frames: field.frames, target: target.classes })
    const value = (leading ? Math.max(whole, ctcLeadingLogLikelihood({ logp: field.logp, frames: field.frames, target: target.classes })) : whole) - target.cost
    if (value > best) {
      best = value
      letters = target.classes.length
    }
  }
  const allowance = FIT_ALLOWANCE.base + FIT_ALLOWANCE.perLetter * letters
  return { logLikelihood: best, misfit: Math.max(0, field.free - best - allowance) }
}

type Part = { field: FieldName; targets: (s: LexiconStudent) => Targets; cost: number }
/** One way the fields may hold the names, and how strong a match on it is (a first name alone is weak: two Léa). */
type Layout = { parts: Part[]; factor: number; partial: boolean }

const last: Part['targets'] = (s) => s.last
const first: Part['targets'] = (s) => s.first
const full: Part['targets'] = (s) => s.full
const strength = (holds: 'both' | 'last' | 'first') =>
  holds === 'both' ? { factor: 1, partial: false } : holds === 'last' ? { factor: LAST_ONLY_FACTOR, partial: true } : { factor: FIRST_ONLY_FACTOR, partial: true }

/** The ways a header's fields may hold a student's names: as labelled, swapped, or both in one box. */
const layouts = (fields: Partial<Record<FieldName, DecodedField>>): Layout[] => {
  const options: Layout[] = []
  const { lastName, firstName, fullName } = fields
  if (lastName && firstName) {
    options.push({ parts: [{ field: 'lastName', targets: last, cost: 0 }, { field: 'firstName', targets: first, cost: 0 }], ...strength('both') })
    options.push({ parts: [{ field: 'lastName', targets: first, cost: SWAP_COST }, { field: 'firstName', targets: last, cost: 0 }], ...strength('both') })
  } else if (lastName) {
    options.push({ parts: [{ field: 'lastName', targets: last, cost: 0 }], ...strength('last') })
    options.push({ parts: [{ field: 'lastName', targets: first, cost: SWAP_COST }], ...strength('first') })
    // Both names written in the NOM box, the Prénom box left empty.
    options.push({ parts: [{ field: 'lastName', targets: full, cost: 0 }], ...strength('both') })
  } else if (firstName) {
    options.push({ parts: [{ field: 'firstName', targets: first, cost: 0 }], ...strength('first') })
    options.push({ parts: [{ field: 'firstName', targets: last, cost: SWAP_COST }], ...strength('last') })
  }
  if (fullName) options.push({ parts: [{ field: 'fullName', targets: full, cost: 0 }], ...strength('both') })
  return options
}

export type LexiconScores = { scores: number[]; partial: boolean[] }

/**
 * Pair scores (0..1) from the lattices of one copy against every student, on the string matcher's
 * scale: the copy's most likely student gets TOP_SCORE (less for one name only), every other student
 * 0.1 less per 6 nats behind, and a name that fits the field worse than the free reading loses more.
 * A field that no roster name fits (a smudge, a name missing from the roster) is not used at all.
 * `null` when the copy has no usable lattice.
 */
export const lexiconScores = ({ reading, students }: { reading: SheetReading; students: LexiconStudent[] }): LexiconScores | null => {
  const decoded: Partial<Record<FieldName, DecodedField>> = {}
  for (const name of ['lastName', 'firstName', 'fullName'] as const) {
    const field = decode(reading.lattices?.[name])
    if (field) decoded[name] = field
  }
  if (students.length === 0) return null

  let best: LexiconScores | null = null
  for (const layout of layouts(decoded)) {
    const parts = layout.parts.map((part) => {
      // A name field's writing may go on after the name ("MARTIN" and what the crop caught of the next field;
      // "JOLY Victor né le …"): the name may fit its start. Not on the first name's line: its start is often
      // a classmate's last name (Clémence, CLÉMENT), which the swapped layout would weigh as a last name.
      const fits = students.map((s) => fieldFit(decoded[part.field]!, part.targets(s), part.field !== 'firstName'))
      return { part, fits, top: Math.max(...fits.map((f) => f.logLikelihood)), topMisfit: Math.min(...fits.map((f) => f.misfit)) }
    })
    // A field that no roster name explains rules this layout out: the writer may not be on the roster,
    // or the field is unreadable; either way the strings, not the lattice, decide.
    if (parts.some((p) => p.topMisfit > UNUSABLE_MISFIT)) continue
    const scores = students.map((_, j) => {
      const nats = parts.reduce((sum, p) => sum + Math.max(-FIELD_CAP, p.fits[j]!.logLikelihood - p.top) - p.part.cost - MISFIT_WEIGHT * Math.min(FIELD_CAP, p.fits[j]!.misfit), 0)
      return Math.max(0, layout.factor * TOP_SCORE + nats / NATS_PER_SCORE)
    })
    if (!best) best = { scores, partial: students.map(() => layout.partial) }
    else
      for (let j = 0; j < students.length; j++)
        if (scores[j]! > best.scores[j]!) {
          best.scores[j] = scores[j]!
          best.partial[j] = layout.partial
        }
  }
  return best
}
