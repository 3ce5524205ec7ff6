import type { FormTransform } from './align'
import { mapFormPoint } from './align'
import { median } from './cellRow/row'
import type { Stroke } from './handwriting'
import { NAME_KINDS, type FieldKind } from './labels'
import { tallerThanSliver } from './rules'
import type { FormLabel } from './phrases'

/** A box in page pixels. */
export type PixelRect = { x0: number; y0: number; x1: number; y1: number }

/** One field of the first page: what it asks for, its printed label (if any) and what was written. */
export type FoundField = { kind: FieldKind; label?: PixelRect; strokes: Stroke[] }

const height = (r: PixelRect) => Math.max(1, r.y1 - r.y0)

/** The form's labels moved onto the page by the alignment. */
export const labelsOnPage = ({ labels, t, form, page }: { labels: FormLabel[]; t?: FormTransform; form: { width: number; height: number }; page: { width: number; height: number } }) =>
  labels.map((l) => {
    if (!t) return l
    const a = mapFormPoint({ x: l.x0, y: l.y0, t, form, page })
    const b = mapFormPoint({ x: l.x1, y: l.y1, t, form, page })
    return { ...l, x0: a.x, y0: a.y, x1: b.x, y1: b.y }
  })

const centre = (s: Stroke) => ({ x: (s.x0 + s.x1) / 2, y: (s.y0 + s.y1) / 2 })

/** Where the answer to a label is written on its line: from the label to the next label on the row. */
export const answerRoom = ({ label, labels, pageWidth }: { label: PixelRect; labels: PixelRect[]; pageWidth: number }): PixelRect => {
  const h = height(label)
  // the next label to the right on the same line ends this field
  const sameRow = (o: PixelRect) => o !== label && Math.min(o.y1, label.y1) - Math.max(o.y0, label.y0) > 0.3 * h
  const stop = Math.min(pageWidth, label.x1 + pageWidth * 0.6, ...labels.filter((o) => sameRow(o) && o.x0 > label.x1).map((o) => o.x0 - 0.3 * h))
  return { x0: label.x1 - 0.5 * h, y0: label.y0 - 0.9 * h, x1: stop, y1: label.y1 + 1.1 * h }
}

/**
 * How far a stroke is from being written for a label: to its right on its line (a form's "Nom :
 * ____"), or in the space under it (a box whose title is the label). Infinity when neither.
 */
const distance = ({ stroke, label, labels, pageWidth, unit }: { stroke: Stroke; label: FormLabel; labels: FormLabel[]; pageWidth: number; unit: number }): number => {
  const h = height(label)
  const c = centre(stroke)
  const room = answerRoom({ label, labels, pageWidth })
  const stop = room.x1
  // On a label's line: how far right of it and how far off its middle, both in the page's usual label height (one
  // scale for every label, so that a taller box does not reach further: "First name." read 31 px tall took the
  // far end of the class written on the line below, whose short "Class:" label is further left). Two labels on
  // consecutive rows whose OCR boxes came out tall (shaded print read at 2×) both reach a row of writing: the one
  // level with it owns it.
  if (c.y > room.y0 && c.y < room.y1 && stroke.x0 > room.x0 && c.x < stop) return (stroke.x0 - label.x1) / unit + (3 * Math.abs(c.y - (label.y0 + label.y1) / 2)) / unit
  // below: inside the box the label titles, down to about three lines
  const below = labels.filter((o) => o !== label && o.y0 > label.y1 && Math.min(o.x1, stop) - Math.max(o.x0, label.x0) > 0)
  const floor = Math.min(label.y1 + 4 * h, ...below.map((o) => o.y0 - 0.2 * h))
  if (c.y > label.y1 - 0.2 * h && c.y < floor && c.x > label.x0 - 1.5 * h && c.x < stop) return 2 + (c.y - label.y1) / h
  return Infinity
}

/** Strokes too large to be letters: lines, frames left over, drawings. */
const letterLike = (s: Stroke, pageHeight: number) => s.y1 - s.y0 < pageHeight * 0.06

/**
 * Gives every piece of writing to the label it was written for (the nearest that can claim it).
 * Without labels that name a person, the first lines of writing at the top of the page are the name
 * (a plain copie double: the student writes it in the corner, no printed label).
 */
export const assignStrokes = ({ strokes, labels, page }: { strokes: Stroke[]; labels: FormLabel[]; page: { width: number; height: number } }): FoundField[] => {
  const letters = strokes.filter((s) => letterLike(s, page.height))
  const claiming = labels.filter((l) => l.kind !== 'other')
  const fields = new Map<FormLabel, Stroke[]>()
  const unit = Math.max(1, median(labels.map(height)))
  const owner = new Map<Stroke, FormLabel>()
  for (const s of letters) {
    let best: FormLabel | undefined
    let bestDistance = Infinity
    for (const l of labels) {
      const d = distance({ stroke: s, label: l, labels, pageWidth: page.width, unit })
      if (d < bestDistance) {
        bestDistance = d
        best = l
      }
    }
    if (best) owner.set(s, best)
  }
  for (const [s, l] of marksAbove({ letters, owner })) owner.set(s, l)
  for (const [s, l] of owner) if (l.kind !== 'other') fields.set(l, [...(fields.get(l) ?? []), s])
  const found: FoundField[] = claiming.map((l) => ({ kind: l.kind, label: { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 }, strokes: fields.get(l) ?? [] }))
  if (claiming.some((l) => NAME_KINDS.has(l.kind))) return found
  return [...found, ...unlabelledName({ strokes: letters, page })]
}

/**
 * An accent or a dot goes with the letter just under it: "IÈRE" written on the line below the name had its grave
 * accent, alone between the two lines, given to the name (the space under a label is the room of a box it titles),
 * and the name's crop reached back onto "Nom et prénom :" to take it in ("m- —— DUPDNT ETHAN").
 */
const marksAbove = ({ letters, owner }: { letters: Stroke[]; owner: Map<Stroke, FormLabel> }): [Stroke, FormLabel][] => {
  const tall = median(letters.map((s) => s.y1 - s.y0))
  const out: [Stroke, FormLabel][] = []
  for (const s of letters) {
    if (s.y1 - s.y0 >= MARK_HEIGHT * tall) continue
    let under: Stroke | undefined
    for (const t of letters)
      if (t !== s && t.y0 >= s.y1 - 1 && t.y0 - s.y1 < tall && t.x0 <= s.x1 + 1 && s.x0 <= t.x1 + 1 && (!under || t.y0 < under.y0)) under = t
    const l = under && owner.get(under)
    if (l && l !== owner.get(s)) out.push([s, l])
  }
  return out
}
/** A piece this much shorter than the page's usual piece of writing is a mark (accent, dot), not a letter. */
const MARK_HEIGHT = 0.6

/** The top band's first line(s) of writing: the name, then (often) the class. */
const unlabelledName = ({ strokes, page }: { strokes: Stroke[]; page: { width: number; height: number } }): FoundField[] => {
  // Not a rule's sliver left by the subtraction on ruled paper.
  const band = strokes.filter((s) => s.y1 < page.height * 0.2 && tallerThanSliver(s)).sort((a, b) => a.y0 - b.y0)
  const lines: Stroke[][] = []
  for (const s of band) {
    const c = centre(s)
    const line = lines.find((l) => {
      const y0 = Math.min(...l.map((x) => x.y0))
      const y1 = Math.max(...l.map((x) => x.y1))
      return c.y > y0 - 0.15 * (y1 - y0) && c.y < y1 + 0.15 * (y1 - y0)
    })
    if (line) line.push(s)
    else lines.push([s])
  }
  const words = lines.filter((l) => l.reduce((n, s) => n + s.pixels, 0) > 120)
  const out: FoundField[] = []
  if (words[0]) out.push({ kind: 'fullName', strokes: words[0] })
  if (words[1]) out.push({ kind: 'className', strokes: words[1] })
  return out
}
