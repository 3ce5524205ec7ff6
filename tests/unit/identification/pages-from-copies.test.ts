import { degrees, PDFDocument } from 'pdf-lib'

import { moveOrder } from '../../../admin-components/identification-desk/api'
import {
  assembleCopyPages,
  assembleFromCopies,
  loadCopyPdf,
  movePage,
  reorderPages,
  rotatePage,
  splitPages,
  tracePages,
  type CopyPage,
} from '../../../plugins/identification/lib/pages/index.js'

// A desk edit makes the new copy PDFs from the copies' current PDFs rather than from whole batches: the
// result must be the PDF a rebuild from the batch would give (same pages, halves, turns), page for page.
const batchPdf = async () => {
  const doc = await PDFDocument.create()
  // An A3 sheet (two halves), an A4 page stored sideways, an A4 page.
  doc.addPage([1190.55, 841.89])
  doc.addPage([841.89, 595.28]).setRotation(degrees(90))
  doc.addPage([595.28, 841.89])
  return doc.save()
}

const geometry = async (pdf: Uint8Array) =>
  (await PDFDocument.load(pdf)).getPages().map((p) => {
    const { x, y, width, height } = p.getCropBox()
    return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), rotate: p.getRotation().angle }
  })

describe('copy PDFs made from the copies’ own PDFs', () => {
  const a: CopyPage[] = [
    { batch: 1, sourcePage: 1, region: 'left', rotation: 0 },
    { batch: 1, sourcePage: 1, region: 'right', rotation: 180 },
    { batch: 1, sourcePage: 2, region: 'full', rotation: 90 },
  ]
  const b: CopyPage[] = [{ batch: 1, sourcePage: 3, region: 'full', rotation: 0 }]

  test('turns, reorders, moves and splits give the pages a rebuild from the batch gives', async () => {
    const sources = new Map([['1', await batchPdf()]])
    const pdfs = new Map([
      ['10', await loadCopyPdf(await assembleCopyPages({ sources, pages: a }))],
      ['20', await loadCopyPdf(await assembleCopyPages({ sources, pages: b }))],
    ])
    const tracedA = tracePages({ copy: 10, pages: a })
    const tracedB = tracePages({ copy: 20, pages: b })
    const same = async (pages: ReturnType<typeof tracePages>) =>
      expect(await geometry(await assembleFromCopies({ pdfs, pages }))).toEqual(await geometry(await assembleCopyPages({ sources, pages })))

    for (const by of [90, -90, 180]) await same(rotatePage({ pages: tracedA, index: 1, by }))
    await same(rotatePage({ pages: tracedA, index: 2, by: 90 }))
    await same(reorderPages({ pages: tracedA, order: [2, 0, 1] }))
    const moved = movePage({ from: tracedA, to: tracedB, index: 1, position: 0 })
    await same(moved.from)
    await same(moved.to)
    const { head, tail } = splitPages({ pages: tracedA, at: 1 })
    await same(head)
    await same(tail)
  })

  test('a page the copy’s PDF does not have is refused, not skipped', async () => {
    const sources = new Map([['1', await batchPdf()]])
    const pdfs = new Map([['20', await loadCopyPdf(await assembleCopyPages({ sources, pages: b }))]])
    const wrong = [{ ...b[0]!, origin: { copy: '20', index: 3, rotation: 0 as const } }]
    await expect(assembleFromCopies({ pdfs, pages: wrong })).rejects.toThrow(/no page 3/)
  })
})

describe('a page dragged onto another (the desk)', () => {
  test('takes its place, the pages between shift by one', () => {
    expect(moveOrder({ count: 4, from: 0, to: 3 })).toEqual([1, 2, 3, 0])
    expect(moveOrder({ count: 4, from: 3, to: 0 })).toEqual([3, 0, 1, 2])
    expect(moveOrder({ count: 4, from: 1, to: 2 })).toEqual([0, 2, 1, 3])
    expect(moveOrder({ count: 3, from: 1, to: 1 })).toEqual([0, 1, 2])
  })
})
