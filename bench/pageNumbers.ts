// Written page numbers ("n / N" in the official sheet's footer cells) read on issue 18's copier scenario,
// against the generator's truth: `npx tsx bench/pageNumbers.ts`. Prints, per page, whether the copy-level
// decoding named the right number, a wrong one, or none; and the seconds spent.
import * as mupdf from 'mupdf'

import { formFromSubject, renderPageImage } from '../plugins/identification/lib/fields/index'
import { createPaddleEngine } from '../plugins/identification/lib/ocr/index'
import { decodeCopyNumbers, footerFormOf, scorePageNumber } from '../plugins/identification/lib/pageNumbers/index'
import { processScan } from '../plugins/scan-pipeline/lib/index'
import { getScenario } from '../tools/papers/index'

const scenario = await getScenario('copier-mock-bac')
const main = scenario.batches[0]!
// What was written on each source page (both halves of an A3 sheet): the truth is per displayed half.
const writtenOn = new Map<number, string[]>()
for (const copy of main.truth.copies)
  for (const p of copy.pages) writtenOn.set(p.source_page, [...(writtenOn.get(p.source_page) ?? []), p.written ? `${p.written.n}/${p.written.total}` : '-'])
const copies: Uint8Array[] = []
const sources: number[][] = []
await processScan({
  bytes: main.bytes,
  fileName: 'copies.pdf',
  onCopy: ({ copy, pdf }) => {
    copies.push(pdf)
    sources.push(copy.pages.map((p) => p.sourcePage))
  },
})
const footer = footerFormOf(formFromSubject({ pdf: scenario.subject }))
if (!footer) throw new Error('the subject has no page-number footer')
const engine = await createPaddleEngine()
const counts = { right: 0, wrong: 0, none: 0, 'none (unwritten)': 0 }
const started = Date.now()
for (const [c, pdf] of copies.entries()) {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  const scores = []
  for (let i = 0; i < doc.countPages(); i++) scores.push(await scorePageNumber({ page: renderPageImage({ doc, index: i }), footer, engines: [engine] }))
  doc.destroy()
  decodeCopyNumbers(scores).forEach((read, i) => {
    const truth = writtenOn.get(sources[c]![i]!) ?? []
    if (!read) counts[truth.every((t) => t === '-') ? 'none (unwritten)' : 'none']++
    else counts[truth.includes(`${read.n}/${read.total}`) ? 'right' : 'wrong']++
  })
}
await engine.terminate()
const pages = Object.values(counts).reduce((a, b) => a + b, 0)
console.table([{ pages, ...counts, 's/page': ((Date.now() - started) / 1000 / pages).toFixed(2) }])
