// Issue 16, point 4: the annotated-PDF burn-in per copy. A 4-page copy with 50 annotations of every kind,
// burned in by the publication plugin's pure renderer (plugins/publication/lib renderAnnotatedPdf: vectors
// into the pages, then the grade summary page), against pdf-lib copying the same 4 pages into a new
// document (load, copyPages, save) as the baseline in the same run. Two copies: the portal e2e seed's
// vector pages, and a scan-like copy (a 200 dpi greyscale JPEG per page, as ingestion stores them).
// `npx tsx bench/scale/burn-in.ts`; BENCH_RUNS (default 20) timed runs after 3 warm-up runs.
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'

import { renderAnnotatedPdf } from '../../plugins/publication/lib'
import { makeCopyPdf, SCALE } from '../../tests/e2e/portal/seed'
import { annotationsForBurnIn } from './annotations'
import { envNumber, ms, printTable, quantile, ratio, type Row } from './common'

const RUNS = envNumber('BENCH_RUNS', 20)
const WARMUP = 3

/** A scanned copy: each page an A4 greyscale JPEG at 200 dpi (ruled lines and noise, like a photocopied sheet). */
const scanLikePdf = async (pages: number): Promise<Uint8Array> => {
  const [w, h] = [1654, 2339]
  const doc = await PDFDocument.create()
  for (let n = 0; n < pages; n++) {
    const pixels = Buffer.alloc(w * h)
    for (let i = 0; i < pixels.length; i++) {
      const y = Math.floor(i / w)
      const x = i % w
      pixels[i] = y % 66 < 2 ? 150 : 232 + (((x >> 5) * 7 + (y >> 5) * 3 + n) % 9)
    }
    const jpeg = await sharp(pixels, { raw: { width: w, height: h, channels: 1 } }).jpeg({ quality: 75 }).toBuffer()
    const image = await doc.embedJpg(jpeg)
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 })
  }
  return doc.save()
}

const time = async (fn: () => Promise<unknown>): Promise<number[]> => {
  for (let i = 0; i < WARMUP; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out
}

const main = async () => {
  const annotations = annotationsForBurnIn({ pages: 4, count: 50 })
  const kinds = [...new Set(annotations.map((a) => a.kind))]
  const grades = [
    { questionKey: 'Q1', points: 3.5, comment: 'Bien rédigé, mais la conclusion manque.' },
    { questionKey: 'Q2', points: 4.25 },
    { questionKey: 'Q3', points: 2, comment: 'Revoir le cours.' },
  ]
  const rows: Row[] = []
  for (const [label, copyPdf] of [
    ['vector copy (tests/e2e/portal/seed.ts makeCopyPdf)', new Uint8Array(await makeCopyPdf({ pages: 4 }))],
    ['scan-like copy (4 × 200 dpi JPEG pages)', await scanLikePdf(4)],
  ] as const) {
    let outBytes = 0
    let skipped = 0
    const burn = await time(async () => {
      const result = await renderAnnotatedPdf({ copyPdf, annotations, grades, scale: SCALE, studentName: 'Camille Élève', examTitle: 'Maths — bac blanc', anonymousId: 'K-0001' })
      outBytes = result.pdf.length
      skipped = result.skipped.length
    })
    // The same render with no annotation: what the fonts, the summary page and saving cost on their own.
    const bare = await time(() => renderAnnotatedPdf({ copyPdf, annotations: [], grades, scale: SCALE, studentName: 'Camille Élève', examTitle: 'Maths — bac blanc', anonymousId: 'K-0001' }))
    let copyBytes = 0
    const copy = await time(async () => {
      const source = await PDFDocument.load(copyPdf)
      const target = await PDFDocument.create()
      for (const page of await target.copyPages(source, source.getPageIndices())) target.addPage(page)
      copyBytes = (await target.save()).length
    })
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
    rows.push(
      { measure: `${label}: baseline, pdf-lib copies the 4 pages`, value: `${ms(quantile(copy, 0.5))} / ${ms(quantile(copy, 0.95))}`, detail: `median / p95 of ${RUNS}; load + copyPages + save, ${kb(copyPdf.length)} in, ${kb(copyBytes)} out` },
      {
        measure: `${label}: burn-in, 50 annotations + summary`,
        value: `${ms(quantile(burn, 0.5))} / ${ms(quantile(burn, 0.95))}`,
        detail: `median / p95 of ${RUNS}; ${ratio(quantile(burn, 0.5), quantile(copy, 0.5))} the baseline's median; ${kb(outBytes)} out, ${skipped} skipped; max ${ms(Math.max(...burn))}`,
      },
      { measure: `${label}: same render, no annotation`, value: `${ms(quantile(bare, 0.5))} / ${ms(quantile(bare, 0.95))}`, detail: `median / p95 of ${RUNS}: fonts embedded (DejaVu), summary page, save; the 50 annotations add ${ms(quantile(burn, 0.5) - quantile(bare, 0.5))}` },
    )
  }
  printTable(
    'annotated-PDF burn-in per 4-page copy',
    `renderAnnotatedPdf called directly (plugins/publication/lib/renderAnnotatedPdf.ts), one process, ${WARMUP} warm-up runs; 50 annotations over 4 pages: ${kinds.join(', ')}`,
    rows,
  )
}

await main()
