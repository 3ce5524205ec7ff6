// Written page numbers read hand by hand: an official A4 class drawn with one copy per handwriting font, each copy
// two sets of the subject (four pages, each numbered "n / 4"), cut with the subject and read as the page-order step
// reads them. Tells a change to the footer's reading that helps one hand from one that helps them all.
import { formFromSubject } from '../../plugins/identification/lib/fields/index'
import { createPaddleEngine } from '../../plugins/identification/lib/ocr/index'
import { footerFormOf, readCopyOrder } from '../../plugins/identification/lib/pageNumbers/index'
import { analyzePages, openAssembler, planCopies, readSubject } from '../../plugins/scan-pipeline/lib/index'
import { buildBatch } from '../../tools/papers/batch/build'
import { HAND_FONTS } from '../../tools/papers/fonts'

export type HandCounts = { hand: string; set: string; written: number; right: number; wrong: number }

/** `only`: these hands' copies alone (a quicker check of a few); `pencil`: every hand in light grey (see BatchSpec). */
export const countByHand = async ({ seed, only, pencil }: { seed: number; only?: string[]; pencil?: boolean }): Promise<HandCounts[]> => {
  const fonts = HAND_FONTS.filter((f) => !f.legacyOnly && (!only || only.includes(f.id)))
  const unknown = only?.filter((id) => !HAND_FONTS.some((f) => f.id === id)) ?? []
  if (unknown.length) throw new Error(`no handwriting font ${unknown.map((id) => `"${id}"`).join(', ')} (tools/papers/fonts.ts)`)
  const hands = fonts.map((f) => f.id)
  const batch = await buildBatch({ name: 'page-numbers-by-hand', seed, design: 'official', format: 'a4', copies: hands.length, hands, sheetsFor: hands.map(() => 2), repeatHeader: 1, pageNumbers: true, blankPages: 0, fonts: 'tuned', pencil })
  const analyses = await analyzePages({ bytes: batch.bytes, fileName: 'hands.pdf' })
  const plan = planCopies({ analyses, fileName: 'hands.pdf', subject: readSubject({ bytes: batch.subject }) })
  const footer = footerFormOf(formFromSubject({ pdf: batch.subject }))
  if (!footer) throw new Error('the official subject has no page-number footer')
  const skew = new Map(analyses.map((a) => [a.sourcePage, a.skewDegrees]))
  const assembler = await openAssembler({ sourceBytes: batch.bytes, skewOf: (p) => skew.get(p) ?? 0 })
  // A4: one page per scanned side, so a side names the page
  const truth = new Map(batch.truth.copies.flatMap((c) => c.pages.map((p) => [p.source_page, { written: p.written, hand: c.hand }] as const)))
  const counts = new Map(fonts.map((f) => [f.id, { hand: f.id, set: f.set, written: 0, right: 0, wrong: 0 }]))
  const engine = await createPaddleEngine()
  try {
    for (const copy of plan.copies) {
      const pdf = await assembler.assemble(copy.pages)
      const { numbers } = await readCopyOrder({ pdf, footers: copy.pages.map(() => footer), blank: copy.pages.map((p) => p.blank), engines: [engine] })
      copy.pages.forEach((page, k) => {
        const t = truth.get(page.sourcePage)
        const c = t && counts.get(t.hand)
        if (!t?.written || !c) return
        c.written++
        const got = numbers[k]
        if (got && got.n === t.written.n && got.total === t.written.total) c.right++
        else if (got) c.wrong++
      })
    }
  } finally {
    await engine.terminate()
  }
  return [...counts.values()]
}
