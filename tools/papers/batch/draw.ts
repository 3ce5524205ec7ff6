import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, type PDFEmbeddedPage } from 'pdf-lib'
import { A3, A4 } from '../geometry.js'
import { fillHeader, writeAnswers, writePageNumber } from '../hand/fill.js'
import { createPen, embedHands, pencilInk, type Pen } from '../hand/pen.js'
import { createPrinter, type PrintFonts } from '../print/printer.js'
import type { WritingLines } from '../print/rulings.js'
import { createRng, type Rng } from '../prng.js'
import { drawLooseSheet, embedPrintFonts, type Subject } from '../subject/build.js'
import type { BatchPlan } from './plan.js'

/** The loose sheets' blank pages, drawn once and embedded like the subject's. */
const looseTemplates = async (): Promise<{ bytes: Uint8Array; areas: Record<'seyes' | 'lined', WritingLines> }> => {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const fonts = await embedPrintFonts(doc)
  const seyes = drawLooseSheet({ p: createPrinter({ page: doc.addPage([A4.width, A4.height]), ox: 0, fonts }), kind: 'seyes' })
  const lined = drawLooseSheet({ p: createPrinter({ page: doc.addPage([A4.width, A4.height]), ox: 0, fonts }), kind: 'lined' })
  return { bytes: await doc.save(), areas: { seyes, lined } }
}

/**
 * Draws every scanned side upright as vector paper: the printed subject page (embedded as is), then the
 * student's handwriting. Fills the truth's identity zones as the headers are written.
 */
export const drawBatch = async ({ plan, subject }: { plan: BatchPlan; subject: Subject }): Promise<Uint8Array> => {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(fontkit)
  const fonts: PrintFonts = await embedPrintFonts(doc)
  const hands = await embedHands({ doc, hands: plan.hands })
  const subjectPages = await doc.embedPdf(subject.bytes, subject.pages.map((_, i) => i))
  const loose = await looseTemplates()
  const [seyesPage, linedPage] = await doc.embedPdf(loose.bytes, [0, 1])
  const embeddedLoose: Record<'seyes' | 'lined', PDFEmbeddedPage> = { seyes: seyesPage!, lined: linedPage! }
  // one pen and one stream of jitter per copy, so a copy's look does not depend on the others
  const pens = new Map<number, { pen: Pen; rng: Rng }>()
  const penOf = (copy: number) => {
    let p = pens.get(copy)
    if (!p) {
      const cp = plan.copies[copy]!
      const rng = createRng(cp.seed)
      const pen = createPen({ rng, hand: cp.hand, embedded: hands })
      // Drawn from a stream of its own: the pencil changes the ink and nothing else of the copy.
      if (plan.spec.pencil) pen.ink = pencilInk(createRng(cp.seed + 0x9e37))
      p = { pen, rng }
      pens.set(copy, p)
    }
    return p
  }
  for (const side of plan.sides) {
    const size = side.size === 'a3' ? A3 : A4
    const page = doc.addPage([size.width, size.height])
    side.halves.forEach((half, i) => {
      const ox = i * (A4.width + 1)
      const { pen, rng } = penOf(half.copy)
      const p = createPrinter({ page, ox, fonts })
      const cp = plan.copies[half.copy]!
      let areas: WritingLines[]
      let spot = subject.pages[0]!.pageNumber
      if ('subject' in half.source) {
        const sp = subject.pages[half.source.subject - 1]!
        page.drawPage(subjectPages[half.source.subject - 1]!, { x: ox, y: 0 })
        areas = sp.areas
        spot = sp.pageNumber
        if (half.header && sp.header) {
          const zones = fillHeader({ p, pen, rng, header: sp.header, student: cp.student, style: cp.style, writtenDob: !!plan.spec.writtenDob, exam: plan.exam })
          const truthCopy = plan.truth[half.copy]!
          for (const z of zones) truthCopy.identityZones.push({ page: half.pageIndex, field: z.field, box: z.box })
        }
      } else {
        page.drawPage(embeddedLoose[half.source.loose], { x: ox, y: 0 })
        areas = [loose.areas[half.source.loose]]
        spot = { kind: 'free', x: 500, y: 815 }
      }
      writeAnswers({ p, pen, rng, areas, lines: half.lines, english: !!plan.exam.discipline.english })
      if (half.pageNumber) writePageNumber({ p, pen, rng, spot, n: half.pageNumber.n, total: half.pageNumber.total })
    })
  }
  return doc.save()
}
