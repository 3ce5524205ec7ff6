import fontkit from '@pdf-lib/fontkit'
import { degrees, rgb, type PDFDocument, type PDFFont } from 'pdf-lib'
import { readFont, type HandFont } from '../fonts.js'
import type { Box } from '../geometry.js'
import type { Printer } from '../print/printer.js'
import type { Rng } from '../prng.js'

type Glyphs = { hasGlyphForCodePoint: (cp: number) => boolean }

/** A student's hand: a font, a size, an ink and how much the writing wobbles. */
export type Pen = {
  hand: HandFont
  font: PDFFont
  glyphs: Glyphs
  /** nominal size, already scaled so that every font has about the same x-height */
  size: number
  ink: [number, number, number]
  /** mean word rotation in degrees (a hand that climbs or falls) and its spread */
  tilt: number
  wobble: number
  /** writes accents (some students never do) */
  accents: boolean
}

export type EmbeddedHands = Map<string, { font: PDFFont; glyphs: Glyphs }>

/** Embeds each font once per document (full font: pdf-lib cannot subset CFF fonts). */
export const embedHands = async ({ doc, hands }: { doc: PDFDocument; hands: readonly HandFont[] }): Promise<EmbeddedHands> => {
  const out: EmbeddedHands = new Map()
  for (const hand of hands) {
    if (out.has(hand.id)) continue
    const bytes = readFont(hand)
    // no ligatures or contextual alternates: pdf-lib writes no width for the substituted glyphs, which opens gaps
    const font = await doc.embedFont(bytes, { subset: false, features: { liga: false, dlig: false, clig: false, calt: false, rlig: false } })
    out.set(hand.id, { font, glyphs: fontkit.create(bytes) as unknown as Glyphs })
  }
  return out
}

export const createPen = ({ rng, hand, embedded }: { rng: Rng; hand: HandFont; embedded: EmbeddedHands }): Pen => {
  const e = embedded.get(hand.id)
  if (!e) throw new Error(`font ${hand.id} was not embedded`)
  const blue = rng.chance(0.65)
  return {
    hand,
    font: e.font,
    glyphs: e.glyphs,
    size: rng.range(12.5, 16) * hand.scale,
    ink: blue ? [rng.range(0.05, 0.15), rng.range(0.1, 0.2), rng.range(0.45, 0.72)] : [rng.range(0.05, 0.14), rng.range(0.05, 0.14), rng.range(0.08, 0.16)],
    tilt: rng.range(-1.5, 1.5),
    wobble: rng.range(0.3, 1.3),
    accents: rng.chance(0.85),
  }
}

/** A pencil's grey (or a dry pen's): between 55 and 68 % of the way from black to white. */
export const pencilInk = (rng: Rng): [number, number, number] => {
  const grey = rng.range(0.55, 0.68)
  return [grey, grey, grey * 1.02]
}

const ACCENT: Record<string, 'acute' | 'grave' | 'circ' | 'diaer' | 'cedil' | undefined> = { '\u0301': 'acute', '\u0300': 'grave', '\u0302': 'circ', '\u0308': 'diaer', '\u0327': 'cedil' }

const drawAccents = ({ p, marks, x, y, w, size, capital, color }: { p: Printer; marks: string[]; x: number; y: number; w: number; size: number; capital: boolean; color: ReturnType<typeof rgb> }) => {
  const H = p.page.getHeight()
  const top = y - size * (capital ? 0.78 : 0.55)
  const t = Math.max(0.5, size * 0.06)
  const mx = p.ox + x + w * 0.5
  const line = (x1: number, y1: number, x2: number, y2: number) => p.page.drawLine({ start: { x: mx + x1, y: H - top + y1 }, end: { x: mx + x2, y: H - top + y2 }, thickness: t, color })
  for (const m of marks) {
    const kind = ACCENT[m]
    if (kind === 'acute') line(-w * 0.1, 1, w * 0.2, size * 0.22)
    else if (kind === 'grave') line(w * 0.1, 1, -w * 0.2, size * 0.22)
    else if (kind === 'circ') {
      line(-w * 0.25, 1, 0, size * 0.18)
      line(0, size * 0.18, w * 0.25, 1)
    } else if (kind === 'diaer') {
      p.page.drawCircle({ x: mx - w * 0.2, y: H - top + size * 0.1, size: t, color })
      p.page.drawCircle({ x: mx + w * 0.2, y: H - top + size * 0.1, size: t, color })
    } else if (kind === 'cedil') p.page.drawLine({ start: { x: mx, y: H - y }, end: { x: mx - w * 0.15, y: H - y - size * 0.22 }, thickness: t, color })
  }
}

/**
 * Writes text by hand: word by word with a drifting baseline, per-word tilt and size jitter. Letters the
 * font lacks are written without their accent, and the accent is added as a pen stroke. Returns the box
 * the ink covers (top-left coordinates of the upright page).
 */
export const write = ({
  p,
  pen,
  rng,
  text,
  x,
  y,
  size: sizeOverride,
  jitter = 1,
  perLetter = false,
}: {
  p: Printer
  pen: Pen
  rng: Rng
  text: string
  /** start of the baseline, top-left coordinates */
  x: number
  y: number
  size?: number
  /** 0: steady (block capitals in cells), 1: normal */
  jitter?: number
  /** place letters one by one with their own jitter (names: what identification reads) */
  perLetter?: boolean
}): Box => {
  const size0 = sizeOverride ?? pen.size
  const color = rgb(...pen.ink)
  const H = p.page.getHeight()
  let cx = x
  let by = y
  let minY = Infinity
  let maxY = -Infinity
  const words = text.split(' ')
  words.forEach((word, wi) => {
    const size = size0 * (1 + rng.gaussian() * 0.03 * jitter)
    const angle = (pen.tilt + rng.gaussian() * pen.wobble * 0.6) * jitter
    const rad = (angle * Math.PI) / 180
    by += rng.gaussian() * 0.5 * jitter
    // a word the font can write as is goes in one piece (fast); letters are placed one by one for names
    // (their own small jitter) and for words with accents the font lacks (drawn as strokes)
    const whole = !perLetter && [...word].every((ch) => pen.glyphs.hasGlyphForCodePoint(ch.codePointAt(0)!)) && (pen.accents || word.normalize('NFD') === word)
    let adv = 0
    if (whole) {
      p.page.drawText(word, { x: p.ox + cx, y: H - by, size, font: pen.font, color, rotate: degrees(angle) })
      adv = pen.font.widthOfTextAtSize(word, size)
    } else
      for (const ch of word) {
        const decomposed = ch.normalize('NFD')
        const base = decomposed[0]!
        const marks = [...decomposed.slice(1)]
        const has = pen.glyphs.hasGlyphForCodePoint(ch.codePointAt(0)!)
        const glyph = has && (pen.accents || marks.length === 0) ? ch : pen.glyphs.hasGlyphForCodePoint(base.codePointAt(0)!) ? base : ''
        if (!glyph) continue
        const w = pen.font.widthOfTextAtSize(glyph, size)
        const gx = cx + Math.cos(rad) * adv
        const gy = by - Math.sin(rad) * adv + (perLetter ? rng.gaussian() * 0.3 * jitter : 0)
        p.page.drawText(glyph, { x: p.ox + gx, y: H - gy, size, font: pen.font, color, rotate: degrees(angle) })
        if (glyph === base && marks.length > 0 && pen.accents) drawAccents({ p, marks, x: gx, y: gy, w, size, capital: base === base.toUpperCase() || !!pen.hand.capitals, color })
        adv += w
      }
    const endY = by - Math.sin(rad) * adv
    minY = Math.min(minY, by, endY)
    maxY = Math.max(maxY, by, endY)
    cx += Math.cos(rad) * adv
    if (wi < words.length - 1) cx += pen.font.widthOfTextAtSize(' ', size) * (1 + rng.range(-0.15, 0.4) * jitter)
  })
  const top = minY - size0 * 0.85
  const bottom = maxY + size0 * 0.3
  return { x, y: top, width: Math.max(1, cx - x), height: bottom - top }
}

/** Width the text will take (without jitter), to fit it on a line or in a cell. */
export const widthOf = ({ pen, text, size }: { pen: Pen; text: string; size?: number }): number => {
  const s = size ?? pen.size
  if ([...text].every((ch) => pen.glyphs.hasGlyphForCodePoint(ch.codePointAt(0)!))) return pen.font.widthOfTextAtSize(text, s)
  let w = 0
  for (const ch of text) {
    const glyph = pen.glyphs.hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : ch.normalize('NFD')[0]!
    if (pen.glyphs.hasGlyphForCodePoint(glyph.codePointAt(0)!)) w += pen.font.widthOfTextAtSize(glyph, s)
  }
  return w
}
