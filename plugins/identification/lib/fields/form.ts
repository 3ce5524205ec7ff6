import * as mupdf from 'mupdf'

import { readSubject } from '../../../scan-pipeline/lib/template/subject'
import { alignTemplate, prepareTarget, samplePoints } from '../../../scan-pipeline/lib/template/align'
import { DESCRIPTOR_DPI, dilate, type Mask } from '../../../scan-pipeline/lib/template/mask'
import type { LabelReader } from '../header/labelReader'
import type { GrayCrop } from '../header/types'
import { alignForm, downsample, fitOf, refine, warpInto, type FormTransform } from './align'
import { inkOf, normalised, renderPageImage, FORM_DPI, type PageImage } from './page'
import { labelsOf, oneLabelPerName, type FormLabel } from './phrases'
import { subjectPlaces } from './subjectPages'
import { mapPixels } from '../../../scan-pipeline/lib/raster/mapPixels'
import { lightestOf } from './lightest'
import { rulesOf, withoutRules } from './rules'
import { endAtCells } from './cells'

/**
 * A first page as printed, before anyone wrote on it: from the exam's blank subject, or learned from
 * the copies themselves. Its print is what is taken away from a copy's first page to leave the
 * handwriting; its labels say which handwriting is which field.
 */
export type BlankForm = {
  image: PageImage
  mask: Mask
  /** printed labels, in the form's pixels */
  labels: FormLabel[]
  source: 'subject' | 'learned'
  /** the subject PDF the form is the first page of: its other pages' print is taken away from the pages that matched them */
  subject?: Uint8Array
}

const maskOf = (image: GrayCrop): Mask => ({ width: image.width, height: image.height, data: inkOf(image) })

/** The subject's first page: its print rendered, its labels from the PDF's own text (no OCR). */
export const formFromSubject = ({ pdf }: { pdf: Uint8Array }): BlankForm => {
  const subject = readSubject({ bytes: pdf })
  const first = subject.pages[0]!
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    // An A3 booklet's first page is the right half of its first sheet.
    const [place] = subjectPlaces(doc)
    const image = renderPageImage({ doc, index: place!.index, dpi: FORM_DPI, half: place!.half })
    const k = FORM_DPI / 72
    const labels = oneLabelPerName(labelsOf(first.words.map((w) => ({ text: w.text, x0: w.box.x * k, y0: w.box.y * k, x1: (w.box.x + w.box.width) * k, y1: (w.box.y + w.box.height) * k }))))
    return { image, mask: maskOf(image), labels, source: 'subject', subject: pdf }
  } finally {
    doc.destroy()
  }
}

/** Each pixel takes the darkest value within `r` pixels (ink grown): tolerance to alignment. */
const growInk = (raw: Uint8Array, width: number, height: number, r = 1): Uint8Array => {
  const rows = new Uint8Array(raw.length)
  for (let y = 0; y < height; y++) {
    const row = y * width
    for (let x = 0; x < width; x++) {
      let v = 255
      for (let k = Math.max(0, x - r); k <= Math.min(width - 1, x + r); k++) if (raw[row + k]! < v) v = raw[row + k]!
      rows[row + x] = v
    }
  }
  const out = new Uint8Array(raw.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 255
      for (let k = Math.max(0, y - r); k <= Math.min(height - 1, y + r); k++) if (rows[k * width + x]! < v) v = rows[k * width + x]!
      out[y * width + x] = v
    }
  }
  return out
}

/** An alignment that moves print this far cannot be right (pixels at FORM_DPI: 60 ≈ 1 cm). */
const plausible = (t: FormTransform) => Math.abs(t.scale - 1) < 0.06 && Math.abs(t.dx) < 60 && Math.abs(t.dy) < 60

/**
 * Each pixel's second-lightest value among the aligned pages (the lightest with fewer than five): a
 * pixel stays dark only where the pages have ink in common — print. The second rather than the first
 * forgives one page whose print did not quite line up. (It also keeps a ghost of what most students write
 * in the same place, the first letters of a name written one per cell: `cellRow/slots.ts` reads letter
 * cells knowing it. Keeping the second only near print every page shows removed the ghost, but lost print
 * where pages lined up worse: one-line-a4-heldout without subject 60 → 52 % named.)
 */
const printOf = ({ pages, align, frame, grow = 1 }: { pages: PageImage[]; align: (page: PageImage) => FormTransform; frame: PageImage; grow?: number }): Uint8Array => {
  function* warped() {
    for (const page of pages) {
      const t = align(page)
      if (process.env.KORRIGO_DEBUG_FORM) console.log('form fit', t)
      if (plausible(t)) yield growInk(warpInto({ page: normalised(page), t, frame }), frame.width, frame.height, grow)
    }
  }
  const { first, second, count } = lightestOf({ size: frame.width * frame.height, layers: warped() })
  if (count === 0) return frame.raw
  return count >= 5 ? second : first
}

/**
 * How a page sits relative to the reference page: through the first page's print as ingestion learned
 * it (DESCRIPTOR_DPI, handwriting-free: a reliable alignment), mapped to FORM_DPI.
 */
const viaPrint = ({ print, reference }: { print: Mask; reference: PageImage }) => {
  const points = samplePoints(print, 1500)
  const factor = Math.round(FORM_DPI / DESCRIPTOR_DPI)
  const at = (page: PageImage) => alignTemplate({ points, target: prepareTarget(downsample(maskOf(page), factor)) })
  const ref = at(reference)
  return (page: PageImage): FormTransform => {
    const a = at(page)
    // both pages as seen from the print's frame: reference → print → page
    const scale = a.scale / ref.scale
    return { scale, dx: (a.dx - ref.dx * scale) * factor, dy: (a.dy - ref.dy * scale) * factor, fit: a.hits }
  }
}

/**
 * How a page sits relative to the reference page with no print to go by: aligned on all their ink and
 * on their rules alone (frames, boxes, cells: print, where handwriting never draws a long straight line),
 * whichever lays the reference's rules better on the page's. Loose annex sheets with little writing line up
 * on their ink; first pages that are mostly handwriting line up on one another's writing that way
 * (annex-a4 without subject: 0 % named), on their rules they do not.
 */
const unguided = ({ reference, referenceInk }: { reference: PageImage; referenceInk: Mask }) => {
  const rules = (page: PageImage): Mask => ({ width: page.width, height: page.height, data: rulesOf({ image: page, long: RULE_LONG, tall: RULE_TALL }) })
  const onInk = (page: PageImage) => alignForm({ form: referenceInk, page: maskOf(page) })
  const referenceRules = rules(reference)
  let ruled = 0
  for (const v of referenceRules.data) ruled += v
  if (ruled < MIN_RULE_PIXELS) return onInk
  const points = samplePoints(referenceRules, 2500)
  return (page: PageImage): FormTransform => {
    const pageRules = rules(page)
    // to the pixel: both alignments lay the rules within a pixel or two, and that is what tells them apart
    const rulesFit = (t: FormTransform) => fitOf({ points, form: referenceRules, page: pageRules, t })
    const byInk = onInk(page)
    const byRules = alignForm({ form: referenceRules, page: pageRules })
    return rulesFit(byRules) > rulesFit(byInk) ? byRules : byInk
  }
}
/** Rule pixels a page needs to be aligned on its rules (the outline of one 10 × 3 cm box, a pixel thick, is ~1,500). */
const MIN_RULE_PIXELS = 1500

/**
 * Where first-page labels are looked for, and at what enlargement: the top of the page (names) and its
 * foot (page numbers), whose small print ("page / nombre total de pages", 7 pt) OCR misreads at FORM_DPI.
 */
type LabelBand = { from: number; to: number; zoom: number }
const HEAD_BAND: LabelBand = { from: 0, to: 0.45, zoom: 1 }
const FOOT_BAND: LabelBand = { from: 0.88, to: 1, zoom: 2 }
const HEAD_BAND_2X: LabelBand = { ...HEAD_BAND, zoom: 2 }
/** Rules at FORM_DPI: longer than 1 cm, taller than 4.5 mm (14-pt capitals are 25 px). */
const RULE_LONG = 60
const RULE_TALL = 26

/** A grey image enlarged `k` times, each pixel repeated (crisp edges are what OCR of print wants). */
const enlarge = (image: GrayCrop, k: number): GrayCrop => {
  if (k === 1) return image
  const width = image.width * k
  const raw = new Uint8Array(width * image.height * k)
  for (let y = 0; y < image.height * k; y++) {
    const from = Math.floor(y / k) * image.width
    for (let x = 0; x < width; x++) raw[y * width + x] = image.raw[from + Math.floor(x / k)]!
  }
  return { raw, width, height: image.height * k }
}

/**
 * The blank form learned from several copies' first pages: all aligned on the first, then, pixel by
 * pixel, the lightest of them — handwriting is never in the same place twice, print always is. A second
 * round aligns the pages on that first estimate's print (handwriting no longer pulls the alignment).
 * Its labels are read once with the label reader (OCR of print, which is reliable).
 */
export const learnForm = async ({ pages, labels, print }: { pages: PageImage[]; labels: LabelReader; print?: Mask }): Promise<BlankForm> => {
  if (pages.length === 0) throw new RangeError('learning a form needs at least one page')
  const reference = pages[0]!
  // With the print ingestion learned, one pass; without it, a rough pass on the reference's whole
  // rules (else ink: `unguided`), then a second on the rough form's print.
  // A first, thick estimate (print grown to forgive coarse alignments), then the reference's own print
  // at full resolution (its ink under that estimate) aligns every page to the pixel.
  const refInk = maskOf(reference)
  const coarse = print ? viaPrint({ print, reference }) : unguided({ reference, referenceInk: refInk })
  const starts = new Map(pages.map((p) => [p, coarse(p)]))
  const rough = maskOf({ ...reference, raw: printOf({ pages, align: (p) => starts.get(p)!, frame: reference, grow: 4 }) })
  const refPrint: Mask = { ...refInk, data: mapPixels(refInk.data, (v, i) => v & rough.data[i]!) }
  const points = samplePoints(refPrint, 3000)
  const precise = (page: PageImage) => refine({ points, form: refPrint, page: dilate(maskOf(page), 1), start: starts.get(page)!, radius: 6 })
  const settled = printOf({ pages, align: precise, frame: reference, grow: 1 })
  const image: PageImage = { ...reference, raw: settled }
  // The labels are read twice: on the learned print (no handwriting, but its glyphs are thinned where
  // pages did not quite line up: short words such as "Nom :" get lost) and on the reference scan itself
  // (crisp print, in the same frame); a label found on either counts once. On the reference, only where the
  // learned print has ink too: its handwriting reads as words, and "Awa CHEVALIER née le" as a birth-date label.
  const learned = maskOf(image)
  const printed = (label: FormLabel) => printShare({ box: label, print: learned, ink: refInk }) >= MIN_PRINT_SHARE
  let found = [...(await labelsIn({ image, labels })), ...(await labelsIn({ image: reference, labels })).filter(printed)]
  // A family-name label lost at this size (the official sheet: bold capitals over a 6-pt line on a shaded band,
  // which OCR reads as one garbled line) is read again at 2×, and that reading preferred.
  if (!namesFamily(found))
    found = [...(await labelsIn({ image, labels, bands: [HEAD_BAND_2X] })), ...(await labelsIn({ image: reference, labels, bands: [HEAD_BAND_2X] })).filter(printed), ...found]
  // Still none: the rules beside it may be what garbles it (RÉPUBLIQUE FRANÇAISE, NOM DE FAMILLE and two rows
  // of cells on a shaded band read as one line of garbage on the official sheet's other printings). The
  // print without its rules is read at both sizes, each on its own (one reading's words must not join the
  // other's lines).
  if (!namesFamily(found)) {
    const unruled: PageImage = { ...image, ...withoutRules({ image, long: RULE_LONG, tall: RULE_TALL }) }
    for (const band of [HEAD_BAND, HEAD_BAND_2X]) found = [...(await labelsIn({ image: unruled, labels, bands: [band] })), ...found]
  }
  return { image, mask: learned, labels: oneLabelPerName(distinctLabels(found)).map((label) => endAtCells({ label, mask: learned })), source: 'learned' }
}

/**
 * Share of a reference label's ink the learned print keeps: print thinned by alignment keeps much of it (1.00 on
 * every printed label of the generated designs), handwriting little — but not none where first pages all carry
 * a name at one place: "Awa CHEVALIER née le" kept 0.35 on copies doubles, "NOM" 0.18.
 */
const MIN_PRINT_SHARE = 0.6

const printShare = ({ box, print, ink }: { box: { x0: number; y0: number; x1: number; y1: number }; print: Mask; ink: Mask }): number => {
  let inked = 0
  let kept = 0
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(ink.height, Math.ceil(box.y1)); y++)
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(ink.width, Math.ceil(box.x1)); x++) {
      const i = y * ink.width + x
      if (!ink.data[i]) continue
      inked++
      // a pixel of slack: the learned print sits within a pixel of the reference's
      if (print.data[i] || print.data[i - 1] || print.data[i + 1] || print.data[i - ink.width] || print.data[i + ink.width]) kept++
    }
  return inked ? kept / inked : 0
}

/** Whether labels ask for the family name (alone or with the first name). */
const namesFamily = (labels: FormLabel[]) => labels.some((label) => label.kind === 'lastName' || label.kind === 'fullName')

const labelsIn = async ({ image, labels, bands = [HEAD_BAND, FOOT_BAND] }: { image: PageImage; labels: LabelReader; bands?: LabelBand[] }): Promise<FormLabel[]> => {
  const words = []
  for (const { from, to, zoom } of bands) {
    const y0 = Math.floor(image.height * from)
    const y1 = Math.floor(image.height * to)
    const band = enlarge({ raw: image.raw.subarray(y0 * image.width, y1 * image.width), width: image.width, height: y1 - y0 }, zoom)
    for (const w of await labels.read(band)) words.push({ text: w.text, x0: w.box.x0 / zoom, y0: w.box.y0 / zoom + y0, x1: w.box.x1 / zoom, y1: w.box.y1 / zoom + y0 })
  }
  return labelsOf(words)
}

/** Labels of the same kind whose boxes overlap are one label (the first found is kept). */
const distinctLabels = (labels: FormLabel[]): FormLabel[] => {
  const overlap = (a: FormLabel, b: FormLabel) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0)
  return labels.filter((label, i) => !labels.slice(0, i).some((earlier) => earlier.kind === label.kind && overlap(earlier, label)))
}

/**
 * Whether a first page prints page-number labels in its foot ("page / nombre total de pages"): one read
 * of its foot band, so that a batch whose paper has none is not taught a whole form just to find out.
 */
export const printsPageNumbers = async ({ page, labels }: { page: PageImage; labels: LabelReader }): Promise<boolean> =>
  (await labelsIn({ image: page, labels, bands: [FOOT_BAND] })).some((label) => label.kind === 'pageNumber')
