// Written page numbers ("n / N" in the official sheet's footer cells) read on issue 18's copier scenario
// and counted against the generator's truth: used by bench/pageNumbers.ts and by the learned-footer test.
import * as mupdf from 'mupdf'

import { formFromSubject, renderPageImage } from '../../plugins/identification/lib/fields/index'
import { createLabelReader } from '../../plugins/identification/lib/header/labelReader'
import { createPaddleEngine } from '../../plugins/identification/lib/ocr/index'
import { decodeCopyNumbers, footerFormOf, footerWithoutWriting, scorePageNumber, type FooterForm } from '../../plugins/identification/lib/pageNumbers/index'
import { batchForm, firstPageImage, laterFeet, LEARNING_PAGES } from '../../plugins/identification/lib/pipeline/readCopies'
import { processScan } from '../../plugins/scan-pipeline/lib/index'
import type { Scenario as ScenarioBundle } from '../../tools/papers/index'

/** Where the page-number box comes from: the subject's first page, or a form learned from the scan (with or without the later pages' feet). */
export type FooterSource = 'subject' | 'learned' | 'learned-first-pages-only'

export type NumberCounts = { copies: number; pages: number; right: number; wrong: number; none: number; 'none (unwritten)': number; secondsPerPage: number }

/** The scan cut as ingestion cuts it (one copy per sheet), and the footer the chosen source gives. */
export const openScenario = async ({ scenario, source }: { scenario: ScenarioBundle; source: FooterSource }) => {
  const main = scenario.batches[0]!
  const copies: Uint8Array[] = []
  const sources: number[][] = []
  const scanned = await processScan({
    bytes: main.bytes,
    fileName: 'copies.pdf',
    onCopy: ({ copy, pdf }) => {
      copies.push(pdf)
      sources.push(copy.pages.map((p) => p.sourcePage))
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
  return { main, copies, sources, footer }
}

/**
 * Every page's number read and decided per student copy (the scan's sheets grouped by the truth's student,
 * as identification joins consecutive sheets with the same header), counted against what was written.
 */
export const countNumbers = async ({ scenario, footer, copies, sources }: { scenario: ScenarioBundle; footer: FooterForm } & Pick<Awaited<ReturnType<typeof openScenario>>, 'copies' | 'sources'>): Promise<NumberCounts> => {
  const main = scenario.batches[0]!
  // What was written on each source page (both halves of an A3 sheet): the truth is per displayed half.
  const writtenOn = new Map<number, string[]>()
  for (const copy of main.truth.copies)
    for (const p of copy.pages) writtenOn.set(p.source_page, [...(writtenOn.get(p.source_page) ?? []), p.written ? `${p.written.n}/${p.written.total}` : '-'])
  const studentOf = (sourcePage: number) => main.truth.copies.findIndex((t) => t.pages.some((p) => p.source_page === sourcePage))
  const groups = new Map<number, number[]>()
  for (const [c, pages] of sources.entries()) groups.set(studentOf(pages[0]!), [...(groups.get(studentOf(pages[0]!)) ?? []), c])
  const counts = { right: 0, wrong: 0, none: 0, 'none (unwritten)': 0 }
  const engine = await createPaddleEngine()
  const started = Date.now()
  try {
    for (const members of groups.values()) {
      const scores = []
      const pageSources: number[] = []
      for (const c of members) {
        const doc = mupdf.Document.openDocument(copies[c]!, 'application/pdf')
        for (let i = 0; i < doc.countPages(); i++) scores.push(await scorePageNumber({ page: renderPageImage({ doc, index: i }), footer, engines: [engine] }))
        doc.destroy()
        pageSources.push(...sources[c]!)
      }
      decodeCopyNumbers(scores).forEach((read, i) => {
        const truth = writtenOn.get(pageSources[i]!) ?? []
        if (!read) counts[truth.every((t) => t === '-') ? 'none (unwritten)' : 'none']++
        else counts[truth.includes(`${read.n}/${read.total}`) ? 'right' : 'wrong']++
      })
    }
  } finally {
    await engine.terminate()
  }
  const pages = Object.values(counts).reduce((a, b) => a + b, 0)
  return { copies: groups.size, pages, ...counts, secondsPerPage: (Date.now() - started) / 1000 / pages }
}
