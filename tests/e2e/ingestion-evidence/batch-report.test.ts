import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'
import sharp from 'sharp'

import { getBatch } from '../../fixtures/scans'
import type { ApiClient } from '../../int/helpers/http'
import { uploadBatch } from '../../int/helpers/scans'
import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'
import { waitUntil as until } from '../../int/helpers/wait'

/**
 * Issue 11.3 in the real admin (Next production build, `server.ts`): the exam's blank subject attached from
 * its form (a non-PDF refused with the reason), the batch's "Découpage" tab saying what decided each copy's
 * start, re-cutting the batch with the subject, and an unsure start confirmed from the identification desk.
 */
let app: AdminApp
let admin: ApiClient
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-subject-e2e-'))
  app = await startAdminApp({ name: 'batch-report' })
  admin = await createFirstAdmin(app.base)
}, 900_000)

afterAll(async () => {
  await app?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}, 120_000)

const newPage = async (): Promise<Page> => {
  const page = await (await app.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' })).newPage()
  page.setDefaultTimeout(90_000)
  await signInAdmin({ page, base: app.base })
  return page
}

const evidenceShown = (page: Page) => page.$$eval('[data-testid=batch-report-evidence]', (cells) => cells.map((c) => [c.getAttribute('data-boundary'), c.textContent?.trim()]))

/** Creates a file in the exam form's subject drawer and saves the drawer. */
const attachInDrawer = async (page: Page, file: string) => {
  await page.click('#field-blankSubject .upload__createNewToggler')
  const drawer = '.doc-drawer.drawer--is-open'
  await page.waitForSelector(`${drawer} input[type=file]`, { state: 'attached' })
  await page.setInputFiles(`${drawer} input[type=file]`, file)
  // The drawer's form knows what a person uploads here: the exam's blank subject.
  await page.waitForSelector(`${drawer} #field-kind :text("Sujet vierge")`)
  await page.click(`${drawer} #action-save`)
}

describe('the blank subject and the batch report in the admin', () => {
  it('attaches the subject from the exam form, shows each copy’s evidence, re-cuts with the subject, and confirms an unsure start on the desk', async () => {
    const { bytes, subjectPath, truth } = await getBatch('one-line-a4-mini')
    const exam = (await admin.request('POST', '/api/exams', { title: 'Maths — DS 3', className: 'Sans liste', layout: 'auto' })).body.doc
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'ds3.pdf', bytes })
    await until('the batch', async () => ['done', 'partial'].includes((await admin.request('GET', `/api/scan-batches/${batch.id}?depth=0`)).body.status), 400_000)
    const page = await newPage()

    // Cut without a subject: the tab says so, and what decided each start.
    await page.goto(`${app.base}/admin/collections/scan-batches/${batch.id}/report`)
    await page.waitForSelector('[data-testid=batch-report]', { timeout: 120_000 })
    expect(await page.textContent('[data-testid=batch-report] h2')).toBe('Découpage du lot en copies')
    expect(await page.textContent('[data-testid=batch-report-cut-on]')).toContain('sans sujet vierge')
    expect(await page.locator('[data-testid=batch-report-copy]').count()).toBe(truth.copies.length)
    for (const [boundary] of await evidenceShown(page)) expect(boundary).not.toBe('subject')
    expect(await page.locator('[data-testid=batch-report-copy] img').count()).toBe(truth.copies.length)

    // The exam form: a picture is refused with the reason, the subject PDF is attached.
    await page.goto(`${app.base}/admin/collections/exams/${exam.id}`)
    await page.waitForSelector('#field-blankSubject', { timeout: 120_000 })
    expect(await page.textContent('#field-blankSubject')).toContain('Sujet vierge (PDF)')
    const png = path.join(dir, 'consignes.png')
    // A real picture (a broken one would be refused by the image reader before our check runs).
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ffffff' } }).png().toFile(png)
    const answered = page.waitForResponse((r) => r.url().includes('/api/media') && r.request().method() === 'POST', { timeout: 90_000 })
    await attachInDrawer(page, png)
    expect((await answered).status()).toBe(400)
    // The admin's toast lists the message's parts: the file named, and why it is refused.
    const toast = await page.waitForSelector('text=/the blank subject must be a PDF file/')
    expect(await toast.evaluate((node) => node.closest('li')?.parentElement?.parentElement?.textContent ?? node.textContent)).toMatch(/consignes\.png/)
    expect((await admin.request('GET', '/api/media?where[kind][equals]=subject')).body.totalDocs).toBe(0)
    // Nothing was kept: start again from the page as it is stored.
    page.on('dialog', (dialog) => void dialog.accept())
    await page.reload()
    await page.waitForSelector('#field-blankSubject .upload__createNewToggler', { timeout: 120_000 })

    await attachInDrawer(page, subjectPath)
    await page.waitForSelector('#field-blankSubject :text(".subject.pdf")')
    await page.click('#action-save')
    const subject = await until('the exam to hold its subject', async () => (await admin.request('GET', `/api/exams/${exam.id}?depth=0`)).body.blankSubject)
    expect((await admin.request('GET', `/api/media/${subject}?depth=0`)).body).toMatchObject({ kind: 'subject', exam: exam.id })

    // Back on the batch: cut before the subject came, so the tab proposes to re-cut; the copies stay, now cut on the subject.
    await page.goto(`${app.base}/admin/collections/scan-batches/${batch.id}/report`)
    await page.waitForSelector('[data-testid=batch-report-stale]', { timeout: 120_000 })
    await page.click('#batch-recut')
    await page.click('#batch-recut-yes')
    expect(await (await page.waitForSelector('[data-testid=batch-report-notice]')).textContent()).toBe(
      `Lot redécoupé : ${truth.copies.length} copies conservées, 0 nouvelles, 0 supprimées.`,
    )
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=batch-report-evidence]')].every((c) => c.getAttribute('data-boundary') === 'subject'))
    for (const [, text] of await evidenceShown(page)) expect(text).toBe('page 1 du sujet reconnue')
    expect(await page.textContent('[data-testid=batch-report-cut-on]')).toContain('avec le sujet vierge de l’examen')
    expect(await page.locator('[data-testid=batch-report-stale]').count()).toBe(0)

    // A start ingestion only proposed (weak evidence) is highlighted and counted, with the way to the desk.
    // The re-cut queued identification and redaction, which may still join or reorder the exam's copies: the
    // test picks its copy once they are done, as an admin would after the batch settles.
    type Listed = { id: number; anonymousId: string; segmentation: Record<string, unknown>; identification?: { status?: string }; redaction?: { status?: string } }
    const settledCopies = async () => {
      const docs = (await admin.request('GET', `/api/copies?where[exam][equals]=${exam.id}&depth=0&sort=createdAt&limit=100`)).body.docs as Listed[]
      return docs.every((c) => c.identification?.status !== 'pending' && c.redaction?.status !== 'pending') ? docs : undefined
    }
    await until('identification and redaction to settle', async () => (await settledCopies()) && (await new Promise((r) => setTimeout(r, 1_000)), settledCopies()), 180_000)
    const copies = (await settledCopies())!
    const doubtful = copies[2]!
    expect((await admin.request('PATCH', `/api/copies/${doubtful.id}`, { segmentation: { ...doubtful.segmentation, unsure: true } })).status).toBe(200)
    await page.reload()
    await page.waitForSelector(`[data-testid=batch-report-copy][data-copy-id="${doubtful.id}"][data-unsure=true]`)
    expect(await page.locator('[data-testid=batch-report-copy][data-unsure=true]').count()).toBe(1)
    expect(await page.textContent('[data-testid=batch-report-unsure]')).toContain('Débuts de copie à vérifier : 1')

    // The desk's filter lists it; confirming it clears it.
    await page.click('[data-testid=batch-report-unsure]')
    await page.waitForSelector('[data-testid=desk-unsure-starts]', { timeout: 120_000 })
    expect(await page.textContent('[data-testid=desk-unsure-count]')).toBe('1')
    await page.check('[data-testid=desk-unsure-starts]')
    await page.waitForSelector(`[data-testid=desk-copy][data-copy-id="${doubtful.id}"]`)
    expect(await page.textContent('[data-testid=desk-start-unsure]')).toContain('page 1 du sujet reconnue')
    await page.click('[data-testid=desk-confirm-start]')
    await page.waitForSelector('[data-testid=desk-no-unsure]')
    expect(await page.textContent('[data-testid=desk-unsure-count]')).toBe('0')
    expect((await admin.request('GET', `/api/copies/${doubtful.id}?depth=0`)).body.segmentation.unsure).toBe(false)
  }, 1_500_000)
})
