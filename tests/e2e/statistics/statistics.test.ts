import type { Browser, Page } from 'playwright-core'

import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, signInApi, startAdminApp, type AdminApp } from '../helpers/admin-app'

/**
 * The exam's statistics tab in the real admin (Next production build, `server.ts` as `npm start` runs it):
 * an exam marked by a severe and a lenient teacher, read in French and in English.
 */
let app: AdminApp
let base: string
let browser: Browser
let examId: number
let emptyExamId: number

const login = (email: string, password: string) => signInApi({ base, email, password })

/** Six finalized copies, totals 4, 9, 9.5 (Martine) and 13, 15, 17 (Luc) out of 20; a seventh still open. */
const seed = async () => {
  const admin = await createFirstAdmin(base)
  const teacher = async (email: string, name: string) => (await admin.request('POST', '/api/users', { email, password: 'teacher-password-1', role: 'teacher', name })).body.doc
  const martine = await teacher('martine@school.test', 'Martine Sévère')
  const luc = await teacher('luc@school.test', 'Luc Large')
  const scale = [
    { key: 'Q1', label: 'Calcul', maxPoints: 10, step: 1 },
    { key: 'Q2', label: 'Rédaction', maxPoints: 10, step: 0.5 },
  ]
  const exam = (await admin.request('POST', '/api/exams', { title: 'Mathématiques — DS 3', gradingScale: scale, correctors: [martine.id, luc.id], status: 'marking' })).body.doc
  const empty = (await admin.request('POST', '/api/exams', { title: 'Sans copie finalisée', gradingScale: scale, status: 'marking' })).body.doc
  const asMartine = await login('martine@school.test', 'teacher-password-1')
  const asLuc = await login('luc@school.test', 'teacher-password-1')
  const marks: [ApiClient, number, number, boolean][] = [
    [asMartine, 2, 2, true],
    [asMartine, 4, 5, true],
    [asMartine, 5, 4.5, true],
    [asLuc, 6, 7, true],
    [asLuc, 7, 8, true],
    [asLuc, 8, 9, true],
    [asLuc, 10, 10, false],
  ]
  for (const [client, q1, q2, finalize] of marks) {
    const copy = (await admin.request('POST', '/api/copies', { exam: exam.id, status: 'ready', pages: [{ sourcePage: 1 }] })).body.doc
    expect((await client.request('POST', '/api/grades', { copy: copy.id, questionKey: 'Q1', points: q1 })).status).toBe(201)
    expect((await client.request('POST', '/api/grades', { copy: copy.id, questionKey: 'Q2', points: q2 })).status).toBe(201)
    if (finalize) expect((await client.request('PATCH', `/api/copies/${copy.id}`, { status: 'finalized' })).status).toBe(200)
  }
  examId = exam.id
  emptyExamId = empty.id
}

beforeAll(async () => {
  app = await startAdminApp({ name: 'stats', firstPort: 4300 })
  base = app.base
  browser = app.browser
  await seed()
}, 900_000)

afterAll(async () => {
  await app?.stop()
}, 60_000)

const openStatistics = async ({ locale, exam }: { locale: string; exam: number }): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err))
  await signInAdmin({ page, base })
  await page.goto(`${base}/admin/collections/exams/${exam}/statistics`)
  await page.waitForSelector('[data-testid=exam-statistics] :is([data-testid=statistics-summary], [data-testid=statistics-empty], [role=alert])')
  return page
}

const bars = (page: Page, testId: string) =>
  page.locator(`[data-testid=${testId}-bar]`).evaluateAll((nodes) =>
    nodes.map((n) => ({ from: Number(n.getAttribute('data-from')), count: Number(n.getAttribute('data-count')), height: Number(n.getAttribute('data-height')), drawn: Number(n.querySelector('rect')?.getAttribute('height')) })),
  )

describe('the exam statistics tab', () => {
  it('draws the marks histogram, the questions and the correctors, in French', async () => {
    const page = await openStatistics({ locale: 'fr-FR', exam: examId })
    expect(await page.locator('.doc-tab', { hasText: 'Statistiques' }).count()).toBeGreaterThan(0)
    expect(await page.textContent('[data-testid=exam-statistics] h2')).toBe('Statistiques de l’examen')
    expect(await page.textContent('[data-testid=exam-statistics]')).toContain('Répartition des notes (sur 20)')
    expect(await page.textContent('[data-testid=summary-finalized]')).toContain('6 sur 7')
    expect(await page.textContent('[data-testid=summary-mean]')).toContain('11,25 /20')

    const marks = await bars(page, 'marks-histogram')
    expect(marks.map((b) => b.from)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18])
    expect(marks.map((b) => b.count)).toEqual([0, 0, 1, 0, 2, 0, 1, 1, 1, 0])
    // bar heights follow the counts: the pair at [8, 10) is the tallest, twice a single copy's
    const single = marks[2]!.drawn
    expect(single).toBeGreaterThan(0)
    expect(marks[4]!.drawn).toBeCloseTo(2 * single, 1)
    expect(marks.filter((b) => b.count === 0).every((b) => b.drawn === 0)).toBe(true)
    expect(Number(await page.getAttribute('[data-testid=marks-histogram-mean]', 'data-value'))).toBe(11.25)
    expect(Number(await page.getAttribute('[data-testid=marks-histogram-median]', 'data-value'))).toBe(11.25)

    const questions = await page.locator('[data-testid=question-bar]').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-key'), Number(n.getAttribute('data-mean'))]))
    expect(questions).toEqual([
      ['Q1', 5.33],
      ['Q2', 5.92],
    ])
    // Q1 is marked on whole points: one bar per possible mark, 0..10
    const q1 = await bars(page, 'question-histogram-Q1')
    expect(q1).toHaveLength(11)
    expect(q1.filter((b) => b.count).map((b) => b.from)).toEqual([2, 4, 5, 6, 7, 8])

    const correctors = await page.locator('[data-testid=corrector-row]').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-name'), n.getAttribute('data-tendency')]))
    expect(correctors).toEqual([
      ['Luc Large', 'lenient'],
      ['Martine Sévère', 'severe'],
    ])
    expect(await page.textContent('[data-testid=correctors-chart]')).toContain('plus sévère')
  }, 300_000)

  it('says so when nothing is finalized yet', async () => {
    const page = await openStatistics({ locale: 'fr-FR', exam: emptyExamId })
    expect(await page.textContent('[data-testid=statistics-empty]')).toContain('Aucune copie finalisée')
    expect(await page.locator('[data-testid=marks-histogram]').count()).toBe(0)
  }, 120_000)

  it('speaks English with the English locale', async () => {
    const page = await openStatistics({ locale: 'en-US', exam: examId })
    expect(await page.textContent('[data-testid=exam-statistics] h2')).toBe('Exam statistics')
    expect(await page.textContent('[data-testid=exam-statistics]')).toContain('Distribution of marks (out of 20)')
    expect(await page.textContent('[data-testid=summary-mean]')).toContain('11.25 /20')
    expect(await page.textContent('[data-testid=correctors-chart]')).toContain('harsher')
    expect((await bars(page, 'marks-histogram')).map((b) => b.count)).toEqual([0, 0, 1, 0, 2, 0, 1, 1, 1, 0])
  }, 120_000)
})
