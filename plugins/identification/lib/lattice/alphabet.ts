import { foldText } from '../text/fold'

/**
 * Character classes of a lattice. Case and accents are folded (a writer may or may not write
 * them), so "é", "E" and "e" are one class; 0 is CTC's "nothing here" blank.
 */
export const BLANK = 0
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '0123456789'
export const SEPARATOR = 1 + LETTERS.length + DIGITS.length
/** Everything else the recogniser knows (punctuation, other scripts): a letter that is not a name's. */
export const OTHER = SEPARATOR + 1
export const CLASS_COUNT = OTHER + 1

const SEPARATORS = new Set([' ', '-', "'", '’', '.', '·', '_'])

/** The class of one character as a recogniser outputs it. */
export const classOfChar = (ch: string): number => {
  if (SEPARATORS.has(ch)) return SEPARATOR
  const folded = foldText(ch)
  if (folded.length !== 1) return OTHER
  const letter = LETTERS.indexOf(folded)
  if (letter >= 0) return 1 + letter
  const digit = DIGITS.indexOf(folded)
  return digit >= 0 ? 1 + LETTERS.length + digit : OTHER
}

/** A compact folded name ("jeanpierre") as the class sequence a lattice is scored against. */
export const classesOfText = (text: string): number[] => [...foldText(text)].map(classOfChar).filter((c) => c !== OTHER)
