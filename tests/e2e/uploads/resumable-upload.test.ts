import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CDPSession, Page } from 'playwright-core'

import { PROCESS_SCAN_BATCH } from '../../../plugins/scan-pipeline/hooks/enqueueOnUpload'
import { writePaddedPdf } from '../../../tools/papers/padded'
import { getBatch } from '../../fixtures/scans'
import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'

/**
 * Issue 19 in the real admin and chromium: two PDFs of one exam go up at once through the resumable uploader
 * above the batches' list; the network is cut twice in the middle of the large one (tens of MB, a real class
 * padded), the uploads say so, resume by themselves when it is back, and each file ends as its own batch,
 * stored byte for byte and cut into the right copies.
 */
let app: AdminApp
let admin: ApiClient
let dir: string

/** The large file's size: tens of MB in the suite; `KORRIGO_E2E_UPLOAD_MB=1024` is the 1 GB run. */
const BIG_MB = Number(process.env.KORRIGO_E2E_UPLOAD_MB ?? 48)
/** Slow enough that the cuts land mid-file (loopback would finish first): the large file takes ~15 s at least. */
const THROUGHPUT = Math.max(6, Math.ceil(BIG_MB / 15)) * 1024 * 1024

beforeAll(async () => {
  // Above the default 500 MB limit, the 1 GB run needs the limit raised as a school would.
  // Cutting only: the copies' names and redactions are not what this test looks at.
  app = await startAdminApp({ name: 'resumable-upload', env: { KORRIGO_JOBS: PROCESS_SCAN_BATCH, ...(BIG_MB > 480 ? { KORRIGO_MAX_UPLOAD_MB: String(BIG_MB + 16) } : {}) } })
  admin = await createFirstAdmin(app.base)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-upload-e2e-'))
}, 900_000)

afterAll(async () => {
  await app?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}, 180_000)

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/** Upload slowed to a few MB/s (loopback would finish before any cut), or cut altogether. */
const network = (cdp: CDPSession, { offline }: { offline: boolean }) =>
  cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: THROUGHPUT })

const rowOf = (page: Page, file: string) => page.locator(`li.scan-upload[data-file="${file}"]`)
const percentOf = async (page: Page, file: string) => Number(await rowOf(page, file).locator('progress').getAttribute('value'))

describe('uploading a year group’s scans through the admin', () => {
  it('survives two network cuts and makes one batch per file with the right copies', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const big = path.join(dir, 'annee-complete.pdf')
    await writePaddedPdf({ source: bytes, size: BIG_MB * 1024 * 1024, path: big })
    const small = path.join(dir, 'suite.pdf')
    fs.writeFileSync(small, bytes)
    const exam = (await admin.request('POST', '/api/exams', { title: 'Bac blanc — 1re', className: '1re', layout: 'auto' })).body.doc

    const context = await app.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' })
    const page = await context.newPage()
    page.setDefaultTimeout(90_000)
    await signInAdmin({ page, base: app.base })
    await page.goto(`${app.base}/admin/collections/scan-batches`)
    await page.waitForSelector(`#scan-upload-exam option[value="${exam.id}"]`, { state: 'attached' })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await network(cdp, { offline: false })

    await page.selectOption('#scan-upload-exam', String(exam.id))
    await page.setInputFiles('#scan-upload-files', [big, small])

    // Two cuts in the middle of the large file; each time the row says so, then goes on where it stopped.
    for (const at of [20, 55]) {
      await page.waitForFunction(({ file, at }) => Number(document.querySelector(`li.scan-upload[data-file="${file}"] progress`)?.getAttribute('value')) >= at, { file: 'annee-complete.pdf', at })
      await network(cdp, { offline: true })
      await page.waitForSelector('li.scan-upload[data-file="annee-complete.pdf"][data-state=offline]')
      expect(await rowOf(page, 'annee-complete.pdf').locator('.scan-upload__state').textContent()).toContain('Connexion perdue')
      const stoppedAt = await percentOf(page, 'annee-complete.pdf')
      expect(stoppedAt).toBeLessThan(100)
      await page.waitForTimeout(1_500)
      await network(cdp, { offline: false })
      await page.waitForFunction(
        ({ file, from }) => Number(document.querySelector(`li.scan-upload[data-file="${file}"] progress`)?.getAttribute('value')) > from,
        { file: 'annee-complete.pdf', from: stoppedAt },
      )
    }
    // Speed and time left while it moves.
    await rowOf(page, 'annee-complete.pdf').locator('.scan-upload__speed').waitFor()
    await network(cdp, { offline: false })

    await page.waitForSelector('li.scan-upload[data-file="annee-complete.pdf"][data-state=done]', { timeout: 300_000 })
    await page.waitForSelector('li.scan-upload[data-file="suite.pdf"][data-state=done]', { timeout: 300_000 })
    expect(await rowOf(page, 'annee-complete.pdf').locator('a').getAttribute('href')).toMatch(/^\/admin\/collections\/scan-batches\/\d+$/)

    // One batch per file, each stored byte for byte: no chunk was lost or written twice.
    const batches = (await admin.request('GET', `/api/scan-batches?where[exam][equals]=${exam.id}&depth=0&sort=createdAt`)).body.docs as { id: number; filename: string; filesize: number }[]
    expect(batches.map((batch) => batch.filename).sort()).toEqual(['annee-complete.pdf', 'suite.pdf'])
    const stored = (name: string) => path.join(app.env.KORRIGO_DATA_DIR!, 'media', 'scans', name)
    expect(sha256(stored('annee-complete.pdf'))).toBe(sha256(big))
    expect(sha256(stored('suite.pdf'))).toBe(sha256(small))

    // Processed as a form upload is: the large file's batch is cut into the class's copies.
    const expected = truth.copies.map((copy) => copy.pages.map((p) => ({ sourcePage: p.source_page, region: p.region, rotation: p.rotation })))
    for (const batch of batches) {
      let status = ''
      const until = Date.now() + 600_000
      while (!['done', 'partial', 'failed'].includes(status) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 2_000))
        status = (await admin.request('GET', `/api/scan-batches/${batch.id}?depth=0`)).body.status
      }
      expect(status).toBe('done')
    }
    const copies = (await admin.request('GET', `/api/copies?where[exam][equals]=${exam.id}&depth=0&limit=100&sort=createdAt`)).body.docs as {
      pages: { batch: number; sourcePage: number; region: string; rotation: number }[]
    }[]
    for (const batch of batches) {
      const ofBatch = copies.filter((copy) => copy.pages[0]?.batch === batch.id)
      expect(ofBatch.map((copy) => copy.pages.map((p) => ({ sourcePage: p.sourcePage, region: p.region, rotation: p.rotation })))).toEqual(expected)
    }
    await context.close()
  }, 900_000)
})
