import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, signInApi, startAdminApp, type AdminApp } from '../helpers/admin-app'
import { makeCopyPdf } from '../portal/seed'

/**
 * The exam's publication tab in the real admin (Next production build, `server.ts` as `npm start` runs it):
 * counts, CSV and Excel downloads, publishing now and scheduling, in French and in English; teachers kept out.
 */
let app: AdminApp
let base: string
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-publication-dl-'))

let browser: Browser
let admin: ApiClient
let seeded: Awaited<ReturnType<typeof seed>>

const login = (email: string, password: string) => signInApi({ base, email, password })

/** "Maths": three copies with a PDF, two finalized (Chloé Lefèvre's, Noé Martin's); "Histoire": one finalized copy. */
const seed = async () => {
  admin = await createFirstAdmin(base)
  const teacher = (await admin.request('POST', '/api/users', { email: 'rose@school.test', password: 'teacher-password-1', role: 'teacher', name: 'Rose Prof' })).body.doc
  const student = async (lastName: string, firstName: string) =>
    (await admin.request('POST', '/api/students', { lastName, firstName, birthDate: '2011-02-03', className: '3e A' })).body.doc
  const students = [await student('Lefèvre', 'Chloé'), await student('Martin', 'Noé'), await student('Durand', 'Inès')]
  const scale = [
    { key: 'Q1', label: 'Calcul', maxPoints: 10, step: 0.5 },
    { key: 'Q2', label: 'Rédaction', maxPoints: 10, step: 0.5 },
  ]
  const exam = (await admin.request('POST', '/api/exams', { title: 'Maths — DS 4', gradingScale: scale, correctors: [teacher.id], status: 'marking' })).body.doc
  const history = (await admin.request('POST', '/api/exams', { title: 'Histoire — DS 2', gradingScale: scale, correctors: [teacher.id], status: 'marking' })).body.doc
  const asRose = await login('rose@school.test', 'teacher-password-1')
  const pdf = await makeCopyPdf({ pages: 1 })
  const copy = async ({ examId, studentId, marks, finalize }: { examId: number; studentId: number; marks: [number, number]; finalize: boolean }) => {
    const made = (await admin.request('POST', '/api/copies', { exam: examId, status: 'ready', student: studentId, pages: [{ sourcePage: 1 }] })).body.doc
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `copy-${made.id}.pdf`)
    form.append('_payload', JSON.stringify({ kind: 'copy-pdf', exam: examId, copy: made.id }))
    const media = await admin.request('POST', '/api/media', form)
    expect(media.status).toBe(201)
    expect((await admin.request('PATCH', `/api/copies/${made.id}`, { pdf: media.body.doc.id })).status).toBe(200)
    expect((await asRose.request('POST', '/api/grades', { copy: made.id, questionKey: 'Q1', points: marks[0] })).status).toBe(201)
    expect((await asRose.request('POST', '/api/grades', { copy: made.id, questionKey: 'Q2', points: marks[1] })).status).toBe(201)
    if (finalize) expect((await asRose.request('PATCH', `/api/copies/${made.id}`, { status: 'finalized' })).status).toBe(200)
    return made as { id: number }
  }
  const copies = [
    await copy({ examId: exam.id, studentId: students[0].id, marks: [7.5, 8], finalize: true }),
    await copy({ examId: exam.id, studentId: students[1].id, marks: [5, 6.5], finalize: true }),
    await copy({ examId: exam.id, studentId: students[2].id, marks: [3, 2], finalize: false }),
  ]
  await copy({ examId: history.id, studentId: students[0].id, marks: [9, 9], finalize: true })
  return { examId: exam.id as number, historyId: history.id as number, copies }
}

beforeAll(async () => {
    // No SMTP: the tab must say that no e-mail can be sent.
  app = await startAdminApp({ name: 'publication', firstPort: 5100, env: { KORRIGO_SMTP_URL: '' } })
  base = app.base
  browser = app.browser
  seeded = await seed()
}, 900_000)

afterAll(async () => {
  await app?.stop()
  fs.rmSync(downloads, { recursive: true, force: true })
}, 60_000)

const openTab = async ({ locale, exam, email = 'head@school.test', password = 'head-password-1' }: { locale: string; exam: number; email?: string; password?: string }): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale, timezoneId: 'Europe/Paris', acceptDownloads: true })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err))
  await signInAdmin({ page, base, email, password })
  await page.goto(`${base}/admin/collections/exams/${exam}/publication`)
  await page.waitForSelector(':is([data-testid=publication-status], [data-testid=publication-forbidden], [data-testid=exam-publication] [role=alert])')
  return page
}

const download = async (page: Page): Promise<Buffer> => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')])
  const target = path.join(downloads, file.suggestedFilename())
  await file.saveAs(target)
  return fs.readFileSync(target)
}

const figure = (page: Page, key: string) => page.getAttribute(`[data-testid=status-${key}]`, 'data-value').then(Number)

describe('the exam publication tab', () => {
  it('shows the counts in French, downloads the CSV and Excel exports, and publishes now without e-mails', async () => {
    const page = await openTab({ locale: 'fr-FR', exam: seeded.examId })
    expect(await page.locator('.doc-tab', { hasText: 'Publication' }).count()).toBeGreaterThan(0)
    expect(await page.textContent('[data-testid=exam-publication] h2')).toBe('Publication et exports')
    expect([await figure(page, 'copies'), await figure(page, 'finalized'), await figure(page, 'published'), await figure(page, 'notified')]).toEqual([3, 2, 0, 0])
    expect(await page.textContent('[data-testid=publication-status]')).toContain('Copies corrigées')
    expect(await page.textContent('[data-testid=status-publication]')).toContain('Pas encore publié')

    // exports: formats from the server, CSV by default (BOM, `;`, accents intact), then Excel
    const formats = await page.locator('[data-testid=export-format] option').evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value))
    expect(formats).toEqual(expect.arrayContaining(['csv', 'csv-comma', 'xlsx', 'pronote']))
    const csv = await download(page)
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = csv.toString('utf8')
    expect(text.split(/\r?\n/)[0]).toContain(';')
    expect(text).toContain('Lefèvre')
    expect(text).toContain('Chloé')
    // a column choice goes into the link
    await page.check('[data-testid=export-column-lastName]')
    await page.check('[data-testid=export-column-outOf20]')
    const narrow = (await download(page)).toString('utf8').replace(/^\uFEFF/, '')
    expect(narrow.split(/\r?\n/)[0]).toBe('Nom;Note /20')
    await page.uncheck('[data-testid=export-column-lastName]')
    await page.uncheck('[data-testid=export-column-outOf20]')
    await page.selectOption('[data-testid=export-format]', 'xlsx')
    const xlsx = await download(page)
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK')

    // no SMTP here: the e-mail box is off and says why
    expect(await page.isDisabled('[data-testid=publish-notify]')).toBe(true)
    expect(await page.isChecked('[data-testid=publish-notify]')).toBe(false)
    expect(await page.textContent('[data-testid=publish-mail-off]')).toContain('n’est pas configuré')

    // publish now: a confirmation first, cancel leaves everything as it was
    await page.click('#publish-now')
    expect(await page.textContent('[data-testid=publish-confirm]')).toContain('Publier maintenant 2 copie(s) corrigée(s)')
    expect(await page.textContent('[data-testid=publish-confirm]')).toContain('Aucun e-mail ne sera envoyé')
    await page.click('#publish-confirm-no')
    expect(await page.locator('[data-testid=publish-confirm]').count()).toBe(0)
    await page.click('#publish-now')
    const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/api/publication/exams/${seeded.examId}/publish`)), page.click('#publish-confirm-yes')])
    expect(answer.status()).toBe(202)
    expect(answer.request().postDataJSON()).toEqual({ notify: false })
    expect(await page.textContent('[data-testid=publish-message]')).toContain('Publication lancée (2 copie(s))')
    // the tab follows the job: the copies show as published without reloading
    await page.waitForSelector('[data-testid=status-published][data-value="2"]', { timeout: 90_000 })
    await page.waitForSelector('[data-testid=status-publication][data-published=true]')
    expect(await page.textContent('[data-testid=status-publication]')).toMatch(/Publié le \d+ \S+ \d{4}/)
    expect(await figure(page, 'notified')).toBe(0)

    const [finalizedA, finalizedB, open] = await Promise.all(seeded.copies.map(async (c) => (await admin.request('GET', `/api/copies/${c.id}?depth=0`)).body))
    expect(finalizedA.publishedAt).toBeTruthy()
    expect(finalizedB.publishedAt).toBeTruthy()
    expect(open.publishedAt ?? null).toBeNull()
    expect((await admin.request('GET', `/api/exams/${seeded.examId}?depth=0`)).body.status).toBe('published')
    await page.context().close()
  }, 300_000)

  it('schedules a publication and shows its date', async () => {
    const page = await openTab({ locale: 'fr-FR', exam: seeded.historyId })
    await page.click('#publish-schedule')
    expect(await page.textContent('[data-testid=publish-message]')).toContain('Choisissez une date')
    await page.fill('[data-testid=publish-at]', '2030-06-15T09:30')
    await page.click('#publish-schedule')
    expect(await page.textContent('[data-testid=publish-confirm]')).toContain('15 juin 2030')
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/publish') && r.status() === 202), page.click('#publish-confirm-yes')])
    // Paris is UTC+2 in June
    await page.waitForSelector('[data-testid=status-publication][data-scheduled]:not([data-scheduled=""])')
    expect(new Date((await page.getAttribute('[data-testid=status-publication]', 'data-scheduled'))!).toISOString()).toBe('2030-06-15T07:30:00.000Z')
    const shown = await page.textContent('[data-testid=status-publication]')
    expect(shown).toContain('Publication programmée le 15 juin 2030')
    expect(shown).toContain('09:30')
    expect(new Date((await admin.request('GET', `/api/exams/${seeded.historyId}?depth=0`)).body.publishAt).toISOString()).toBe('2030-06-15T07:30:00.000Z')
    await page.context().close()
  }, 120_000)

  it('speaks English with the English locale', async () => {
    const page = await openTab({ locale: 'en-US', exam: seeded.historyId })
    expect(await page.textContent('[data-testid=exam-publication] h2')).toBe('Publication and exports')
    const text = await page.textContent('[data-testid=exam-publication]')
    for (const label of ['Finalized copies', 'Students notified', 'Publish now', 'Schedule', 'Notify students by e-mail', 'Download', 'Publication scheduled for June 15, 2030'])
      expect(text).toContain(label)
    await page.context().close()
  }, 120_000)

  it('keeps teachers out: no tab, and a 403 at its address', async () => {
    const page = await openTab({ locale: 'fr-FR', exam: seeded.examId, email: 'rose@school.test', password: 'teacher-password-1' })
    expect(await page.textContent('[data-testid=publication-forbidden]')).toContain('403')
    expect(await page.locator('[data-testid=exam-publication]').count()).toBe(0)
    expect(await page.locator('.doc-tab', { hasText: 'Publication' }).count()).toBe(0)
    expect(await page.locator('.doc-tab', { hasText: 'Statistiques' }).count()).toBeGreaterThan(0)
    await page.context().close()
  }, 120_000)
})
