// The identification desk's page fixes, timed through their HTTP endpoints as the desk calls them: rotate,
// reorder, move a page to another copy, split, merge, and the page picture the desk then asks for.
// `npx tsx bench/desk.ts [batch]` (default `a4-class`: 26 copies of a class, cut by the scan pipeline's own
// service; needs PostgreSQL like the integration tests). `BENCH_RUNS` edits of each kind (default 5).
import { availableParallelism, loadavg } from 'node:os'

import { ingestBatch } from '../plugins/scan-pipeline/services/ingestBatch.js'
import { getBatch, type BatchName } from '../tests/fixtures/scans/index.js'
import { startTestApp } from '../tests/int/helpers/app.js'
import { signIn, type ApiClient } from '../tests/int/helpers/http.js'
import { copiesOfExam, uploadBatch } from '../tests/int/helpers/scans.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const BATCH = (process.argv[2] ?? 'a4-class') as BatchName

type Row = { measure: string; samples: number[]; detail: string }

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

/** One timed request; a refused edit stops the bench (a fast error is not a fast edit). */
const timed = async ({ client, method = 'POST', path, body }: { client: ApiClient; method?: string; path: string; body?: unknown }) => {
  const t0 = performance.now()
  const response = await client.request(method, path, body)
  const ms = performance.now() - t0
  if (response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`)
  return { ms, body: response.body }
}

const printTable = (title: string, rows: Row[]) => {
  const cells = rows.map((r) => [r.measure, `${quantile(r.samples, 0.5).toFixed(0)} ms`, `${Math.max(...r.samples).toFixed(0)} ms`, String(r.samples.length), r.detail])
  const header = ['measure', 'p50', 'max', 'n', 'detail']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`
  console.log(`\n${title} (load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${availableParallelism()} cores)`)
  console.log(line(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const c of cells) console.log(line(c))
}

const main = async () => {
  const { bytes, truth } = await getBatch(BATCH)
  // No job runs: only the timed edits change the copies, and OCR does not share the cores with them.
  const app = await startTestApp({ processJobs: false })
  try {
    const { payload } = app.runtime
    await payload.create({ collection: 'users', data: { email: 'head@school.test', password: 'head-password-1', role: 'admin' } as never })
    const admin = await signIn({ baseUrl: app.baseUrl, email: 'head@school.test', password: 'head-password-1' })
    const exam = await payload.create({ collection: 'exams', data: { title: 'Bench', className: 'Sans liste', layout: truth.layout === 'a3-booklet' ? 'a3-booklet' : 'a4' } as never })
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: `${BATCH}.pdf`, bytes })
    while ((await ingestBatch({ payload, batchId: batch.id, progress: async () => undefined })).more);
    const copies = (await copiesOfExam(payload, exam.id)).filter((c: any) => (c.pages?.length ?? 0) >= 2)
    if (copies.length < 3) throw new Error(`${BATCH}: fewer than 3 copies of 2 pages or more`)
    const [a, b, c] = copies as any[]
    const pagesOf = async (id: unknown) => ((await payload.findByID({ collection: 'copies', id: id as number, depth: 0, overrideAccess: true })) as any).pages.length as number
    const rows: Row[] = []
    const run = async (measure: string, detail: string, once: (i: number) => Promise<number>) => {
      const samples: number[] = []
      for (let i = 0; i < RUNS; i++) samples.push(await once(i))
      rows.push({ measure, samples, detail })
    }

    const aPages = await pagesOf(a.id)
    await run('rotate a page', `copy of ${aPages} pages, page 2 a quarter turn`, async () => (await timed({ client: admin, path: `/api/identification/copies/${a.id}/pages/rotate`, body: { page: 1, by: 90 } })).ms)
    await run('page picture after a rotation', 'GET …/pages/1/image (the desk shows it at once)', async () => {
      await timed({ client: admin, path: `/api/identification/copies/${a.id}/pages/rotate`, body: { page: 1, by: 90 } })
      const desk = (await admin.request('GET', `/api/identification/exams/${exam.id}/desk`)).body
      const shown = desk.copies.find((k: any) => k.id === a.id)
      return (await timed({ client: admin, method: 'GET', path: `/api/identification/copies/${a.id}/pages/1/image?v=${encodeURIComponent(shown.pdfUrl ?? '')}` })).ms
    })
    await run('desk reload after an edit', 'GET …/exams/:id/desk (the desk reads it again after each fix)', async () => (await timed({ client: admin, method: 'GET', path: `/api/identification/exams/${exam.id}/desk` })).ms)
    await run('reorder pages', `copy of ${aPages} pages, first two swapped`, async () => {
      const order = Array.from({ length: aPages }, (_, i) => i)
      ;[order[0], order[1]] = [order[1]!, order[0]!]
      return (await timed({ client: admin, path: `/api/identification/copies/${a.id}/pages/reorder`, body: { order } })).ms
    })
    await run('move a page to another copy', 'last page of one copy to the end of another, and back', async (i) => {
      const [from, to] = i % 2 ? [c, b] : [b, c]
      return (await timed({ client: admin, path: `/api/identification/copies/${from.id}/pages/move`, body: { page: (await pagesOf(from.id)) - 1, toCopy: to.id } })).ms
    })
    const splits: number[] = []
    const merges: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const split = await timed({ client: admin, path: `/api/identification/copies/${a.id}/split`, body: { at: 1 } })
      splits.push(split.ms)
      const fresh = split.body.copies.find((k: any) => k.id !== a.id)
      merges.push((await timed({ client: admin, path: `/api/identification/copies/${a.id}/merge`, body: { from: fresh.id } })).ms)
    }
    rows.push({ measure: 'split a copy', samples: splits, detail: 'after its first page: a new copy with the rest' })
    rows.push({ measure: 'merge two copies', samples: merges, detail: 'the split-off copy merged back' })
    printTable(`desk page fixes on ${BATCH} (${truth.pageCount} scanned pages, ${copies.length} copies of 2+ pages), through HTTP`, rows)
  } finally {
    await app.close()
  }
}

await main()
process.exit(0)
