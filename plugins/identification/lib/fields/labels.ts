import { foldText } from '../text/fold'

/** What a printed label on a first page asks the student to write. */
export type FieldKind = 'lastName' | 'firstName' | 'fullName' | 'birthDate' | 'className' | 'candidateNumber' | 'pageNumber' | 'other'

/** The kinds that say who the student is: read for identification, painted out for markers. */
export const IDENTITY_KINDS: ReadonlySet<FieldKind> = new Set(['lastName', 'firstName', 'fullName', 'birthDate', 'className', 'candidateNumber'])

/** The kinds that ask for a name. */
export const NAME_KINDS: ReadonlySet<FieldKind> = new Set(['lastName', 'firstName', 'fullName'])

const text = (raw: string) =>
  foldText(raw)
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9°'/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

// Order matters: "nom et prénom" is a full name before it is a last name.
const RULES: [FieldKind, RegExp][] = [
  // "nombre total de pages" anywhere: OCR often glues the line above ("page") or a stray mark before it.
  ['pageNumber', /^(page|pages|feuille|page n)\b|\b(nombre total de pages|total de pages)\b/],
  ['fullName', /\bnoms? (et |, |- |\/ )?pr[e]?noms?\b|\bpr[e]?noms? (et |, |- |\/ )?noms?\b|^(eleve|etudiant|etudiante|candidat|candidate|student|name|full name|identite)\b/],
  ['candidateNumber', /\b(n ?°|no|num|numero) ?(de |d')?(candidat|inscription|table|ine)\b|^(n ?° ?candidat|numero d'inscription|matricule|ine)\b/],
  // "Nom de naissance" is a last name: a bare "naissance" asks for a date only where the label starts with it.
  ['birthDate', /\bne ?\(?e?\)? ?le\b|\bnee? le\b|date (et lieu )?de naissance|^naissance\b|date of birth|birth ?date|\bdob\b/],
  ['firstName', /^(pr[e]?noms?|first ?names?|given names?|forenames?)\b/],
  ['lastName', /^(nom( de famille| d'usage| usuel| patronymique)?|nom de naissance|surname|last ?name|family name)\b/],
  ['className', /^(classe|class|division|groupe|group|section|form)\b/],
]

const OTHER = /^(note|notes|appreciation|appreciations|observations?|comments?|signature|date|matiere|epreuve|sujet|duree|coefficient|salle|session|examen|academie|etablissement|remarques?|mark|grade|score|teacher|professeur|correcteur|visa)\b/

/**
 * Classifies one printed line (from the subject's text layer or OCR of a blank form) by what it asks
 * for, in French or English. Undefined for print that is not a field label (a title, an exercise).
 */
export const classifyLabel = (raw: string): FieldKind | undefined => {
  const t = text(raw)
  // "(naissance) en majuscules" under a label is a hint on how to fill it, not a label
  if (!t || raw.trim().startsWith('(')) return undefined
  for (const [kind, re] of RULES) if (re.test(t)) return kind
  if (OTHER.test(t)) return 'other'
  return undefined
}

/** A line may hold several labels ("Nom : ____ Prénom : ____"): where each one starts, by character. */
export const splitLabels = (raw: string): { start: number; end: number; kind: FieldKind }[] => {
  const out: { start: number; end: number; kind: FieldKind }[] = []
  // Labels end with a colon or a run of dots/underscores; try every start after a separator.
  const starts = [0, ...[...raw.matchAll(/(?:[:._]{1,}|\s{2,})\s*/g)].map((m) => m.index! + m[0].length)]
  for (const start of starts) {
    if (start >= raw.length) continue
    const rest = raw.slice(start)
    const stop = rest.search(/[:._]|\s{2,}/)
    const piece = stop > 0 ? rest.slice(0, stop) : rest
    const kind = classifyLabel(piece)
    if (kind && !out.some((o) => o.start <= start && start < o.end)) out.push({ start, end: start + piece.length, kind })
  }
  return out
}
