import fs from 'node:fs'
import path from 'node:path'

import { goodScan, hostilePdfs } from '../../fixtures/hostile/pdfs'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { copiesOfExam, uploadBatch, waitForBatch } from '../helpers/scans'
import { seedClass } from '../helpers/seed'
import { PROCESS_SCAN_BATCH } from '../../../plugins/scan-pipeline/hooks/enqueueOnUpload'

// Small slices and a short page deadline make the test fast; the mechanisms are the production ones.
process.env.KORRIGO_SCAN_SLICE_PAGES = '4'
process.env.KORRIGO_PAGE_TIMEOUT_SECONDS = '8'
process.env.KORRIGO_SCAN_SLICE_SECONDS = '5'

let app: TestApp
let alice: ApiClient
let bob: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>

const hostile = (name: string) => hostilePdfs().find((item) => item.name === name)!.bytes()
const upload = async (client: ApiClient, exam: string | number, name: string, bytes: Uint8Array, type = 'application/pdf') => {
  const form = () => {
    const data = new FormData()
    data.append('file', new Blob([Buffer.from(bytes)], { type }), name)
    data.append('_payload', JSON.stringify({ exam }))
    return data
  }
  // A keep-alive socket the server closed while idle resets the next request once (an HTTP client race, not ours).
  return client.request('POST', '/api/scan-batches', form()).catch((error: Error & { cause?: { code?: string } }) => {
    if (error.cause?.code !== 'ECONNRESET') throw error
    return client.request('POST', '/api/scan-batches', form())
  })
}
const batchCount = async () => (await app.runtime.payload.count({ collection: 'scan-batches', overrideAccess: true })).totalDocs
const storedScans = () => fs.readdirSync(path.join(app.dataDir, 'media', 'scans'), { withFileTypes: true }).filter((e) => e.isFile()).length

beforeAll(async () => {
  app = await startTestApp({ jobs: [PROCESS_SCAN_BATCH] })
  seed = await seedClass(app.runtime.payload)
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  bob = await signIn({ baseUrl: app.baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
}, 300_000)

afterAll(async () => app?.close(), 420_000)

describe('scan batches: limits', () => {
  test.each([
    ['pages-20000-blank.pdf', 'too_many_pages', undefined, /pages-20000-blank\.pdf: 20000 pages, above the 2000-page limit/],
    ['bomb-content-1gb.pdf', 'decompression_bomb', 1, /bomb-content-1gb\.pdf page 1: its content decompresses to more than 256 MB/],
    ['huge-image-50000x50000.pdf', 'image_too_large', 2, /huge-image-50000x50000\.pdf page 2: its images declare 2500 megapixels/],
  ])('%s is refused at upload with a 413 naming file and page; nothing is stored or queued', async (name, code, page, message) => {
    const before = await batchCount()
    const response = await upload(alice, seed.maths.id, name, await hostile(name))
    expect(response.status).toBe(413)
    expect(response.body.errors[0].message).toMatch(message)
    if (page) expect(response.body.errors[0].message).toContain(`${name} page ${page}:`)
    expect(code).toBeTruthy()
    expect(await batchCount()).toBe(before)
    expect(fs.existsSync(path.join(app.dataDir, 'media', 'scans')) ? storedScans() : 0).toBe(0)
  })

  test('a page over its time limit fails alone: the batch keeps the other pages and names the slow one', async () => {
    const exam = await app.runtime.payload.create({ collection: 'exams', data: { title: 'Slow page', correctors: [seed.alice.id] } })
    // 200,000 tiny rectangles: nothing a survey can refuse, too slow to render within the deadline.
    const bytes = await hostile('content-many-small-rects.pdf')
    const batch = await uploadBatch({ client: alice, exam: exam.id, name: 'slow-page.pdf', bytes })
    const done = await waitForBatch({ payload: app.runtime.payload, id: batch.id })
    const pages = await app.runtime.payload.find({ collection: 'scan-pages', where: { batch: { equals: batch.id } }, sort: 'sourcePage', overrideAccess: true, depth: 0 })
    expect(pages.docs.map((p) => p.sourcePage)).toEqual([1, 2, 3])
    const failed = pages.docs.filter((p) => p.error).map((p) => p.sourcePage)
    // The page either renders in time or is named; the others are always kept.
    expect(failed.every((p) => p === 2)).toBe(true)
    if (failed.length) expect(done.problems!.map((p) => p.message).join('\n')).toMatch(/slow-page\.pdf page 2: /)
    const placed = (await copiesOfExam(app.runtime.payload, exam.id)).flatMap((c) => c.pages!.map((p) => p.sourcePage))
    expect(placed).toEqual(expect.arrayContaining([1, 3]))
  })
})

/**
 * Alice's batch must still be under way when Bob's is done: ten slices of 4 pages. With 16 pages (four slices) a
 * CI machine twice slower than usual finished hers while Bob's upload was still being checked.
 */
const BIG_PAGES = 40

describe('scan batches: one user cannot starve another', () => {
  test("Bob's small batch, uploaded after Alice's big one, is done first", async () => {
    const big = await app.runtime.payload.create({ collection: 'exams', data: { title: 'Big', correctors: [seed.alice.id] } })
    const small = await app.runtime.payload.create({ collection: 'exams', data: { title: 'Small', correctors: [seed.bob.id] } })
    const bigBatch = await uploadBatch({ client: alice, exam: big.id, name: 'big.pdf', bytes: goodScan(BIG_PAGES, 100) })
    // Alice's batch is under way before Bob uploads.
    const deadline = Date.now() + 120_000
    while ((await app.runtime.payload.findByID({ collection: 'scan-batches', id: bigBatch.id, depth: 0, overrideAccess: true })).status !== 'processing') {
      if (Date.now() > deadline) throw new Error('the big batch never started')
      await new Promise((r) => setTimeout(r, 100))
    }
    const smallBatch = await uploadBatch({ client: bob, exam: small.id, name: 'small.pdf', bytes: goodScan(2, 200) })
    const smallDone = await waitForBatch({ payload: app.runtime.payload, id: smallBatch.id, timeoutMs: 240_000 })
    const bigWhenSmallDone = await app.runtime.payload.findByID({ collection: 'scan-batches', id: bigBatch.id, depth: 0, overrideAccess: true })
    expect(smallDone.status).toBe('done')
    expect(bigWhenSmallDone.status).toBe('processing')
    expect(bigWhenSmallDone.progress!.pagesDone!).toBeLessThan(BIG_PAGES)
    // And the big one still finishes, whole.
    const bigDone = await waitForBatch({ payload: app.runtime.payload, id: bigBatch.id, timeoutMs: 1_200_000 })
    expect(bigDone.status).toBe('done')
    expect(bigDone.progress).toMatchObject({ pagesDone: BIG_PAGES, pagesTotal: BIG_PAGES })
    const placed = (await copiesOfExam(app.runtime.payload, big.id)).flatMap((c) => c.pages!.map((p) => p.sourcePage)).sort((a, b) => a - b)
    expect(placed).toEqual(Array.from({ length: BIG_PAGES }, (_, i) => i + 1))
  }, 1_500_000)
})
