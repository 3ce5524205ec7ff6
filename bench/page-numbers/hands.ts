// Written page numbers read hand by hand: a class drawn with one copy per handwriting font, each copy two sheets,
// read as the page-order step reads them. On the official sheet (`paper: 'official'`) each copy is two sets of the
// subject (four pages, each numbered "n / 4" in its footer cells), cut with the subject; on copies doubles
// (`paper: 'copie-double'`) each side is numbered freely in its foot ("n/8" on folded A3, "n/4" on A4), and
// the foot is found on a form learned from the batch, as identification learns it with no subject. Tells a change
// to the reading that helps one hand from one that helps them all.
import { formFromSubject } from '../../plugins/identification/lib/fields/index'
import { createLabelReader } from '../../plugins/identification/lib/header/labelReader'
import { createPaddleEngine } from '../../plugins/identification/lib/ocr/index'
import { footerFormOf, footerOfPage, pageNumberFooter, readCopyOrder, sheetKeys, type FooterForm } from '../../plugins/identification/lib/pageNumbers/index'
import { batchForm, firstPageImage, laterFeet, LEARNING_PAGES } from '../../plugins/identification/lib/pipeline/readCopies'
import { analyzePages, openAssembler, planCopies, readSubject, type CopyPlan } from '../../plugins/scan-pipeline/lib/index'
import { buildBatch } from '../../tools/papers/batch/build'
import { HAND_FONTS } from '../../tools/papers/fonts'
import { rotationsOf, storedRegion } from '../truth-regions'

export type HandCounts = { hand: string; set: string; written: number; right: number; wrong: number }

export type HandPaper = 'official' | 'copie-double'

/** The copies doubles' foot, found on a form learned from the batch's first pages (its print and its rules taken away). */
const learnedFreeFooter = async ({ plan, pdfs }: { plan: CopyPlan; pdfs: Uint8Array[] }): Promise<FooterForm | undefined> => {
  const labels = await createLabelReader()
  try {
    const form = await batchForm({ firstPagePrint: plan.model.firstPage, pages: pdfs.slice(0, LEARNING_PAGES).map(firstPageImage), readers: { labels, engines: [] } })
    return form && (await pageNumberFooter({ form, laterFeet: async () => pdfs.filter((_, i) => plan.copies[i]!.pages.length > 1).slice(0, 3).flatMap((pdf) => laterFeet({ pdf })) }))
  } finally {
    await labels.terminate()
  }
}

/** `only`: these hands' copies alone (a quicker check of a few); `pencil`: every hand in light grey (see BatchSpec). */
export const countByHand = async ({ seed, only, pencil, paper = 'official' }: { seed: number; only?: string[]; pencil?: boolean; paper?: HandPaper }): Promise<HandCounts[]> => {
  const fonts = HAND_FONTS.filter((f) => !f.legacyOnly && (!only || only.includes(f.id)))
  const unknown = only?.filter((id) => !HAND_FONTS.some((f) => f.id === id)) ?? []
  if (unknown.length) throw new Error(`no handwriting font ${unknown.map((id) => `"${id}"`).join(', ')} (tools/papers/fonts.ts)`)
  const hands = fonts.map((f) => f.id)
  const free = paper === 'copie-double'
  const batch = await buildBatch({ name: 'page-numbers-by-hand', seed, design: paper, format: 'a4', copies: hands.length, hands, sheetsFor: hands.map(() => 2), repeatHeader: free ? 0 : 1, pageNumbers: true, blankPages: 0, fonts: 'tuned', pencil })
  const analyses = await analyzePages({ bytes: batch.bytes, fileName: 'hands.pdf' })
  const plan = planCopies({ analyses, fileName: 'hands.pdf', subject: free ? undefined : readSubject({ bytes: batch.subject }) })
  const skew = new Map(analyses.map((a) => [a.sourcePage, a.skewDegrees]))
  const assembler = await openAssembler({ sourceBytes: batch.bytes, skewOf: (p) => skew.get(p) ?? 0 })
  const pdfs: Uint8Array[] = []
  for (const copy of plan.copies) pdfs.push(await assembler.assemble(copy.pages))
  const footer = free ? await learnedFreeFooter({ plan, pdfs }) : footerFormOf(formFromSubject({ pdf: batch.subject }))
  if (!footer) throw new Error(free ? 'no foot was found on the form learned from the copies doubles' : 'the official subject has no page-number footer')
  // each side as the cut names it (the truth names them as displayed)
  const turns = await rotationsOf(batch.bytes)
  const truth = new Map(batch.truth.copies.flatMap((c) => c.pages.map((p) => [`${p.source_page}:${storedRegion(p.region, turns[p.source_page - 1] ?? 0)}`, { written: p.written, hand: c.hand }] as const)))
  const counts = new Map(fonts.map((f) => [f.id, { hand: f.id, set: f.set, written: 0, right: 0, wrong: 0 }]))
  const engine = await createPaddleEngine()
  try {
    for (const [i, copy] of plan.copies.entries()) {
      const { sheetOf, sideOf } = sheetKeys(copy.pages)
      const { numbers } = await readCopyOrder({ pdf: pdfs[i]!, footers: copy.pages.map((p) => footerOfPage({ footer, subjectPage: p.subjectPage })), blank: copy.pages.map((p) => p.blank), sheets: sheetOf, sides: sideOf, engines: [engine] })
      copy.pages.forEach((page, k) => {
        const t = truth.get(`${page.sourcePage}:${page.region}`)
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
