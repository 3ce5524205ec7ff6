import { firstPagePdfs, ingestPreset } from '../../../bench/designs/pipeline'
import { handwritingOf, locateIdentity } from '../../../plugins/identification/lib/fields/index'
import { labelsOnPage } from '../../../plugins/identification/lib/fields/assign'
import { batchForm, firstPageImage, LEARNING_PAGES } from '../../../plugins/identification/lib/pipeline/readCopies'
import { openHeaderReaders } from '../../../plugins/identification/services/engines'

// Issue 11: "IÈRE STMG 1" written on the line under the name had its grave accent, alone between the two lines, given
// to the name (the space under a label is the room of a box it titles); the name's crop reached back onto the printed
// "Nom et prénom :" to take the accent in, and read "m- —— DUPDNT ETHAN" (one-line-a3 drawn with --seed 1, without
// its subject). An accent or a dot goes with the letter just under it.
describe('the writing of a one-line header given to its labels', () => {
  it('gives the name no piece that ends before its label does', async () => {
    const run = await ingestPreset({ name: 'one-line-a3', withSubject: false, seedOffset: 1 })
    expect(run.plan.model.firstPage).toBeDefined()
    const readers = await openHeaderReaders()
    try {
      const pages = (await firstPagePdfs(run)).map(firstPageImage)
      const form = await batchForm({ firstPagePrint: run.plan.model.firstPage, pages: pages.slice(0, LEARNING_PAGES), readers })
      expect(form?.source).toBe('learned')
      expect(form!.labels.map((l) => l.kind)).toContain('fullName')
      let names = 0
      const onLabel: string[] = []
      pages.forEach((page, i) => {
        const { transform } = handwritingOf({ page, form })
        const label = labelsOnPage({ labels: form!.labels, t: transform, form: form!.mask, page }).find((l) => l.kind === 'fullName')!
        const name = locateIdentity({ page, form }).found.find((f) => f.kind === 'fullName')
        if (!name || name.strokes.length === 0) return
        names++
        // the name is written after its label: a piece under the label belongs to another line
        for (const s of name.strokes) if (s.x1 < label.x1) onLabel.push(`copy ${i + 1}: a piece at (${s.x0}–${s.x1}, ${s.y0}–${s.y1})`)
      })
      expect(names).toBeGreaterThanOrEqual(24)
      expect(onLabel).toEqual([])
    } finally {
      await readers.terminate()
    }
  }, 300_000)
})
