import { WORDS, WORDS_EN } from '../content/legacy.js'
import type { Student } from '../content/names.js'
import type { ExamInfo, HeaderLayout, IdentityField, PageNumberSpot, Slot } from '../designs/types.js'
import { clampToPage, pad, union, type Box } from '../geometry.js'
import type { Printer } from '../print/printer.js'
import type { WritingLines } from '../print/rulings.js'
import type { Rng } from '../prng.js'
import { widthOf, write, type Pen } from './pen.js'

/** How one student writes their identity (kept across the sheets of their copy). */
export type WriterStyle = {
  /** NOM in capitals (most) or as on the roster's title case ("Da Silva") */
  lastUpper: boolean
  /** one-line fields: "Prénom NOM" or "NOM Prénom" */
  firstLast: boolean
  dropAccents: boolean
  /** writes "né(e) le …" next to the name where the header has no date field */
  dobNote: boolean
  /** keeps accents on capitals written in cells (ZOÉ rather than ZOE) */
  cellAccents: boolean
  /** fills a printed date-of-birth field (when the batch asks for written dates) */
  writesDob: boolean
}

export const randomStyle = (rng: Rng): WriterStyle => ({ lastUpper: rng.chance(0.75), firstLast: rng.chance(0.5), dropAccents: rng.chance(0.15), dobNote: rng.chance(0.5), cellAccents: rng.chance(0.4), writesDob: rng.chance(0.85) })

export type Zone = { field: IdentityField; box: Box }

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')

const fmtDob = (iso: string) => {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

/** A stable candidate number for a student (the official sheet and the annex ask for one). */
export const candidateNumber = (s: Student): string => {
  let h = 2166136261
  for (const ch of `${s.last_name}|${s.first_name}|${s.dob ?? ''}`) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0
  return String(h).padStart(10, '0').slice(-10)
}

const valueOf = ({ field, student, style }: { field: IdentityField; student: Student; style: WriterStyle }): string => {
  const last = style.lastUpper ? student.last_name.toUpperCase() : titleCase(student.last_name)
  const first = student.first_name
  const v = (() => {
    switch (field) {
      case 'last_name':
        return last
      case 'first_name':
        return first
      case 'full_name':
        return style.firstLast ? `${first} ${last}` : `${last} ${first}`
      case 'class':
        return student.class ?? ''
      case 'dob':
        return student.dob ? fmtDob(student.dob) : ''
      case 'candidate_number':
        return candidateNumber(student)
    }
  })()
  return style.dropAccents ? stripAccents(v) : v
}

/** One capital per printed cell (spaces leave a cell empty), steady like block capitals are. */
const writeCells = ({ p, pen, rng, cells, text }: { p: Printer; pen: Pen; rng: Rng; cells: Box[]; text: string }): Box | null => {
  let box: Box | null = null
  ;[...text].slice(0, cells.length).forEach((ch, i) => {
    if (ch === ' ') return
    const cell = cells[i]!
    const size = Math.min(pen.size, cell.height * 0.95)
    const w = widthOf({ pen, text: ch, size })
    const b = write({ p, pen, rng, text: ch, x: cell.x + (cell.width - w) / 2 + rng.gaussian() * 0.8, y: cell.y + cell.height - 3 + rng.gaussian() * 0.6, size, jitter: 0.4, perLetter: true })
    box = box ? union(box, b) : b
  })
  return box
}

/** Fits a value on a slot's line: a smaller hand when it is long. */
const writeLine = ({ p, pen, rng, slot, text }: { p: Printer; pen: Pen; rng: Rng; slot: Extract<Slot['write'], { kind: 'line' }>; text: string }): Box => {
  const natural = widthOf({ pen, text })
  const size = natural > slot.width ? (pen.size * slot.width) / natural : pen.size
  const slack = Math.max(0, slot.width - natural * (size / pen.size))
  return write({ p, pen, rng, text, x: slot.x + rng.range(0, Math.min(24, slack * 0.4)), y: slot.y + 1 + rng.range(-1.5, 1), size, perLetter: true })
}

/**
 * Writes the student's identity into a header. Returns one zone per field the header has (printed field
 * and handwriting together); fields with nothing printed get a zone only when something was written.
 */
export const fillHeader = ({
  p,
  pen,
  rng,
  header,
  student,
  style,
  writtenDob,
  exam,
}: {
  p: Printer
  pen: Pen
  rng: Rng
  header: HeaderLayout
  /** null: the student forgot to write a name (the header stays empty) */
  student: Student | null
  style: WriterStyle
  writtenDob: boolean
  exam: ExamInfo
}): Zone[] => {
  const zones: Zone[] = []
  const capitals = { ...style, lastUpper: true }
  for (const slot of header.slots) {
    let ink: Box | null = null
    const skip = !student || (slot.field === 'dob' && !(writtenDob && style.writesDob)) || (slot.field === 'class' && !slot.printed && rng.chance(0.5))
    if (!skip) {
      const text = valueOf({ field: slot.field, student, style: slot.write.kind === 'cells' ? capitals : style })
      if (slot.write.kind === 'cells') {
        const t = slot.field === 'dob' ? text.replace(/\//g, '') : text.toUpperCase()
        ink = writeCells({ p, pen, rng, cells: slot.write.cells, text: style.cellAccents ? t : stripAccents(t) })
      } else if (text) {
        ink = writeLine({ p, pen, rng, slot: slot.write, text })
        // "né(e) le …" after the name, where the header has no date field
        const hasDob = header.slots.some((s) => s.field === 'dob')
        if (!hasDob && writtenDob && style.dobNote && student.dob && (slot.field === 'first_name' || slot.field === 'full_name')) {
          const note = `${student.gender === 'F' ? 'née' : 'né'} le ${fmtDob(student.dob)}`
          const x = ink.x + ink.width + 12
          // on the printed line only (a box may follow it); free writing may run to the margin
          const end = slot.printed ? slot.write.x + slot.write.width : 585
          if (x + widthOf({ pen, text: note, size: pen.size * 0.8 }) < end) {
            const b = write({ p, pen, rng, text: note, x, y: slot.write.y, size: pen.size * 0.8 })
            zones.push({ field: 'dob', box: clampToPage(pad(b, 2)) })
          }
        }
      }
    }
    const box = slot.printed && ink ? union(slot.printed, ink) : (slot.printed ?? ink)
    if (box) zones.push({ field: slot.field, box: clampToPage(pad(box, 2)) })
  }
  if (student) for (const extra of header.extras ?? []) write({ p, pen, rng, text: extra.text(exam), x: extra.x + rng.range(0, 10), y: extra.y, size: pen.size * 0.9 })
  return zones
}

const MATH = ['f(x) = 2x + 3', 'x = 4', 'AB = 5 cm', 'donc S = {1 ; 3}', "f'(x) = 4x - 3", 'P(V) = 5/8', 'v = 24 km/h', 'E = P x t', '= 360 000 J', 'BC² = AB² + AC²']

const handLine = ({ rng, pen, maxWidth, english }: { rng: Rng; pen: Pen; maxWidth: number; english: boolean }): string => {
  const target = maxWidth * rng.range(0.3, 0.97)
  const words = english ? WORDS_EN : WORDS
  let text = !english && rng.chance(0.12) ? rng.pick(MATH) : ''
  for (;;) {
    const next = text ? `${text} ${rng.pick(words)}` : rng.pick(words)
    if (widthOf({ pen, text: next }) > target) return text || next
    text = next
  }
}

/** Answers on the page's writing lines; `lines` 0 leaves the page without handwriting. Returns lines written. */
export const writeAnswers = ({ p, pen, rng, areas, lines, english = false }: { p: Printer; pen: Pen; rng: Rng; areas: WritingLines[]; lines: number; english?: boolean }): number => {
  let written = 0
  for (const area of areas) {
    for (const [i, y] of area.baselines.entries()) {
      if (written >= lines) return written
      if (i > 0 && rng.chance(0.1)) continue
      const indent = rng.chance(0.15) ? 18 : rng.range(0, 6)
      const x = area.left + indent
      const text = written === 0 && rng.chance(0.4) ? `${rng.pick(['1)', 'a)', 'Ex 1 :', 'Question 1 :', '1.'])} ${handLine({ rng, pen, maxWidth: (area.right - x) * 0.6, english })}` : handLine({ rng, pen, maxWidth: area.right - x, english })
      write({ p, pen, rng, text, x, y: y - 2 + rng.range(-1, 1) })
      written++
    }
  }
  return written
}

/** "n / N" by hand, in the footer cells or at the bottom right. */
export const writePageNumber = ({ p, pen, rng, spot, n, total }: { p: Printer; pen: Pen; rng: Rng; spot: PageNumberSpot; n: number; total: number }) => {
  const two = (v: number) => String(v).padStart(2, '0')
  if (spot.kind === 'cells') {
    writeCells({ p, pen, rng, cells: spot.n, text: two(n) })
    writeCells({ p, pen, rng, cells: spot.total, text: two(total) })
  } else {
    const text = rng.chance(0.5) ? `${n}/${total}` : `${n} / ${total}`
    write({ p, pen, rng, text, x: spot.x + rng.range(-6, 20), y: spot.y + rng.range(-4, 3), size: pen.size * 0.95 })
  }
}
