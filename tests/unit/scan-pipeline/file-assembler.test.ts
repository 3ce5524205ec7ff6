import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as mupdf from 'mupdf'

import { openAssembler } from '../../../plugins/scan-pipeline/lib/assemble/assembleCopy'
import { mupdfAssembler } from '../../../plugins/scan-pipeline/lib/assemble/fileAssembler'
import { openMupdfFile } from '../../../plugins/scan-pipeline/lib/pdf/openFile'
import { analyzePages, planCopies } from '../../../plugins/scan-pipeline/lib/index'
import { getBatch } from '../../fixtures/scans/index'

/**
 * Ingestion cuts copies from the batch where it lies on disk (mupdf), no longer from the whole file in memory
 * (pdf-lib). The desk still rebuilds with pdf-lib: both must store the same pages — boxes, rotation,
 * straightening — so a copy looks the same whoever assembled it.
 */
const render = (bytes: Uint8Array) => {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  try {
    return Array.from({ length: doc.countPages() }, (_, i) => {
      const pix = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(0.5, 0.5), mupdf.ColorSpace.DeviceGray, false)
      return { width: pix.getWidth(), height: pix.getHeight(), pixels: pix.getPixels().slice() }
    })
  } finally {
    doc.destroy()
  }
}

const meanDifference = (a: Uint8Array | Uint8ClampedArray, b: Uint8Array | Uint8ClampedArray) => {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!)
  return sum / a.length
}

it.each(['a4-mini', 'a3-mini'] as const)('%s: copies cut from the file on disk match the in-memory assembler page for page', async (name) => {
  const { bytes } = await getBatch(name)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-assemble-'))
  const file = path.join(dir, `${name}.pdf`)
  fs.writeFileSync(file, bytes)
  const analyses = await analyzePages({ path: file, fileName: `${name}.pdf`, concurrency: 1 })
  const skew = new Map(analyses.map((a) => [a.sourcePage, a.skewDegrees]))
  const { copies } = planCopies({ analyses })
  const inMemory = await openAssembler({ sourceBytes: bytes, skewOf: (p) => skew.get(p) ?? 0 })
  const source = openMupdfFile({ path: file, fileName: `${name}.pdf` })
  const fromFile = mupdfAssembler({ source, skewOf: (p) => skew.get(p) ?? 0 })
  let pages = 0
  try {
    for (const copy of copies) {
      const expected = render(await inMemory.assemble(copy.pages))
      const actual = render(await fromFile.assemble(copy.pages))
      expect(actual.map((p) => [p.width, p.height])).toEqual(expected.map((p) => [p.width, p.height]))
      actual.forEach((page, i) => expect(meanDifference(page.pixels, expected[i]!.pixels)).toBeLessThan(0.05))
      pages += actual.length
    }
  } finally {
    source.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  expect(pages).toBeGreaterThan(4)
}, 300_000)

it('keeps a copy whole when one of its source pages cannot be read: that page becomes a visible stub', async () => {
  const doc = new mupdf.PDFDocument()
  doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, {}, 'BT ET'))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-assemble-'))
  const file = path.join(dir, 'one-page.pdf')
  fs.writeFileSync(file, doc.saveToBuffer('').asUint8Array())
  const source = openMupdfFile({ path: file, fileName: 'one-page.pdf' })
  const assembler = mupdfAssembler({ source })
  try {
    const out = mupdf.Document.openDocument(await assembler.assemble([{ sourcePage: 1, region: 'full', rotation: 0 }, { sourcePage: 7, region: 'full', rotation: 0 }]), 'application/pdf')
    expect(out.countPages()).toBe(2)
    expect(out.loadPage(1).toStructuredText('preserve-whitespace').asText()).toContain('Source page 7 could not be read')
  } finally {
    source.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
