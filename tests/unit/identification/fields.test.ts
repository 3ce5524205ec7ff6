import * as mupdf from 'mupdf'

import { firstPagePdfs, ingestPreset } from '../../../bench/designs/pipeline'
import { readFirstPage, renderPageImage, type BlankForm, type PageImage } from '../../../plugins/identification/lib/fields/index'
import { identifyCopies, toMatchStudent } from '../../../plugins/identification/lib/match/index'
import { batchForm } from '../../../plugins/identification/lib/pipeline/readCopies'
import { openHeaderReaders } from '../../../plugins/identification/services/engines'
import type { PresetName, Truth } from '../../../tools/papers/index'

// The field reader on headers that are not framed boxes (issue 11): a blank form learned from the batch
// itself (no subject), its printed labels, the writing given to each, the zones anonymization paints out.
type Box = { x: number; y: number; width: number; height: number }
const covered = (truth: Box, zones: Box[]) => {
  let inside = 0
  let all = 0
  for (let y = truth.y; y < truth.y + truth.height; y++)
    for (let x = truth.x; x < truth.x + truth.width; x++) {
      all++
      if (zones.some((z) => x >= z.x && x < z.x + z.width && y >= z.y && y < z.y + z.height)) inside++
    }
  return inside / Math.max(1, all)
}
const NAME_FIELDS = { last_name: 'lastName', first_name: 'firstName', full_name: 'fullName' } as const

let readers: Awaited<ReturnType<typeof openHeaderReaders>>
beforeAll(async () => {
  readers = await openHeaderReaders()
}, 120_000)
afterAll(async () => {
  await readers?.terminate()
})

const learned = async (name: PresetName) => {
  const run = await ingestPreset({ name, withSubject: false })
  const pages: PageImage[] = (await firstPagePdfs(run)).map((pdf) => {
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
    try {
      return renderPageImage({ doc })
    } finally {
      doc.destroy()
    }
  })
  const form = (await batchForm({ firstPagePrint: run.plan.model.firstPage, pages, readers })) as BlankForm
  const truthOf = (i: number): Truth['copies'][number] | undefined => run.truth.copies.find((c) => c.pages[0]!.source_page === run.plan.copies[i]!.pages[0]!.sourcePage)
  return { run, pages, form, truthOf }
}

// One design (OCR makes each costly): the two-column header, whose short "Nom :" the learned print alone lost.
describe.each([['two-column-a4-mini', ['lastName', 'firstName', 'className']]] as [PresetName, string[]][])('%s, no subject', (name, kinds) => {
  it('learns the blank first page with its printed labels, puts each name field’s writing in a zone, and never names a copy wrongly', async () => {
    const { run, pages, form, truthOf } = await learned(name)
    expect(form.source).toBe('learned')
    for (const kind of kinds) expect(form.labels.map((l) => l.kind)).toContain(kind)

    const readings = []
    for (const [i, page] of pages.entries()) {
      const reading = await readFirstPage({ page, form, engines: readers.engines })
      readings.push({ copyKey: String(i), fields: reading.fields, lattices: reading.lattices })
      const truth = truthOf(i)
      if (!truth?.student) continue
      expect(reading.located).toBe('labels')
      // where the student wrote the name is (mostly) inside what anonymization will paint out
      for (const zone of truth.identityZones.filter((z) => z.page === 0 && z.field in NAME_FIELDS)) {
        const ours = reading.zones.filter((z) => z.field === NAME_FIELDS[zone.field as keyof typeof NAME_FIELDS]).map((z) => z.box)
        expect({ copy: i, field: zone.field, covered: covered(zone.box, ours) >= 0.3 }).toEqual({ copy: i, field: zone.field, covered: true })
      }
    }
    const students = run.roster.map((s, k) => toMatchStudent({ studentKey: String(k), lastName: s.last_name, firstName: s.first_name }))
    for (const [i, result] of identifyCopies({ copies: readings, students }).entries()) {
      const truth = truthOf(i)
      if (result.status !== 'identified') continue
      const named = run.roster[Number(result.studentKey)]!
      expect({ copy: i, named: `${named.last_name} ${named.first_name}` }).toEqual({ copy: i, named: `${truth?.student?.last_name} ${truth?.student?.first_name}` })
    }
  }, 600_000)
})
