// Written page numbers ("n / N" in the official sheet's footer cells) read on issue 18's copier scenario
// and counted against the generator's truth: used by bench/pageNumbers.ts and by the learned-footer test.
import * as mupdf from 'mupdf'

import { formFromSubject, renderPageImage } from '../../plugins/identification/lib/fields/index'
import { createLabelReader } from '../../plugins/identification/lib/header/labelReader'
import { createPaddleEngine } from '../../plugins/identification/lib/ocr/index'
import { decodeCopyNumbers, restartOf, footerFormOf, footerWithoutWriting, scorePageNumber, sheetKeys, type FooterForm } from '../../plugins/identification/lib/pageNumbers/index'
import { batchForm, firstPageImage, laterFeet, LEARNING_PAGES } from '../../plugins/identification/lib/pipeline/readCopies'
import { processScan } from '../../plugins/scan-pipeline/lib/index'
import type { Scenario as ScenarioBundle } from '../../tools/papers/index'
import { rotationsOf, storedRegion } from '../truth-regions'

/** Where the page-number box comes from: the subject's first page, or a form learned from the scan (with or without the later pages' feet). */
export type FooterSource = 'subject' | 'learned' | 'learned-first-pages-only'

type Counts = { right: number; wrong: number; none: number; 'none (unwritten)': number }
/**
 * `pagesAlone`: the same pages decided without their folded sheets (the baseline of the sheet-wise decision);
 * `cut wrongly`: whole copies a restart of their numbers would cut in two (see restartOf).
 */
export type NumberCounts = { copies: number; pages: number; secondsPerPage: number; pagesAlone: Counts; 'cut wrongly': number } & Counts

/** The scan cut as ingestion cuts it (one copy per sheet), and the footer the chosen source gives. */
export const openScenario = async ({ scenario, source }: { scenario: ScenarioBundle; source: FooterSource }) => {
  const main = scenario.batches[0]!
  const copies: Uint8Array[] = []
  const sources: number[][] = []
  const regions: string[][] = []
  /** the folded sheet and scanned side of each page, as identification names them */
  const sheets: ReturnType<typeof sheetKeys>[] = []
  const scanned = await processScan({
    bytes: main.bytes,
    fileName: 'copies.pdf',
    onCopy: ({ copy, pdf }) => {
      copies.push(pdf)
      sources.push(copy.pages.map((p) => p.sourcePage))
      regions.push(copy.pages.map((p) => p.region))
      sheets.push(sheetKeys(copy.pages))
    },
  })
  const formOf = async () => {
    if (source === 'subject') return formFromSubject({ pdf: scenario.subject })
    const labels = await createLabelReader()
    try {
      const pages = copies.slice(0, LEARNING_PAGES).map((pdf) => firstPageImage(pdf))
      return await batchForm({ firstPagePrint: scanned.plan.model.firstPage, pages, readers: { labels, engines: [] } })
    } finally {
      await labels.terminate()
    }
  }
  const form = await formOf()
  const found = form && footerFormOf(form)
  const footer = found && source === 'learned' ? footerWithoutWriting({ footer: found, feet: copies.slice(0, 3).flatMap((pdf) => laterFeet({ pdf })) }) : found
  return { main, copies, sources, regions, sheets, footer }
}

/**
 * Every page's number read and decided per student copy (the scan's sheets grouped by the truth's student,
 * as identification joins consecutive sheets with the same header), counted against what was written.
 */
export const countNumbers = async ({ scenario, footer, copies, sources, regions, sheets }: { scenario: ScenarioBundle; footer: FooterForm } & Pick<Awaited<ReturnType<typeof openScenario>>, 'copies' | 'sources' | 'regions' | 'sheets'>): Promise<NumberCounts> => {
  const main = scenario.batches[0]!
  // What was written on each half as the cut names it (the truth names the halves as displayed).
  const turns = await rotationsOf(main.bytes)
  const writtenOn = new Map<string, string>()
  for (const copy of main.truth.copies)
    for (const p of copy.pages) writtenOn.set(`${p.source_page}:${storedRegion(p.region, turns[p.source_page - 1] ?? 0)}`, p.written ? `${p.written.n}/${p.written.total}` : '-')
  const studentOf = (sourcePage: number) => main.truth.copies.findIndex((t) => t.pages.some((p) => p.source_page === sourcePage))
  const groups = new Map<number, number[]>()
  for (const [c, pages] of sources.entries()) groups.set(studentOf(pages[0]!), [...(groups.get(studentOf(pages[0]!)) ?? []), c])
  const counts: Counts = { right: 0, wrong: 0, none: 0, 'none (unwritten)': 0 }
  const pagesAlone: Counts = { ...counts }
  let cutWrongly = 0
  const engine = await createPaddleEngine()
  const started = Date.now()
  try {
    for (const members of groups.values()) {
      const scores = []
      const pageKeys: string[] = []
      const pageSheets: ReturnType<typeof sheetKeys> = { sheetOf: [], sideOf: [] }
      for (const c of members) {
        const doc = mupdf.Document.openDocument(copies[c]!, 'application/pdf')
        for (let i = 0; i < doc.countPages(); i++) scores.push(await scorePageNumber({ page: renderPageImage({ doc, index: i }), footer, engines: [engine] }))
        doc.destroy()
        pageKeys.push(...sources[c]!.map((source, i) => `${source}:${regions[c]![i]}`))
        pageSheets.sheetOf.push(...sheets[c]!.sheetOf)
        pageSheets.sideOf.push(...sheets[c]!.sideOf)
      }
      const count = (into: Counts, decoded: ReturnType<typeof decodeCopyNumbers>) =>
        decoded.forEach((read, i) => {
          const truth = writtenOn.get(pageKeys[i]!) ?? '-'
          if (!read) into[truth === '-' ? 'none (unwritten)' : 'none']++
          else into[truth === `${read.n}/${read.total}` ? 'right' : 'wrong']++
        })
      count(counts, decodeCopyNumbers(scores, pageSheets))
      count(pagesAlone, decodeCopyNumbers(scores))
      // each group is one student's whole copy: a restart read on it would cut it wrongly
      if (restartOf({ scores, ...pageSheets })) cutWrongly++
    }
  } finally {
    await engine.terminate()
  }
  const pages = Object.values(counts).reduce((a, b) => a + b, 0)
  return { copies: groups.size, pages, ...counts, 'cut wrongly': cutWrongly, pagesAlone, secondsPerPage: (Date.now() - started) / 1000 / pages }
}
