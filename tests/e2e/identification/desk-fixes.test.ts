import type { Browser, Page } from 'playwright-core'

import { getBatch } from '../../fixtures/scans'
import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'
import { CUT_AND_NAME_JOBS } from '../../int/helpers/jobs'
import { uploadBatch } from '../../int/helpers/scans'
import { waitUntil as until } from '../../int/helpers/wait'

/**
 * Fixing scans by hand in the identification desk (real admin build, `server.ts` as `npm start` runs
 * it, a real batch through the scan pipeline): rotate, split, merge, move a page — each through the
 * desk's buttons, each checked on the server — and a refusal of the server shown to the person.
 */
let app: AdminApp
let base: string
let browser: Browser
let admin: ApiClient

type Copy = { id: number; anonymousId: string; status: string; pages: { sourcePage: number; rotation: number }[]; identification: { status: string } }

const copiesOf = async (exam: number): Promise<Copy[]> =>
  (await admin.request('GET', `/api/copies?where[exam][equals]=${exam}&limit=100&depth=0&sort=createdAt`)).body.docs
const copyById = async (id: number): Promise<Copy> => (await admin.request('GET', `/api/copies/${id}?depth=0`)).body

/** An exam of a class with no roster: the matcher leaves every copy to review, so all stay in the desk. */
const seed = async () => {
  admin = await createFirstAdmin(base)
  const exam = (await admin.request('POST', '/api/exams', { title: 'Fixes', className: 'Sans liste', layout: 'a4' })).body.doc
  const { bytes } = await getBatch('a4-mini')
  const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'fixes.pdf', bytes })
  await until('the batch', async () => ['done', 'partial'].includes((await admin.request('GET', `/api/scan-batches/${batch.id}?depth=0`)).body.status), 300_000)
  // Wait for the first identification run, so that only our own edits change copies from here on.
  const copies = await until('the identification', async () => {
    const all = await copiesOf(exam.id)
    return all.length > 0 && all.every((c) => c.identification.status !== 'pending') ? all : undefined
    // OCR on a CI machine running other test files beside this one: minutes, not seconds
  }, 600_000)
  return { exam, copies }
}

beforeAll(async () => {
  // Cutting and naming only: the redactions of every copy (re-rendered after each edit) are never opened here.
  app = await startAdminApp({ name: 'desk-fixes', firstPort: 3600, env: { KORRIGO_JOBS: CUT_AND_NAME_JOBS.join(',') } })
  base = app.base
  browser = app.browser
}, 900_000)

afterAll(async () => {
  await app?.stop()
}, 60_000)

const shownCopy = (page: Page) => page.locator('[data-testid=desk-pages]').getAttribute('data-copy-id')

/** The desk shows one copy at a time; Tab in the search field goes to the next. */
const showCopy = async (page: Page, id: number) => {
  for (let i = 0; i < 20 && (await shownCopy(page)) !== String(id); i++) {
    await page.focus('[data-testid=desk-search]')
    await page.keyboard.press('Tab')
    await page.waitForTimeout(100)
  }
  expect(await shownCopy(page)).toBe(String(id))
}

const pageItem = (page: Page, index: number) => page.locator(`[data-testid=desk-page][data-page="${index}"]`)

/**
 * A fix is done when the desk has reloaded with the expected number of pages for the shown copy. Each fix
 * rebuilds PDFs and may wait for the exam's lock behind an identification run: on a loaded CI machine that
 * takes longer than Playwright's default 30 s. On a timeout, say what the desk showed.
 */
const waitForPages = async (page: Page, count: number) => {
  try {
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=desk-page]').length === n && document.querySelector('[data-testid=desk-pages]')?.getAttribute('aria-busy') === 'false',
      count,
      { timeout: 120_000 },
    )
  } catch (error) {
    const shown = await page.evaluate(() => ({
      copy: document.querySelector('[data-testid=desk-pages]')?.getAttribute('data-copy-id'),
      busy: document.querySelector('[data-testid=desk-pages]')?.getAttribute('aria-busy'),
      pages: document.querySelectorAll('[data-testid=desk-page]').length,
      error: document.querySelector('[data-testid=desk-error]')?.textContent,
      info: document.querySelector('[data-testid=desk-info]')?.textContent,
    }))
    throw new Error(`the desk did not show ${count} pages: ${JSON.stringify(shown)} (${(error as Error).message})`)
  }
}

/** The identification a fix queued (reading a copy a split made) has written every copy: none is pending. */
const identified = async (exam: number) =>
  until('the identification the fix queued', async () => {
    const all = await copiesOf(exam)
    return all.every((c) => c.identification.status !== 'pending') ? all : undefined
  }, 600_000)

describe('fixing scans in the identification desk', () => {
  it('rotates, splits, merges and moves pages from the desk, and shows what the server refuses', async () => {
    const { exam, copies } = await seed()
    const a = copies.find((c) => c.pages.length >= 3) ?? copies.find((c) => c.pages.length >= 2)!
    const b = copies.find((c) => c.id !== a.id)!
    const aPages = a.pages.length
    const bPages = b.pages.length

    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' })).newPage()
    page.on('pageerror', (err) => console.error('page error:', err))
    await signInAdmin({ page, base })
    await page.goto(`${base}/admin/identification?exam=${exam.id}`)
    await page.waitForSelector('[data-testid=desk-pages]')
    await showCopy(page, a.id)
    await waitForPages(page, aPages)
    expect(await page.textContent('[data-testid=desk-pages]')).toContain('Pages de la copie')

    // Every page has its picture, rendered by the server from the copy's PDF.
    await page.waitForFunction((n) => {
      const images = [...document.querySelectorAll<HTMLImageElement>('[data-testid=desk-page] img')]
      return images.length === n && images.every((img) => img.complete && img.naturalWidth > 0)
    }, aPages)

    // Rotate the second page a quarter turn to the right: stored on the copy, the picture follows.
    const second = pageItem(page, 1).locator('[data-testid=page-rotate-right]')
    expect(await second.textContent()).toContain('Tourner à droite')
    const before = await pageItem(page, 1).locator('img').getAttribute('src')
    await second.click()
    const turned = (a.pages[1]!.rotation + 90) % 360
    await page.waitForSelector(`[data-testid=desk-page][data-page="1"][data-rotation="${turned}"]`)
    expect((await copyById(a.id)).pages[1]!.rotation).toBe(turned)
    expect(await pageItem(page, 1).locator('img').getAttribute('src')).not.toBe(before)
    expect(await page.textContent('[data-testid=desk-info]')).toContain('Pages mises à jour')

    // Split from the second page on: one more copy, with the rest of the pages.
    await pageItem(page, 1).locator('[data-testid=page-split]').click()
    await waitForPages(page, 1)
    const afterSplit = await copiesOf(exam.id)
    expect(afterSplit).toHaveLength(copies.length + 1)
    const fresh = afterSplit.find((c) => !copies.some((k) => k.id === c.id))!
    expect(fresh.pages.map((p) => p.sourcePage)).toEqual(a.pages.slice(1).map((p) => p.sourcePage))
    expect((await copyById(a.id)).pages).toHaveLength(1)
    expect(await page.textContent('[data-testid=desk-open-count]')).toContain(`(${copies.length + 1})`)
    // The split queued a reading of the new copy; the merge below is a person's next step, not a race with it.
    await identified(exam.id)

    // Merge it back: the pages return to the end of A, the split-off copy is gone.
    await page.selectOption('[data-testid=copy-merge-target]', String(fresh.id))
    await page.click('[data-testid=copy-merge]')
    await waitForPages(page, aPages)
    const afterMerge = await copiesOf(exam.id)
    expect(afterMerge).toHaveLength(copies.length)
    expect(afterMerge.some((c) => c.id === fresh.id)).toBe(false)
    expect((await copyById(a.id)).pages.map((p) => p.sourcePage)).toEqual(a.pages.map((p) => p.sourcePage))
    expect(await page.textContent('[data-testid=desk-open-count]')).toContain(`(${copies.length})`)
    await page.waitForFunction((id) => ![...document.querySelectorAll('[data-testid=copy-merge-target] option')].some((o) => (o as HTMLOptionElement).value === id), String(fresh.id))

    // Move A's last page to copy B (at its end).
    const last = pageItem(page, aPages - 1)
    await last.locator('[data-testid=page-move-target]').selectOption(String(b.id))
    await last.locator('[data-testid=page-move]').click()
    await waitForPages(page, aPages - 1)
    const bNow = await copyById(b.id)
    expect(bNow.pages).toHaveLength(bPages + 1)
    expect(bNow.pages[bPages]!.sourcePage).toBe(a.pages[aPages - 1]!.sourcePage)
    expect((await copyById(a.id)).pages).toHaveLength(aPages - 1)

    // Issue 15, point 1: moving the only page of a copy empties it. The server removes it and says so; the
    // desk drops it and goes on to another copy instead of showing a copy that no longer exists.
    const c = copies.find((k) => k.id !== a.id && k.id !== b.id)!
    await showCopy(page, c.id)
    await waitForPages(page, c.pages.length)
    await pageItem(page, c.pages.length - 1).locator('[data-testid=page-split]').click()
    await waitForPages(page, c.pages.length - 1)
    const lone = (await copiesOf(exam.id)).find((k) => !copies.some((o) => o.id === k.id))!
    expect(lone.pages).toHaveLength(1)
    await page.waitForSelector(`[data-testid=desk-jump][data-copy-id="${lone.id}"]`)
    await showCopy(page, lone.id)
    const only = pageItem(page, 0)
    await only.locator('[data-testid=page-move-target]').selectOption(String(b.id))
    await only.locator('[data-testid=page-move]').click()
    await page.waitForFunction((id) => document.querySelector('[data-testid=desk-pages]')?.getAttribute('data-copy-id') !== id, String(lone.id))
    expect(await page.locator('[data-testid=desk-error]').count()).toBe(0)
    expect(await page.textContent('[data-testid=desk-info]')).toContain(`La copie ${lone.anonymousId} n’a plus de page`)
    expect(await page.locator(`[data-testid=desk-jump][data-copy-id="${lone.id}"]`).count()).toBe(0)
    expect(await page.locator(`[data-testid=copy-merge-target] option[value="${lone.id}"]`).count()).toBe(0)
    expect((await copiesOf(exam.id)).some((k) => k.id === lone.id)).toBe(false)
    expect((await copyById(b.id)).pages).toHaveLength(bPages + 2)
    const decisions = (await admin.request('GET', `/api/identification-decisions?where[exam][equals]=${exam.id}&where[action][equals]=move-page&sort=-createdAt&depth=0`)).body.docs
    expect(decisions[0].details.removed).toEqual([{ id: lone.id, anonymousId: lone.anonymousId }])

    // The split queued a reading of its new copy; its matching then writes every copy not being marked.
    // Jobs of a kind run one at a time: once a re-run queued now has finished, that one has too.
    const rerun = (await admin.request('POST', `/api/identification/exams/${exam.id}/rerun`, {})).body
    await until('the identification the split started', async () => (await admin.request('GET', `/api/korrigo/jobs/status/${rerun.id}`)).body.lastFinishedAt, 600_000)

    // The server refuses to change a copy already being marked: the desk says so, nothing moves.
    expect((await admin.request('PATCH', `/api/copies/${b.id}`, { status: 'marking' })).status).toBe(200)
    await showCopy(page, a.id)
    const firstPage = pageItem(page, 0)
    await firstPage.locator('[data-testid=page-move-target]').selectOption(String(b.id))
    await firstPage.locator('[data-testid=page-move]').click()
    await page.waitForSelector('[data-testid=desk-error]')
    expect(await page.textContent('[data-testid=desk-error]')).toContain('already being marked')
    expect((await copyById(a.id)).pages).toHaveLength(aPages - 1)
    expect((await copyById(b.id)).pages).toHaveLength(bPages + 2)
  }, 900_000)
})
