// Ingestion throughput on generated batches, next to the bare cost of rendering the same pages
// with mupdf in the same run (so the ratio survives a slower or busier machine).
import { availableParallelism } from 'node:os'
import { ANALYSIS_DPI, analyzePages, openAssembler, planCopies } from '../plugins/scan-pipeline/lib/index.js'
import { openMupdf, storedPageInfo } from '../plugins/scan-pipeline/lib/pdf/open.js'
import { renderStoredGray } from '../plugins/scan-pipeline/lib/pdf/render.js'
import { getBatch, type BatchName } from '../tests/fixtures/scans/index.js'
import { scoreCopies } from '../tests/fixtures/scans/score.js'

export type IngestRow = { batch: string; pages: number; copies: number; exact: number; rotationOk: number; ingestS: number; pagesPerS: number; renderS: number; renderPagesPerS: number; ratio: number }

const renderOnly = (bytes: Uint8Array): number => {
  const doc = openMupdf({ bytes, fileName: 'bench.pdf' })
  const t0 = performance.now()
  for (let i = 0; i < doc.countPages(); i++) renderStoredGray({ doc, index: i, dpi: ANALYSIS_DPI, storedRotate: storedPageInfo({ doc, index: i }).storedRotate })
  doc.destroy()
  return (performance.now() - t0) / 1000
}

const benchOne = async (name: BatchName, label: string): Promise<IngestRow> => {
  const { bytes, truth } = await getBatch(name)
  const t0 = performance.now()
  const analyses = await analyzePages({ bytes, fileName: `${name}.pdf`, layout: truth.layout })
  const plan = planCopies({ analyses, fileName: `${name}.pdf` })
  const assembler = await openAssembler({ sourceBytes: bytes })
  for (const c of plan.copies) await assembler.assemble(c.pages)
  const ingestS = (performance.now() - t0) / 1000
  const renderS = renderOnly(bytes)
  const pages = truth.pageCount
  const score = scoreCopies({ truth, copies: plan.copies.map((c) => ({ pages: c.pages.map((p) => ({ source_page: p.sourcePage, region: p.region, rotation: p.rotation, blank: p.blank })) })) })
  return { batch: label, pages, copies: plan.copies.length, exact: score.exactCopies / score.copies, rotationOk: score.rotationCorrect / score.pages, ingestS, pagesPerS: pages / ingestS, renderS, renderPagesPerS: pages / renderS, ratio: ingestS / renderS }
}

export const runIngestBench = async (): Promise<IngestRow[]> => {
  process.stderr.write('generating batches (cached under tests/fixtures/.cache after the first run)…\n')
  await getBatch('a3-large-120')
  await getBatch('a4-large-300')
  const rows = [await benchOne('a3-large-120', 'A3 booklets'), await benchOne('a4-large-300', 'A4 sheets')]
  const f = (v: number, d = 1) => v.toFixed(d)
  const header = ['batch', 'pages', 'copies', 'exact copies', 'rotation ok', 'ingest s', 'pages/s', `mupdf render-only s (${ANALYSIS_DPI} dpi, 1 thread)`, 'render pages/s', 'ingest/render']
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`
  const lines = rows.map((r) => [r.batch, String(r.pages), String(r.copies), pct(r.exact), pct(r.rotationOk), f(r.ingestS), f(r.pagesPerS), f(r.renderS), f(r.renderPagesPerS), f(r.ratio, 2)])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  console.log(`\ningest (analysis on ${Math.min(availableParallelism(), 4)} worker threads, plan, assemble every copy in memory)`)
  console.log(row(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const l of lines) console.log(row(l))
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runIngestBench()
