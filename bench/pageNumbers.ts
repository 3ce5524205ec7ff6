// Written page numbers ("n / N" in the official sheet's footer cells) read on issue 18's copier scenario,
// against the generator's truth: `npx tsx bench/pageNumbers.ts [--held-out]`. Prints how many pages the
// copy-level decoding named right, wrong, or not at all, and the seconds spent. `--held-out` draws the
// scenario again with another seed and the fonts kept out of all tuning (not cached, ~1 min more).
import * as mupdf from 'mupdf'

import { formFromSubject, renderPageImage } from '../plugins/identification/lib/fields/index'
import { createPaddleEngine } from '../plugins/identification/lib/ocr/index'
import { decodeCopyNumbers, footerFormOf, scorePageNumber } from '../plugins/identification/lib/pageNumbers/index'
import { processScan } from '../plugins/scan-pipeline/lib/index'
import { copierMockBac, getScenario } from '../tools/papers/index'

const heldOut = process.argv.includes('--held-out')
const scenario = heldOut ? await copierMockBac({ seed: 2801, fonts: 'heldOut' }) : await getScenario('copier-mock-bac')
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
// The scan's copies (one per sheet) grouped into the students' copies, as identification merges
// consecutive sheets with the same header: the page count is decided over a whole copy.
const studentOf = (sourcePage: number) => main.truth.copies.findIndex((t) => t.pages.some((p) => p.source_page === sourcePage))
const groups = new Map<number, number[]>()
for (const [c, pages] of sources.entries()) groups.set(studentOf(pages[0]!), [...(groups.get(studentOf(pages[0]!)) ?? []), c])
const counts = { right: 0, wrong: 0, none: 0, 'none (unwritten)': 0 }
const started = Date.now()
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
await engine.terminate()
const pages = Object.values(counts).reduce((a, b) => a + b, 0)
console.table([{ fonts: heldOut ? 'held out (seed 2801)' : 'tuned (seed 1801)', copies: groups.size, pages, ...counts, 's/page': ((Date.now() - started) / 1000 / pages).toFixed(2) }])
