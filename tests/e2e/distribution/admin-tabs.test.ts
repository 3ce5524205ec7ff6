import type { Page } from 'playwright-core'

import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, signInApi, startAdminApp, type AdminApp } from '../helpers/admin-app'
import { makeCopyPdf } from '../portal/seed'

/**
 * The exam's Répartition and Anonymat tabs in the real admin (Next production build, `server.ts`): the admin
 * shares the copies out and follows progress, and draws the identity zone that then reaches every copy.
 */
let app: AdminApp
let admin: ApiClient
let seeded: { examId: number; copies: number[]; teachers: number[] }

const until = async (check: () => Promise<boolean>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

beforeAll(async () => {
  app = await startAdminApp({ name: 'distribution-tabs', firstPort: 47100 })
  admin = await createFirstAdmin(app.base)
  const teachers = []
  for (const name of ['rose', 'paul']) teachers.push((await admin.request('POST', '/api/users', { email: `${name}@school.test`, password: `${name}-password-1`, role: 'teacher', name })).body.doc.id)
  const scale = [
    { key: 'Q1', label: 'Calcul', maxPoints: 10, step: 0.5 },
    { key: 'Q2', label: 'Rédaction', maxPoints: 10, step: 0.5 },
  ]
  const exam = (await admin.request('POST', '/api/exams', { title: 'Maths — DS 6', gradingScale: scale, correctors: teachers, status: 'marking' })).body.doc
  const pdf = await makeCopyPdf({ pages: 1 })
  const copies = []
  for (let i = 0; i < 4; i++) {
    const made = (await admin.request('POST', '/api/copies', { exam: exam.id, status: 'ready' })).body.doc
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `copy-${made.id}.pdf`)
    form.append('_payload', JSON.stringify({ kind: 'copy-pdf', exam: exam.id, copy: made.id }))
    const media = await admin.request('POST', '/api/media', form)
    expect((await admin.request('PATCH', `/api/copies/${made.id}`, { pdf: media.body.doc.id })).status).toBe(200)
    copies.push(made.id)
  }
  seeded = { examId: exam.id, copies, teachers }
}, 900_000)

afterAll(async () => {
  await app?.stop()
}, 120_000)

const open = async (tab: string): Promise<Page> => {
  const page = await (await app.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' })).newPage()
  page.setDefaultTimeout(90_000)
  await signInAdmin({ page, base: app.base })
  await page.goto(`${app.base}/admin/collections/exams/${seeded.examId}/${tab}`)
  return page
}

describe('the exam tabs for anonymous marking', () => {
  it('Répartition: the admin shares the copies out by copy with a quota, then sees progress per corrector', async () => {
    const page = await open('distribution')
    await page.waitForSelector('[data-testid=exam-distribution]', { timeout: 120_000 })
    expect(await page.textContent('[data-testid=exam-distribution] h2')).toBe('Répartition des copies entre correcteurs')
    await page.selectOption('[data-testid=distribution-mode]', 'copies')
    await page.fill('[data-testid=distribution-seed]', 'ds6')
    await page.fill(`[data-corrector="${seeded.teachers[0]}"] [data-testid=corrector-quota]`, '1')
    await page.click('[data-testid=distribution-save]')
    await page.waitForSelector('[data-testid=distribution-message]')
    await page.waitForSelector(`[data-testid=progress-corrector][data-corrector="${seeded.teachers[1]}"][data-copies="3"]`)
    expect(await page.getAttribute(`[data-testid=progress-corrector][data-corrector="${seeded.teachers[0]}"]`, 'data-copies')).toBe('1')
    const rose = await signInApi({ base: app.base, email: 'rose@school.test', password: 'rose-password-1' })
    expect((await rose.request('GET', `/api/copies?where[exam][equals]=${seeded.examId}`)).body.docs).toHaveLength(1)

    // A setting the exam cannot honour is refused with the reason.
    await page.check('[data-testid=distribution-double-blind]')
    await page.fill(`[data-corrector="${seeded.teachers[1]}"] [data-testid=corrector-quota]`, '')
    await page.uncheck(`[data-corrector="${seeded.teachers[1]}"] [data-testid=corrector-active]`)
    await page.click('[data-testid=distribution-save]')
    expect(await (await page.waitForSelector('[data-testid=distribution-error]')).textContent()).toContain('at least two active correctors')
  }, 600_000)

  it('Anonymat: the admin draws the zone on a first page; every copy gets it and is redacted again', async () => {
    const page = await open('anonymity')
    await page.waitForSelector('[data-testid=zone-frame]', { timeout: 120_000 })
    const frame = (await page.locator('[data-testid=zone-frame]').boundingBox())!
    const scale = Number(await page.getAttribute('[data-testid=zone-frame]', 'data-scale'))
    // Over "Copie — page 1" at the top of the page: from (40, 30) to (400, 70) in points.
    await page.mouse.move(frame.x + 40 * scale, frame.y + 30 * scale)
    await page.mouse.down()
    await page.mouse.move(frame.x + 400 * scale, frame.y + 70 * scale, { steps: 8 })
    await page.mouse.up()
    await page.click('[data-testid=zone-save]')
    await page.waitForSelector('[data-testid=anonymity-message]')
    await until(async () => {
      const copies = (await admin.request('GET', `/api/copies?where[exam][equals]=${seeded.examId}&depth=0`)).body.docs as any[]
      return copies.every((c) => c.identityZones?.some((z: any) => z.source === 'exam' && Math.abs(z.box.x - 40) < 3 && Math.abs(z.box.width - 360) < 4) && c.redaction?.status === 'done')
    }, 180_000)
    // The tab counts what the server says now; on a busy machine a last redaction may still be finishing.
    await until(async () => {
      await page.click('button:has-text("Actualiser")')
      await page.waitForSelector('[data-testid=exam-zone]')
      return Boolean((await page.textContent('[data-testid=anonymity-counts]'))?.includes('4 copie(s) anonymisée(s)'))
    }, 180_000)
    expect(await page.textContent('[data-testid=anonymity-counts]')).toContain('4 copie(s) anonymisée(s), 0 en cours, 0 en échec')
  }, 600_000)
})
