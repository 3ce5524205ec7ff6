import { classifyLabel, IDENTITY_KINDS, NAME_KINDS, type FieldKind } from './labels'

/** A printed word with its box (any unit, top-left origin). */
export type Word = { text: string; x0: number; y0: number; x1: number; y1: number }

/** A printed label: the words that ask for one field, and what they ask for. */
export type FormLabel = { kind: FieldKind; text: string; x0: number; y0: number; x1: number; y1: number }

const MAX_TAIL_WORDS = 4

const sameLine = (a: Word, b: Word) => {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
  return overlap > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0)
}

/**
 * Printed words grouped into label phrases: words that follow each other on a line, closer than two
 * of their heights, until a colon or a blank (a field to fill) ends the phrase. Each phrase that names
 * a field is a label; "Nom : ____ Prénom : ____" gives two.
 */
export const labelsOf = (words: Word[]): FormLabel[] => {
  const sorted = [...words].filter((w) => w.text.trim()).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
  const lines: Word[][] = []
  for (const w of sorted) {
    const line = lines.find((l) => sameLine(l[0]!, w))
    if (line) line.push(w)
    else lines.push([w])
  }
  const labels: FormLabel[] = []
  for (const line of lines) {
    line.sort((a, b) => a.x0 - b.x0)
    let phrase: Word[] = []
    const close = () => {
      // Print packed beside a label ("RÉPUBLIQUE FRANÇAISE" left of "NOM DE FAMILLE" on the official
      // sheet) joins its phrase: the label is the phrase's first tail that names a field.
      // A tail is taken only as labels look (short, capitalised), never out of a sentence's middle.
      for (let start = 0; start < phrase.length; start++) {
        const words = phrase.slice(start)
        if (start > 0 && (words.length > MAX_TAIL_WORDS || !/^\p{Lu}/u.test(words[0]!.text))) continue
        const text = words.map((w) => w.text).join(' ')
        const kind = classifyLabel(text)
        if (!kind) continue
        labels.push({
          kind,
          text,
          x0: Math.min(...words.map((w) => w.x0)),
          y0: Math.min(...words.map((w) => w.y0)),
          x1: Math.max(...words.map((w) => w.x1)),
          y1: Math.max(...words.map((w) => w.y1)),
        })
        break
      }
      phrase = []
    }
    for (const w of line) {
      const last = phrase[phrase.length - 1]
      // the gap is measured by the shorter word: cells read as one tall word must not pull it into the label
      const height = Math.max(1, Math.min(w.y1 - w.y0, last ? last.y1 - last.y0 : Infinity))
      if (last && w.x0 - last.x1 > 2 * height) close()
      const t = w.text.trim()
      // a lone colon or a run of dots/underscores is the end of a label
      if (/^[:._]+$/.test(t)) {
        if (phrase.length) {
          phrase.push(w)
          close()
        }
        continue
      }
      // Cells and frames read as text ("[5]o]e]", "|") end a label too: the boxes to fill begin there.
      if (/[[\]|{}]/.test(t) || !/\p{L}|°/u.test(t)) {
        close()
        continue
      }
      phrase.push(w)
      if (/[:]$/.test(t)) close()
    }
    close()
  }
  return labels
}

/**
 * One label per name field. A form asks for the name once, where it asks for the rest of who wrote it; a second
 * "Nom" elsewhere is a word of the subject or, on a learned form, handwriting every page has at one place (capitals
 * on a ruled line of two-column A3 pages read "NOM E" mid-page, and the name was read from the answer under it).
 * Of two labels of one kind, the one nearest another identity label is kept (the uppermost, when it is alone).
 * Other identity fields may come twice (the official sheet's "N° candidat" and "N° d'inscription").
 */
export const oneLabelPerName = (labels: FormLabel[]): FormLabel[] => {
  const centre = (l: FormLabel) => ({ x: (l.x0 + l.x1) / 2, y: (l.y0 + l.y1) / 2 })
  const isolation = (l: FormLabel) => {
    const c = centre(l)
    const others = labels.filter((o) => o.kind !== l.kind && IDENTITY_KINDS.has(o.kind)).map(centre)
    return others.length ? Math.min(...others.map((o) => Math.hypot(o.x - c.x, o.y - c.y))) : c.y
  }
  const kept = new Map<FieldKind, FormLabel>()
  for (const l of labels.filter((l) => NAME_KINDS.has(l.kind))) {
    const held = kept.get(l.kind)
    if (!held || isolation(l) < isolation(held)) kept.set(l.kind, l)
  }
  return labels.filter((l) => !NAME_KINDS.has(l.kind) || kept.get(l.kind) === l)
}
