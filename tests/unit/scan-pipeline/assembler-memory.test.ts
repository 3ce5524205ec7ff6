import * as mupdf from 'mupdf'
import { PDFDocument } from 'pdf-lib'

import { mupdfAssembler } from '../../../plugins/scan-pipeline/lib/assemble/fileAssembler'
import { getBatch } from '../../../tools/papers/index'

// Issue 16 (worker RSS flat in batch size): cutting copies must give back mupdf's memory copy by copy. Its
// objects are freed by V8's finalizers only when destroyed by hand is forgotten, and V8 never feels the
// wasm memory they hold: a 2,000-page batch once kept every copy it cut (+1.2 GB). The wasm memory never
// shrinks, so its size is the high-water mark: after the first copies it must stop growing.

/** The size of mupdf's wasm memory: any of its buffers is a view of it. */
const wasmMemoryBytes = (): number => {
  const probe = new mupdf.Buffer()
  try {
    return probe.asUint8Array().buffer.byteLength
  } finally {
    probe.destroy()
  }
}

it('cuts hundreds of copies from one batch in the same mupdf memory', async () => {
  const { bytes } = await getBatch('a4-class')
  const scans = await PDFDocument.load(bytes)
  const big = await PDFDocument.create()
  // 900 pages pointing at the class's 55 scanned images: every copy carries its pages' images.
  for (const page of await big.copyPages(scans, Array.from({ length: 900 }, (_, i) => i % scans.getPageCount()))) big.addPage(page)
  const source = mupdf.Document.openDocument(await big.save(), 'application/pdf') as mupdf.PDFDocument
  try {
    const assembler = mupdfAssembler({ source, skewOf: (page) => (page % 3) - 1 })
    const cut = async (from: number, to: number) => {
      let bytesOut = 0
      for (let first = from; first < to; first += 3)
        bytesOut += (await assembler.assemble([0, 1, 2].map((k) => ({ sourcePage: first + k + 1, region: 'full' as const, rotation: 0 as const })))).length
      return bytesOut
    }
    await cut(0, 60)
    const warmed = wasmMemoryBytes()
    const madeMB = (await cut(60, 900)) / 1e6
    const grewMB = (wasmMemoryBytes() - warmed) / 1e6
    // 280 copies made: well over 100 MB of PDFs went through mupdf, and its memory did not keep them.
    expect(madeMB).toBeGreaterThan(100)
    expect(grewMB).toBeLessThan(16)
  } finally {
    source.destroy()
  }
}, 300_000)
