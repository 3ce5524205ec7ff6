import { foldCompact, foldText } from '../text/fold'

export type NameSplit = { lastName: string; firstName: string }

/**
 * How a single "Nom et prénom" / "Élèves" cell was cut into a last and a first name:
 * `case` when the capitals told (DUPONT Marie), `guessed` when nothing did (an export entirely in
 * capitals: BEN AYED SARAH could be Ben / Ayed Sarah or Ben Ayed / Sarah).
 */
export type FullNameSplit = NameSplit & { certain: boolean }

// Words that open a compound last name: when a cell starts with them, they belong to the last name.
const PARTICLES = new Set([
  'de', 'du', 'des', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'le', 'la', 'les', 'van', 'von', 'der', 'den', 'ter', 'ten',
  'ben', 'bin', 'ibn', 'bou', 'abou', 'abu', 'el', 'al', 'ait', 'mac', 'mc', 'st', 'ste', 'saint', 'sainte', 'o',
])

const hasLetter = (token: string) => /\p{L}/u.test(token)
const isUpper = (token: string) => hasLetter(token) && token === token.toUpperCase() && token !== token.toLowerCase()

/** Every way to cut the tokens into "last names then first names", shortest last name first. */
export const allSplits = (full: string): NameSplit[] => {
  const tokens = full.split(/\s+/).filter(Boolean)
  const splits: NameSplit[] = []
  for (let k = 1; k < tokens.length; k++) splits.push({ lastName: tokens.slice(0, k).join(' '), firstName: tokens.slice(k).join(' ') })
  return splits
}

/** "JEAN-PIERRE" → "Jean-Pierre": a first name read from an all-capitals export, for display only. */
export const titleCase = (value: string): string =>
  value.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())

/** The e-mail's local part often spells the name ("sarah.ben-ayed"): which split agrees with it. */
const splitFromEmail = (splits: NameSplit[], email: string | null | undefined): NameSplit | undefined => {
  const local = email?.split('@')[0]
  if (!local) return undefined
  const segments = foldText(local).split(/[^a-z]+/).filter(Boolean)
  if (segments.length < 2) return undefined
  const agrees = (split: NameSplit) => {
    const first = foldCompact(split.firstName)
    const last = foldCompact(split.lastName)
    // The first name is a run of whole segments at one end; the last name is the rest.
    for (let k = 1; k < segments.length; k++) {
      const head = segments.slice(0, k).join('')
      const tail = segments.slice(k).join('')
      if ((head === first && tail === last) || (head === last && tail === first)) return true
    }
    return false
  }
  const agreeing = splits.filter(agrees)
  return agreeing.length === 1 ? agreeing[0] : undefined
}

/**
 * Cuts one full-name cell. Capitals decide when the cell has them on one side only (school exports
 * write the last name in capitals, in either order). Otherwise the split is a guess — the e-mail
 * address when it spells the name, else leading particles join the last name (BEN AYED, DE LA
 * FONTAINE), else the first word is the last name — and `certain` is false: matching then tries every
 * split (see match/identify.ts). Null when the cell holds fewer than two words.
 */
export const splitFullName = ({ full, email }: { full: string; email?: string | null }): FullNameSplit | null => {
  const tokens = full.split(/\s+/).filter(Boolean)
  if (tokens.length < 2) return null
  const upper = tokens.map(isUpper)
  const leading = upper.findIndex((u) => !u)
  if (leading > 0 && upper.slice(leading).every((u) => !u)) {
    return { lastName: tokens.slice(0, leading).join(' '), firstName: tokens.slice(leading).join(' '), certain: true }
  }
  const trailing = upper.indexOf(true)
  if (trailing > 0 && upper.slice(trailing).every(Boolean)) {
    return { lastName: tokens.slice(trailing).join(' '), firstName: tokens.slice(0, trailing).join(' '), certain: true }
  }
  const splits = allSplits(full)
  const byEmail = splitFromEmail(splits, email)
  let guess = byEmail
  if (!guess) {
    let k = 0
    while (k < tokens.length - 2 && PARTICLES.has(foldCompact(tokens[k]!))) k++
    guess = splits[k]!
  }
  const allCaps = upper.every(Boolean)
  return { lastName: guess.lastName, firstName: allCaps ? titleCase(guess.firstName) : guess.firstName, certain: false }
}
