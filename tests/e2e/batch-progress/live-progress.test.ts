import type { Page } from 'playwright-core'
import { PDFDocument, StandardFonts } from 'pdf-lib'

import { PROCESS_SCAN_BATCH } from '../../../plugins/scan-pipeline/hooks/enqueueOnUpload'
import { getBatch } from '../../fixtures/scans'
import type { ApiClient } from '../../int/helpers/http'
import { uploadBatch } from '../../int/helpers/scans'
import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'
import { spawnProject, type Spawned } from '../helpers/processes'

/**
 * Issue 15, point 10, in the real admin: a scan batch's edit view follows its processing without a reload
 * (queued, then pages analysed, then done), its status cannot be edited there, and its problems are
 * sentences in the reader's language, not the pipeline's codes. The app only enqueues
 * (KORRIGO_WORKER=external): the page is open on a queued batch before a worker starts on it.
 */
let app: AdminApp
let admin: ApiClient
let worker: Spawned | undefined

beforeAll(async () => {
  app = await startAdminApp({ name: 'batch-progress', env: { KORRIGO_WORKER: 'external' } })
  admin = await createFirstAdmin(app.base)
}, 900_000)

afterAll(async () => {
  await worker?.stop()
  await app?.stop()
}, 180_000)

const newPage = async (locale: string): Promise<Page> => {
  const page = await (await app.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale })).newPage()
  page.setDefaultTimeout(90_000)
  await signInAdmin({ page, base: app.base })
  return page
}

/** A generated class's scans with one typed page at the end (a document that is not a scan). */
const batchWithTypedPage = async () => {
  const { bytes } = await getBatch('one-line-a4-mini')
  const pdf = await PDFDocument.load(bytes)
  const typed = pdf.addPage([595, 842])
  typed.drawText('Consignes de l’épreuve — document tapé', { x: 60, y: 760, size: 16, font: await pdf.embedFont(StandardFonts.Helvetica) })
  return { bytes: await pdf.save(), typedPage: pdf.getPageCount() }
}

describe('a scan batch’s edit view', () => {
  it('follows the processing live, keeps the status read-only and says the problems in words', async () => {
    const exam = (await admin.request('POST', '/api/exams', { title: 'Maths — DS 4', className: '3e B', layout: 'auto' })).body.doc
    const { bytes, typedPage } = await batchWithTypedPage()
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'ds4.pdf', bytes })

    const page = await newPage('fr-FR')
    await page.goto(`${app.base}/admin/collections/scan-batches/${batch.id}`)
    await page.waitForSelector('[data-testid=batch-progress][data-status=queued]', { timeout: 120_000 })
    expect(await page.textContent('[data-testid=batch-progress-status]')).toBe('En attente')
    expect(await page.textContent('[data-testid=batch-progress-stage]')).toBe('En attente de traitement…')

    // Read-only: no control for the status, and the pipeline's raw fields are not in the form.
    expect(await page.locator('[data-testid=batch-progress] :is(input, select, button, textarea)').count()).toBe(0)
    expect(await page.locator('#field-status, #field-progress__pagesDone, #field-problems').count()).toBe(0)

    // Every state the view shows from now on, without the page being loaded again.
    await page.evaluate(() => {
      const seen: string[] = []
      Object.assign(window, { korrigoSeen: seen, korrigoSameLoad: true })
      const record = () => {
        const view = document.querySelector('[data-testid=batch-progress]')
        const entry = `${view?.getAttribute('data-status')}|${document.querySelector('[data-testid=batch-progress-stage]')?.textContent}`
        if (seen[seen.length - 1] !== entry) seen.push(entry)
      }
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })

    // Cutting only: the copies' names and redactions, which would follow, are not what this page shows.
    worker = spawnProject({ command: process.execPath, args: ['--import', 'tsx', 'jobs/worker.ts'], env: { ...app.env, KORRIGO_JOBS: PROCESS_SCAN_BATCH } })
    await worker.waitFor(/worker running jobs/, 180_000)
    await page.waitForSelector('[data-testid=batch-progress][data-status=partial], [data-testid=batch-progress][data-status=done]', { timeout: 600_000 })

    const seen = (await page.evaluate(() => (window as unknown as { korrigoSeen: string[] }).korrigoSeen)) as string[]
    expect(await page.evaluate(() => (window as unknown as { korrigoSameLoad?: boolean }).korrigoSameLoad)).toBe(true)
    expect(seen.some((entry) => entry.startsWith('processing|'))).toBe(true)
    const final = await admin.request('GET', `/api/scan-batches/${batch.id}?depth=0`)
    expect(seen[seen.length - 1]).toBe(`${final.body.status}|Pages analysées : ${typedPage} — copies trouvées : ${final.body.progress.copiesFound}.`)

    // The typed page is named in French; no code or English message is what the admin reads.
    const problems = page.locator('[data-testid=batch-progress-problems] li')
    const sentences = await problems.allTextContents()
    expect(sentences).toContain(`Page ${typedPage} : elle contient du texte tapé, ce n’est pas une numérisation.`)
    const view = (await page.textContent('[data-testid=batch-progress]')) ?? ''
    expect(view).not.toMatch(/copy_anomaly|anomaly|text layer|page_unreadable/)
    expect(final.body.problems.map((p: { code: string }) => p.code)).toContain('anomaly')

    // The Découpage tab says them the same way.
    await page.goto(`${app.base}/admin/collections/scan-batches/${batch.id}/report`)
    await page.waitForSelector('[data-testid=batch-report-problems]', { timeout: 120_000 })
    expect(await page.locator('[data-testid=batch-report-problems] li').allTextContents()).toContain(`Page ${typedPage} : elle contient du texte tapé, ce n’est pas une numérisation.`)

    // In English for a reader in English.
    const english = await newPage('en-GB')
    await english.goto(`${app.base}/admin/collections/scan-batches/${batch.id}`)
    await english.waitForSelector(`[data-testid=batch-progress][data-status=${final.body.status}]`, { timeout: 120_000 })
    expect(await english.textContent('[data-testid=batch-progress-status]')).toBe(final.body.status === 'done' ? 'Done' : 'Done with errors')
    expect(await english.locator('[data-testid=batch-progress-problems] li').allTextContents()).toContain(`Page ${typedPage}: it holds typed text, it is not a scan.`)
  }, 1_200_000)
})
