import { formFromSubject, readFirstPage, writesNameInCells } from '../../../plugins/identification/lib/fields/index'
import { batchForm, firstPageImage } from '../../../plugins/identification/lib/pipeline/readCopies'
import { foldText } from '../../../plugins/identification/lib/text/fold'
import { analyzePages, planCopies } from '../../../plugins/scan-pipeline/lib/index'
import { openHeaderReaders } from '../../../plugins/identification/services/engines'
import { getBatch, getScenario } from '../../../tools/papers/index'
import { firstPagePdfs } from '../../../bench/designs/pipeline'

// Which reader a framed copy gets depends on it (services/readCopyHeader.ts): letter cells are read with
// the subject's print taken away, any other frame by the frame's own labels.
describe('a form that asks for the name one letter per cell', () => {
  it('is the official exam sheet, and none of the other header designs', async () => {
    const official = await getScenario('copier-mock-bac')
    expect(writesNameInCells(formFromSubject({ pdf: official.subject }))).toBe(true)
    for (const name of ['framed-a4-mini', 'one-line-a4-mini', 'two-column-a4-mini', 'right-header-a4-mini'] as const) {
      const { subject } = await getBatch(name)
      expect([name, writesNameInCells(formFromSubject({ pdf: subject }))]).toEqual([name, false])
    }
  }, 300_000)
})

/** A scan cut as ingestion cuts it, and each copy's first page. */
const firstPagesOf = async (bytes: Uint8Array) => {
  const analyses = await analyzePages({ bytes, fileName: 'batch.pdf' })
  const plan = planCopies({ analyses, fileName: 'batch.pdf' })
  const pages = (await firstPagePdfs({ plan, analyses, bytes })).map(firstPageImage)
  return { pages, plan }
}

describe('the official sheet without its subject', () => {
  // Without the exam's subject the framed box's reader stopped at the first cell; the form learned from the
  // batch's own first pages is what shows the cells. Its labels were lost at 1× (bold capitals over a 6-pt line on
  // a shaded band: NOM DE FAMILLE never read), the PRÉNOM row went to the NOM label (OCR's tall boxes), and its
  // print keeps a ghost of the letters every student writes in the first cells (the first three copies are one
  // student's three sheets), which took those letters away until letter cells were read knowing it.
  it('learns a form that asks for letter cells, and reads the names written in them', async () => {
    const scenario = await getScenario('copier-mock-bac')
    const { pages, plan } = await firstPagesOf(scenario.batches[0]!.bytes)
    const readers = await openHeaderReaders()
    try {
      const form = (await batchForm({ firstPagePrint: plan.model.firstPage, pages, readers }))!
      expect(form.labels.map((l) => l.kind)).toEqual(expect.arrayContaining(['lastName', 'firstName', 'birthDate']))
      expect(writesNameInCells(form)).toBe(true)
      const reading = await readFirstPage({ page: pages[0]!, form, engines: readers.engines })
      const read = (name: 'lastName' | 'firstName') => foldText(reading.fields[name]?.[0]?.text ?? '').toUpperCase()
      // N'DIAYE Jean-Baptiste (the hand writes its N like an M, its J like an S)
      expect(read('lastName')).toContain('DIAYE')
      expect(read('firstName')).toContain('BAPTISTE')
    } finally {
      await readers.terminate()
    }
  }, 600_000)
})

describe('the official sheet as another printer prints it, without its subject', () => {
  // The held-out printing of the official sheet (other fonts, the page stored turned 90°): RÉPUBLIQUE
  // FRANÇAISE, NOM DE FAMILLE and two rows of cells on a shaded band read as one line of garbage at 1× and at
  // 2× — no family-name label, no name read on any copy (0 of 22). Read again without its rules, the label is
  // found.
  it('finds the family-name label once the rules beside it are taken away', async () => {
    const { pages, plan } = await firstPagesOf((await getBatch('official-a3-heldout')).bytes)
    const readers = await openHeaderReaders()
    try {
      const form = (await batchForm({ firstPagePrint: plan.model.firstPage, pages, readers }))!
      const lastName = form.labels.find((l) => l.kind === 'lastName')
      expect(lastName?.text).toBe('NOM DE FAMILLE')
      const firstName = form.labels.find((l) => l.kind === 'firstName')!
      // the family name's label is the line above the first name's, at its left
      expect(lastName!.y1).toBeLessThanOrEqual(firstName.y0 + 2)
      expect(Math.abs(lastName!.x0 - firstName.x0)).toBeLessThan(15)
    } finally {
      await readers.terminate()
    }
  }, 600_000)
})
