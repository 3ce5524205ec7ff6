import type { Browser, Page } from 'playwright-core'

import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'

/**
 * The identification desk in the real admin (Next production build, `server.ts` as `npm start` runs
 * it), resolved with the keyboard only: Enter on a suggestion, typing to search the roster, arrows.
 */
let app: AdminApp
let base: string
let browser: Browser
let admin: ApiClient

const ROSTER = 'Nom;Prénom;Date de naissance;Classe\nBERNARD;Emma;01/02/2008;TB\nBERTRAND;Raphaël;02/03/2008;TB\nDUPONT;Rose;03/04/2008;TB\nMARTIN;Lucas;04/05/2008;TB\nMARTINEZ;Léa;05/06/2008;TB\n'

const seed = async () => {
  admin = await createFirstAdmin(base)
  const form = new FormData()
  form.append('file', new Blob([ROSTER], { type: 'text/csv' }), 'tb.csv')
  expect((await admin.request('POST', '/api/identification/roster', form)).body.created).toBe(5)
  const students = (await admin.request('GET', '/api/students?limit=10&sort=lastName&depth=0')).body.docs as { id: number; lastName: string; firstName: string }[]
  const id = (lastName: string) => students.find((s) => s.lastName === lastName)!.id
  const exam = (await admin.request('POST', '/api/exams', { title: 'Desk', className: 'TB', status: 'identifying' })).body.doc
  const candidate = (lastName: string, score: number) => {
    const s = students.find((x) => x.lastName === lastName)!
    return { studentId: s.id, name: `${s.lastName} ${s.firstName}`, score }
  }
  const copy = async (candidates: unknown[], reason: string) =>
    (await admin.request('POST', '/api/copies', { exam: exam.id, status: 'staging', pages: [{ sourcePage: 1 }], identification: { status: 'needs_review', method: 'auto', confidence: 0.5, candidates, reason } })).body.doc
  const copies = [
    await copy([candidate('BERNARD', 0.81), candidate('BERTRAND', 0.64)], 'ambiguous_copy'),
    await copy([candidate('BERNARD', 0.7), candidate('DUPONT', 0.3)], 'low_score'),
    await copy([], 'unnamed'),
  ]
  return { exam, copies, id }
}

beforeAll(async () => {
  app = await startAdminApp({ name: 'desk', firstPort: 3900 })
  base = app.base
  browser = app.browser
}, 900_000)

afterAll(async () => {
  await app?.stop()
}, 60_000)

const currentCopy = (page: Page) => page.locator('[data-testid=desk-copy]').getAttribute('data-copy-id')

describe('the identification desk', () => {
  it('resolves every open copy of an exam with the keyboard only, and logs each decision', async () => {
    const { exam, copies, id } = await seed()
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' })).newPage()
    page.on('pageerror', (err) => console.error('page error:', err))
    await signInAdmin({ page, base })
    await page.goto(`${base}/admin/identification?exam=${exam.id}`)
    await page.waitForSelector('[data-testid=desk-copy]')
    expect(await page.textContent('h1')).toContain('Identification des copies')
    expect(await page.textContent('[data-testid=desk-open-count]')).toContain('3 copies à identifier')

    // Copy 1: the first suggestion is right — Enter.
    expect(await currentCopy(page)).toBe(String(copies[0].id))
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('desk-search')
    await page.keyboard.press('Enter')
    await page.waitForFunction((id) => document.querySelector('[data-testid=desk-copy]')?.getAttribute('data-copy-id') === id, String(copies[1].id))

    // Copy 2: its top suggestion is now taken by copy 1, and marked so; type to search, Enter.
    const top = page.locator('[data-testid=desk-option]').first()
    expect(await top.getAttribute('data-taken')).toBe('true')
    expect(await top.textContent()).toContain('déjà attribué')
    await page.keyboard.type('dupo')
    await page.waitForSelector('[data-testid=desk-option][data-student-id="' + id('DUPONT') + '"]')
    await page.keyboard.press('Enter')
    await page.waitForFunction((id) => document.querySelector('[data-testid=desk-copy]')?.getAttribute('data-copy-id') === id, String(copies[2].id))

    // Copy 3: it is in fact BERNARD's, whom copy 1 holds. Enter once asks, Escape cancels, Enter twice takes.
    await page.keyboard.type('bern')
    await page.waitForSelector(`[data-testid=desk-option][data-student-id="${id('BERNARD')}"][data-taken=true]`)
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid=desk-info]')
    expect(await page.textContent('[data-testid=desk-info]')).toContain('a déjà la copie')
    expect(await currentCopy(page)).toBe(String(copies[2].id))
    await page.keyboard.press('Escape')
    await page.keyboard.type('bern')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    // Copy 1 lost its name and is open again: the desk goes there.
    await page.waitForFunction((id) => document.querySelector('[data-testid=desk-copy]')?.getAttribute('data-copy-id') === id, String(copies[0].id))

    // Copy 1: no suggestion left; "mart" finds MARTIN and MARTINEZ, the arrow picks the second.
    await page.keyboard.type('mart')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=desk-option]').length === 2)
    await page.keyboard.press('ArrowDown')
    expect(await page.locator('[data-testid=desk-option][aria-selected=true]').getAttribute('data-student-id')).toBe(String(id('MARTINEZ')))
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid=desk-done]')

    // Every copy can be reopened: its current student is shown, and it can be renamed.
    await page.check('[data-testid=desk-show-all]')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=desk-jump]').length === 3)
    await page.click(`[data-testid=desk-jump][data-copy-id="${copies[1].id}"]`)
    await page.waitForFunction((id) => document.querySelector('[data-testid=desk-copy]')?.getAttribute('data-copy-id') === id, String(copies[1].id))
    expect(await page.textContent('[data-testid=desk-current-student]')).toMatch(/DUPONT.*choisi à la main/)
    await page.uncheck('[data-testid=desk-show-all]')
    await page.waitForSelector('[data-testid=desk-done]')

    const assigned = async (copyId: number) => (await admin.request('GET', `/api/copies/${copyId}?depth=0`)).body
    expect((await assigned(copies[0].id)).student).toBe(id('MARTINEZ'))
    expect((await assigned(copies[1].id)).student).toBe(id('DUPONT'))
    expect((await assigned(copies[2].id)).student).toBe(id('BERNARD'))
    expect((await assigned(copies[0].id)).identification).toMatchObject({ status: 'manual', method: 'manual' })
    const log = (await admin.request('GET', `/api/identification-decisions?where[exam][equals]=${exam.id}&depth=0&sort=createdAt`)).body.docs
    expect(log.map((d: { action: string }) => d.action)).toEqual(['assign', 'assign', 'unassign', 'assign', 'assign'])
    expect((await admin.request('GET', `/api/exams/${exam.id}`)).body.status).toBe('marking')
  }, 300_000)
})
