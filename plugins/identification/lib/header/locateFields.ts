import { foldText } from '../text/fold'
import type { FieldLayout, GrayCrop, HeaderFieldName, LabelWord, PixelBox } from './types'

type Label = { field: HeaderFieldName | 'other'; box: PixelBox }

const norm = (text: string): string => foldText(text).toLowerCase().replace(/[^a-z]/g, '')

// Printed words that start a field, and words that only end one ("Note :", "Classe :").
const FIELD_WORDS: Record<string, HeaderFieldName> = { nom: 'lastName', name: 'lastName', surname: 'lastName', prenom: 'firstName', prenoms: 'firstName', firstname: 'firstName', naissance: 'birthDate' }
const OTHER_WORDS = new Set(['classe', 'class', 'note', 'date', 'signature', 'groupe', 'salle', 'matiere', 'epreuve'])

// Print is read well but not perfectly ("Prériom", "N0M"): long labels tolerate two edits, short ones none.
const near = (a: string, b: string): boolean => a === b || (b.length >= 5 && a.length >= 4 && editDistance(a, b) <= (b.length >= 6 ? 2 : 1))

const editDistance = (a: string, b: string): number => {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]!
}

const sameLine = (a: PixelBox, b: PixelBox): boolean => {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
  return overlap > 0.4 * Math.min(a.y1 - a.y0, b.y1 - b.y0)
}

const union = (a: PixelBox, b: PixelBox): PixelBox => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) })

/** Turns tesseract's printed words into labels; "Nom et prénom" on one line becomes a single full-name label. */
export const findLabels = (words: LabelWord[]): Label[] => {
  const sorted = [...words].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0)
  const labels: Label[] = []
  for (const [i, word] of sorted.entries()) {
    const text = norm(word.text)
    if (!text) continue
    const field = Object.entries(FIELD_WORDS).find(([key]) => near(text, key))?.[1]
    if (field === 'lastName') {
      const next = sorted.slice(i + 1, i + 4).filter((w) => sameLine(w.box, word.box) && w.box.x0 > word.box.x0)
      const first = next.find((w) => near(norm(w.text), 'prenom') || near(norm(w.text), 'prenoms'))
      if (first) {
        labels.push({ field: 'fullName', box: union(word.box, first.box) })
        continue
      }
    }
    if (field === 'firstName' && labels.some((l) => l.field === 'fullName' && sameLine(l.box, word.box))) continue
    if (field) labels.push({ field, box: word.box })
    else if (OTHER_WORDS.has(text)) labels.push({ field: 'other', box: word.box })
  }
  // One label per field: the highest on the page (a repeated word lower down is answer text).
  const seen = new Set<string>()
  return labels.filter((l) => l.field === 'other' || (!seen.has(l.field) && seen.add(l.field)))
}

/** Columns that are ink over most of a band: box edges, where a field stops. */
const verticalRules = ({ image, y0, y1, from }: { image: GrayCrop; y0: number; y1: number; from: number }): number | undefined => {
  const rows = Math.max(1, y1 - y0)
  for (let x = from; x < image.width; x++) {
    let ink = 0
    for (let y = y0; y < y1; y++) if (image.raw[y * image.width + x]! < 140) ink++
    if (ink / rows > 0.8) return x
  }
  return undefined
}

const clampBox = (box: PixelBox, image: GrayCrop): PixelBox => ({
  x0: Math.max(0, Math.round(box.x0)),
  y0: Math.max(0, Math.round(box.y0)),
  x1: Math.min(image.width, Math.round(box.x1)),
  y1: Math.min(image.height, Math.round(box.y1)),
})

/**
 * Where the handwriting of each field is, from the printed labels (design.md: labels are found
 * reliably, fixed coordinates are not). A field runs from its label (and colon) to the next printed
 * label or box edge on the same line; vertically it takes its share of the space to the neighbouring
 * label lines, because handwriting is larger than the print and overflows the label's own line.
 */
export const locateFields = ({ image, words }: { image: GrayCrop; words: LabelWord[] }): FieldLayout => {
  const labels = findLabels(words)
  const fieldLabels = labels.filter((l) => l.field !== 'other')
  if (!fieldLabels.length) return fallbackLayout(image)
  const lines = [...new Set(labels.map((l) => (l.box.y0 + l.box.y1) / 2))].sort((a, b) => a - b)
  const fields: FieldLayout['fields'] = {}
  for (const label of fieldLabels) {
    const h = label.box.y1 - label.box.y0
    const cy = (label.box.y0 + label.box.y1) / 2
    const above = lines.filter((y) => y < cy - h / 2).at(-1)
    const below = lines.find((y) => y > cy + h / 2)
    // Without a neighbouring line, stay close: above the first label lies the box edge or the title.
    const gapAbove = above !== undefined ? cy - above : 2.4 * h
    const gapBelow = below !== undefined ? below - cy : 2.4 * h
    const y0 = cy - 0.62 * gapAbove
    const y1 = cy + 0.45 * gapBelow
    // The colon, when tesseract made it a word of its own, belongs to the label.
    const colon = words.find((w) => /^[:.]+$/.test(w.text.trim()) && sameLine(w.box, label.box) && w.box.x0 >= label.box.x1 - 2 && w.box.x0 - label.box.x1 < 2 * h)
    const x0 = (colon?.box.x1 ?? label.box.x1) + 0.4 * h
    // A printed label to the right, on this line or just below it, starts another box ("Note :"):
    // its edges reach into this band even when its text sits lower.
    const stopWord = labels
      .filter((l) => l !== label && l.box.x0 > x0 + 2 * h && l.box.y1 > y0 && l.box.y0 < y1 + 1.5 * h)
      .sort((a, b) => a.box.x0 - b.box.x0)[0]
    const band = clampBox({ x0, y0, x1: image.width, y1 }, image)
    const rule = verticalRules({ image, y0: band.y0, y1: band.y1, from: Math.round(x0 + 2 * h) })
    const x1 = Math.min(stopWord ? stopWord.box.x0 - 1.5 * h : image.width, rule !== undefined ? rule - 2 : image.width)
    fields[label.field as HeaderFieldName] = clampBox({ x0, y0, x1, y1 }, image)
  }
  return { fields, source: 'labels' }
}

/** No printed label was read: the usual French header, NOM on the first third and Prénom below it. */
export const fallbackLayout = (image: GrayCrop): FieldLayout => {
  const w = image.width, h = image.height
  return {
    source: 'fallback',
    fields: {
      lastName: clampBox({ x0: 0.11 * w, y0: 0.1 * h, x1: 0.76 * w, y1: 0.37 * h }, image),
      firstName: clampBox({ x0: 0.13 * w, y0: 0.37 * h, x1: 0.76 * w, y1: 0.62 * h }, image),
    },
  }
}

/** Cuts one field out of the crop (raw grey pixels, what readField takes). */
export const cropField = ({ image, box }: { image: GrayCrop; box: PixelBox }): GrayCrop => {
  const width = Math.max(1, box.x1 - box.x0), height = Math.max(1, box.y1 - box.y0)
  const raw = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) raw.set(image.raw.subarray((box.y0 + y) * image.width + box.x0, (box.y0 + y) * image.width + box.x0 + width), y * width)
  return { raw, width, height }
}
