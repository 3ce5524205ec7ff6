import { firstPagePdfs, ingestPreset, writtenNumbers } from '../../../bench/designs/pipeline'
import { framedHeaderBox } from '../../../plugins/identification/lib/pipeline/readCopies'
import { emptyCells } from '../../../plugins/identification/lib/pageNumbers/emptyCells'
import type { PageImage } from '../../../plugins/identification/lib/fields/page'
import { openHeaderReaders } from '../../../plugins/identification/services/engines'

const DPI = 150
const mm = (n: number) => Math.round((n * DPI) / 25.4)

/** A white foot of a page with dark rectangles drawn on it: outlines (walls) and filled blots (writing, print). */
const foot = () => {
  const width = mm(120)
  const height = mm(30)
  const raw = new Uint8Array(width * height).fill(255)
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) raw.fill(20, y * width + x0, y * width + x1)
  }
  const outline = (x0: number, y0: number, x1: number, y1: number) => {
    fill(x0, y0, x1, y0 + 2)
    fill(x0, y1 - 2, x1, y1)
    fill(x0, y0, x0 + 2, y1)
    fill(x1 - 2, y0, x1, y1)
  }
  const image: PageImage = { raw, width, height, widthPt: 120 * 2.835, heightPt: 30 * 2.835, dpi: DPI }
  return { image, fill, outline }
}

describe('a learned footer’s cells', () => {
  it('are emptied of what was written in them, and nothing else is', () => {
    const { image, fill, outline } = foot()
    // the box of labels (larger than any cell), two cells inside it, a "0" written in the first, a slash between them
    outline(mm(5), mm(5), mm(100), mm(25))
    outline(mm(10), mm(9), mm(17), mm(19))
    outline(mm(25), mm(9), mm(32), mm(19))
    fill(mm(12), mm(11), mm(15), mm(17))
    fill(mm(20), mm(10), mm(21), mm(18))
    // a printed letter with a small hole ("o" of a label), and a label's word as a bar
    outline(mm(40), mm(12), mm(41.5), mm(13.5))
    fill(mm(45), mm(12), mm(70), mm(14))
    const emptied = emptyCells(image)
    const at = (x: number, y: number) => emptied.raw[y * emptied.width + x]!
    expect(at(mm(13), mm(14))).toBe(255) // the "0" in its cell: gone
    expect(at(mm(10) + 1, mm(14))).toBeLessThan(128) // the cell's wall: kept
    expect(at(mm(28), mm(9) + 1)).toBeLessThan(128)
    expect(at(mm(20.5), mm(14))).toBeLessThan(128) // the slash between the cells
    expect(at(mm(40) + 1, mm(12.5))).toBeLessThan(128) // the letter
    expect(at(mm(50), mm(13))).toBeLessThan(128) // the word
    expect(at(mm(5) + 1, mm(15))).toBeLessThan(128) // the box of labels
    // nothing else changed: only the first cell's inside
    let changed = 0
    for (let i = 0; i < image.raw.length; i++) if (image.raw[i] !== emptied.raw[i]) changed++
    expect(changed).toBe((mm(15) - mm(12)) * (mm(17) - mm(11)))
  })

  it('leave a box too large to be a cell as it is', () => {
    const { image, fill, outline } = foot()
    outline(mm(5), mm(3), mm(40), mm(27))
    fill(mm(15), mm(10), mm(20), mm(20))
    expect(emptyCells(image).raw).toEqual(image.raw)
  })
})

// Issue 11 without the exam's subject: on the official sheet every student writes "0" before a short copy's page
// number and the total, on every page, so that the print learned from first pages and later feet kept those
// zeros and ghosts of the units in the cells; taken away from each page, they took the numbers with them (2 of
// the class's numbered pages read before; an anonymous student's second sheet then started a copy of its own).
describe('page numbers written in the official sheet’s cells', () => {
  it('are read on a footer learned from the scan, and never wrongly', async () => {
    const run = await ingestPreset({ name: 'official-a4-mini', withSubject: false })
    const readers = await openHeaderReaders()
    try {
      const firstPages = await firstPagePdfs(run)
      const headerBoxes = run.plan.copies.map((copy) => framedHeaderBox({ copy, analyses: run.analyses }))
      const written = await writtenNumbers({ run, readers, withSubject: false, firstPages, headerBoxes })
      const truth = new Map(run.truth.copies.flatMap((c) => c.pages.map((p) => [p.source_page, p.written] as const)))
      let [right, wrong] = [0, 0]
      run.plan.copies.forEach((copy, i) =>
        copy.pages.forEach((page, j) => {
          const read = written[i]?.numbers[j]
          if (read === null || read === undefined) return
          const expected = truth.get(page.sourcePage)
          if (expected && expected.n === read && expected.total === written[i]!.total) right++
          else wrong++
        }),
      )
      const numbered = [...truth.values()].filter(Boolean).length
      expect(wrong).toBe(0)
      expect(right).toBeGreaterThanOrEqual(Math.ceil(numbered * 0.6))
    } finally {
      await readers.terminate()
    }
  }, 300_000)
})
