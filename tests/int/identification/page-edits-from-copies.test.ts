import fs from 'node:fs'
import path from 'node:path'

import { PDFDocument } from 'pdf-lib'

import { assembleCopyPages } from '../../../plugins/identification/lib/pages/index'
import { readUpload } from '../../../storage/uploads'
import { startTestApp, type TestApp } from '../helpers/app'
import type { ApiClient } from '../helpers/http'
import { copiesOfExam, cutBatchWithoutJobs } from '../helpers/scans'

// Issue 15, item 13: a desk edit answers in well under a second because the new PDFs are made of the
// copies' own PDF pages, not of whole batches read and repaired again. What a teacher is then served must
// be the copy its pages describe: the same pages, halves and turns a rebuild from the batch gives.
let app: TestApp
let admin: ApiClient
let examId: number
let batchBytes: Uint8Array
let batchDoc: any

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  const { payload } = app.runtime
  const cut = await cutBatchWithoutJobs({ payload, baseUrl: app.baseUrl, title: 'Rapide', name: 'fast.pdf' })
  ;({ admin, examId } = cut)
  batchDoc = await payload.findByID({ collection: 'scan-batches', id: cut.batchId, depth: 0, overrideAccess: true })
  batchBytes = await readUpload({ payload, collection: 'scan-batches', doc: batchDoc })
}, 300_000)

afterAll(async () => {
  await app?.close()
}, 120_000)

const copy = (id: unknown) => app.runtime.payload.findByID({ collection: 'copies', id: id as number, depth: 0, overrideAccess: true }) as Promise<any>
const pdfOf = async (c: any) => readUpload({ payload: app.runtime.payload, collection: 'media', doc: await app.runtime.payload.findByID({ collection: 'media', id: c.pdf, overrideAccess: true }) })

/** What a viewer draws of each page: its visible box and its turn. */
const geometry = async (pdf: Uint8Array) =>
  (await PDFDocument.load(pdf)).getPages().map((p) => {
    const { x, y, width, height } = p.getCropBox()
    return [Math.round(x), Math.round(y), Math.round(width), Math.round(height), p.getRotation().angle]
  })

/** The copy's stored PDF against the one its pages give when rebuilt from the batch. */
const expectMatchesItsPages = async (id: unknown) => {
  const c = await copy(id)
  const pages = c.pages.map((p: any) => ({ batch: String(p.batch), sourcePage: p.sourcePage, region: p.region, rotation: p.rotation }))
  const rebuilt = await assembleCopyPages({ sources: new Map([[String(batchDoc.id), batchBytes]]), pages })
  expect(await geometry(await pdfOf(c))).toEqual(await geometry(rebuilt))
}

const post = async (id: unknown, route: string, body: unknown) => {
  const response = await admin.request('POST', `/api/identification/copies/${id}/${route}`, body)
  expect(response.status).toBe(200)
  return response.body
}

describe('page edits made from the copies’ own PDFs (issue 15, item 13)', () => {
  it('gives after every kind of edit the PDF its pages describe', async () => {
    const copies = await copiesOfExam(app.runtime.payload, examId)
    const [a, b] = copies.filter((c: any) => c.pages.length >= 2) as any[]
    for (const by of [90, 180, -90]) {
      await post(a.id, 'pages/rotate', { page: 1, by })
      await expectMatchesItsPages(a.id)
    }
    await post(a.id, 'pages/reorder', { order: [1, 0, ...a.pages.slice(2).map((_: unknown, i: number) => i + 2)] })
    await expectMatchesItsPages(a.id)
    await post(a.id, 'pages/move', { page: 0, toCopy: b.id, position: 1 })
    await expectMatchesItsPages(a.id)
    await expectMatchesItsPages(b.id)
    const split = await post(b.id, 'split', { at: 1 })
    const fresh = split.copies.find((c: any) => c.id !== b.id)
    await expectMatchesItsPages(b.id)
    await expectMatchesItsPages(fresh.id)
    await post(b.id, 'pages/rotate', { page: 0, by: 90 })
    await post(b.id, 'merge', { from: fresh.id })
    await expectMatchesItsPages(b.id)
  })

  it('reads no batch: an edit still works with the batch file gone', async () => {
    const staticDir = (app.runtime.payload.collections as any)['scan-batches'].config.upload.staticDir as string
    const file = path.join(staticDir, batchDoc.filename)
    expect(fs.existsSync(file)).toBe(true)
    const away = `${file}.away`
    fs.renameSync(file, away)
    try {
      const target = (await copiesOfExam(app.runtime.payload, examId)).find((c: any) => c.pages.length >= 2)!
      const before = await copy(target.id)
      await post(target.id, 'pages/rotate', { page: 0, by: 90 })
      const after = await copy(target.id)
      expect(after.pages[0].rotation).toBe((before.pages[0].rotation + 90) % 360)
      // New files, so no browser shows a cached picture of the page as it was.
      expect(after.pdf).not.toBe(before.pdf)
      expect(after.thumbnail).not.toBe(before.thumbnail)
      const thumb = await app.runtime.payload.findByID({ collection: 'media', id: after.thumbnail, overrideAccess: true })
      expect(thumb.mimeType).toBe('image/webp')
      expect((await readUpload({ payload: app.runtime.payload, collection: 'media', doc: thumb })).length).toBeGreaterThan(500)
      // How fast it answers is the bench's to measure (bench/desk.ts), not a test's on a shared machine.
    } finally {
      fs.renameSync(away, file)
    }
    await expectMatchesItsPages((await copiesOfExam(app.runtime.payload, examId)).find((c: any) => c.pages.length >= 2)!.id)
  })
})
