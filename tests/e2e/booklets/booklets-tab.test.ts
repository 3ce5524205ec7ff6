import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { PDFDocument } from 'pdf-lib'
import type { Page } from 'playwright-core'

import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'

/** The exam's Livrets tab in the real admin: French and English, the PDF downloaded from its form; teachers kept out. */
let app: AdminApp
let examId: number
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-booklets-dl-'))

beforeAll(async () => {
  app = await startAdminApp({ name: 'booklets' })
  const admin = await createFirstAdmin(app.base)
  for (const [lastName, firstName] of [['Lefèvre', 'Chloé'], ['Martin', 'Noé']])
    expect((await admin.request('POST', '/api/students', { lastName, firstName, className: '2de A' })).status).toBe(201)
  // Rose marks this exam: she can open it, but not its booklets (they carry the students' names).
  const rose = (await admin.request('POST', '/api/users', { email: 'rose@school.test', password: 'teacher-password-1', role: 'teacher', name: 'Rose Prof' })).body.doc
  examId = (await admin.request('POST', '/api/exams', { title: 'Maths — livrets', className: '2de A', pagesPerCopy: 2, correctors: [rose.id] })).body.doc.id
}, 900_000)

afterAll(async () => {
  await app?.stop()
  fs.rmSync(downloads, { recursive: true, force: true })
}, 60_000)

const openTab = async ({ locale, email, password }: { locale: string; email?: string; password?: string }): Promise<Page> => {
  const context = await app.browser.newContext({ locale, acceptDownloads: true })
  const page = await context.newPage()
  await signInAdmin({ page, base: app.base, email, password })
  await page.goto(`${app.base}/admin/collections/exams/${examId}/booklets`)
  await page.waitForSelector(':is([data-testid=booklets-form], [data-testid=booklets-forbidden])')
  return page
}

describe('the exam Livrets tab', () => {
  it('downloads the booklets to print, in French and in English, for admins only', async () => {
    const page = await openTab({ locale: 'fr-FR' })
    expect(await page.locator('.doc-tab', { hasText: 'Livrets' }).count()).toBeGreaterThan(0)
    expect(await page.textContent('h2')).toContain('Livrets préparés avec QR codes')
    await page.selectOption('select[name=layout]', 'a3')
    await page.fill('input[name=blank]', '1')
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=booklets-form] button[type=submit]')])
    expect(file.suggestedFilename()).toBe(`livrets-${examId}-a3.pdf`)
    const target = path.join(downloads, file.suggestedFilename())
    await file.saveAs(target)
    const pdf = fs.readFileSync(target)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // two named booklets and one blank, each one A3 sheet (2 pages rounded up to 4: front and back)
    const sheets = (await PDFDocument.load(pdf)).getPages()
    expect(sheets).toHaveLength(6)
    expect(Math.round(sheets[0]!.getWidth())).toBe(1191)
    await page.context().close()

    const english = await openTab({ locale: 'en-US' })
    expect(await english.textContent('h2')).toContain('Prepared booklets with QR codes')
    expect(await english.textContent('[data-testid=booklets-form] button[type=submit]')).toContain('Download the PDF to print')
    await english.context().close()

    const teacher = await openTab({ locale: 'fr-FR', email: 'rose@school.test', password: 'teacher-password-1' })
    expect(await teacher.textContent('[data-testid=booklets-forbidden]')).toContain('réservée aux administrateurs')
    expect(await teacher.locator('.doc-tab', { hasText: 'Livrets' }).count()).toBe(0)
    await teacher.context().close()
  }, 300_000)
})
