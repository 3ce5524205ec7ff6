import { PDFDocument } from 'pdf-lib'
import { buildBatch, getBatch, type Batch, type BatchSpec, type Truth } from '../../../tools/papers/index.js'
import { checkTruthAgainstPdf, handwritingIn, openDisplayed } from './helpers.js'

const rotations = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPages().map((p) => p.getRotation().angle)

/** Named copies have handwriting in their name zones, the unnamed copy none: zones, regions and rotations agree with the pixels. */
const handwrittenNames = ({ truth, bytes, subject }: { truth: Truth; bytes: Uint8Array; subject: Uint8Array }) => {
  const scan = openDisplayed(bytes)
  const blank = openDisplayed(subject)
  const problems: string[] = []
  let checked = 0
  try {
    const subjectPage = blank.raster(0, 1.5)
    truth.copies.forEach((copy, ci) => {
      for (const z of copy.identityZones) {
        if (!['last_name', 'first_name', 'full_name'].includes(z.field)) continue
        const page = copy.pages[z.page]!
        const hand = handwritingIn({ scan: scan.raster(page.source_page - 1, 1.5), subject: subjectPage, page, box: z.box })
        checked++
        if (process.env.PAPERS_DEBUG) process.stderr.write(`copy ${ci} ${copy.student ? 'named' : 'unnamed'} ${z.field}: ${(hand * 100).toFixed(2)} %\n`)
        if (copy.student && hand < 0.005) problems.push(`copy ${ci}: ${z.field} zone has ${(hand * 100).toFixed(1)} % handwriting`)
        if (!copy.student && hand > 0.0025) problems.push(`copy ${ci} (unnamed): ${z.field} zone has ${(hand * 100).toFixed(1)} % handwriting`)
      }
    })
  } finally {
    scan.destroy()
    blank.destroy()
  }
  return { problems, checked }
}

describe('the truth says what the PDF holds', () => {
  // small clean batches (no skew, no grain) that turn every way, so that pixels can be checked against the truth
  const turning: BatchSpec = { name: 'turning', seed: 77, design: 'two-column', format: 'a3', copies: 4, unnamed: [2], fonts: 'tuned', flips: 0.4, sideways: 0.4, inserts: 1, clean: true }
  const copier: BatchSpec = { name: 'copier', seed: 78, design: 'official', format: 'a3', copies: 3, unnamed: [1], fonts: 'heldOut', flips: 0.5, storedRotate: 270, sheetsPerCopy: [2, 2], repeatHeader: 1, clean: true }
  const sheets: BatchSpec = { name: 'sheets', seed: 79, design: 'copie-double', format: 'a4', copies: 4, unnamed: [0], fonts: 'tuned', flips: 0.3, sideways: 0.3, sheetsPerCopy: [1, 2], clean: true }
  const built = new Map<string, Batch>()
  beforeAll(async () => {
    for (const spec of [turning, copier, sheets]) built.set(spec.name, await buildBatch(spec))
  }, 900_000)

  it('A3 spreads fed every way (top/bottom halves when sideways): handwriting sits in the identity zones', async () => {
    const { truth, bytes, subject } = built.get('turning')!
    expect(checkTruthAgainstPdf({ truth, bytes })).toEqual([])
    const pages = truth.copies.flatMap((c) => c.pages)
    expect(pages.some((p) => p.region === 'top' || p.region === 'bottom')).toBe(true)
    expect(pages.some((p) => p.rotation === 180)).toBe(true)
    expect(pages.filter((p) => p.subject_page === null).every((p) => p.region === 'full')).toBe(true)
    expect(await rotations(bytes)).toEqual(Array(truth.pageCount).fill(0))
    const hand = handwrittenNames({ truth, bytes, subject })
    expect(hand.problems).toEqual([])
    expect(hand.checked).toBe(8)
  }, 120_000)

  it('A3 stored portrait with /Rotate 270: regions and rotations are those of the page as displayed', async () => {
    const { truth, bytes, subject } = built.get('copier')!
    expect(checkTruthAgainstPdf({ truth, bytes })).toEqual([])
    expect(await rotations(bytes)).toEqual(Array(truth.pageCount).fill(270))
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPages().every((p) => p.getHeight() > p.getWidth())).toBe(true)
    expect(truth.copies.flatMap((c) => c.pages).some((p) => p.rotation === 180)).toBe(true)
    // two sheets per copy, the header filled on each front
    const hand = handwrittenNames({ truth, bytes, subject })
    expect(hand.problems).toEqual([])
    expect(hand.checked).toBe(2 * 2 * 2 + 2)
  }, 120_000)

  it('A4 copies doubles with the name written where nothing is printed', async () => {
    const { truth, bytes, subject } = built.get('sheets')!
    expect(checkTruthAgainstPdf({ truth, bytes })).toEqual([])
    expect(truth.copies[0]!.identityZones).toEqual([])
    const hand = handwrittenNames({ truth, bytes, subject })
    expect(hand.problems).toEqual([])
    expect(hand.checked).toBeGreaterThanOrEqual(3)
  }, 120_000)

  it.each(['official-a3-mini', 'copie-double-a4-mini', 'annex-a4-mini'] as const)('%s', async (name) => {
    const b = await getBatch(name)
    expect(checkTruthAgainstPdf({ truth: b.truth, bytes: b.bytes })).toEqual([])
    const stored = await rotations(b.bytes)
    const a3 = new Set(b.truth.copies.flatMap((c) => c.pages.filter((p) => p.region !== 'full').map((p) => p.source_page)))
    // the copier case: every A3 spread of the official preset is stored portrait and displayed through /Rotate 270
    stored.forEach((r, i) => expect(r).toBe(name === 'official-a3-mini' && a3.has(i + 1) ? 270 : 0))
    expect((await PDFDocument.load(b.subject)).getPageCount()).toBe(b.truth.subjectPageCount)
    expect(b.truth.copies.some((c) => c.student === null)).toBe(true)
  }, 600_000)
})
