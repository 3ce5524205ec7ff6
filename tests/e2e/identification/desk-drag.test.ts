import type { Browser, Page } from 'playwright-core'

import { getBatch } from '../../fixtures/scans'
import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'
import { uploadBatch } from '../../int/helpers/scans'
import { waitUntil as until } from '../../int/helpers/wait'

/**
 * Issue 15, item 13: the identification desk built like the rest of the admin (real admin build,
 * `server.ts` as `npm start` runs it, a real batch cut by the scan pipeline). Pages dragged with the mouse
 * onto another copy or another page change the copies on the server; the desk is drawn with Payload's own
 * components, and no control is drawn over another at 1400 and 1024 px.
 */
let app: AdminApp
let base: string
let browser: Browser
let admin: ApiClient
let examId: number

type Copy = { id: number; anonymousId: string; pages: { sourcePage: number; rotation: number }[] }

const copiesOf = async (): Promise<Copy[]> => (await admin.request('GET', `/api/copies?where[exam][equals]=${examId}&limit=100&depth=0&sort=createdAt`)).body.docs
const copyById = async (id: number): Promise<Copy> => (await admin.request('GET', `/api/copies/${id}?depth=0`)).body

beforeAll(async () => {
  // Only the scan pipeline runs: no identification reads headers meanwhile, so only the test's edits
  // change the copies (all stay "pending", hence listed by the desk).
  app = await startAdminApp({ name: 'desk-drag', env: { KORRIGO_JOBS: 'process-scan-batch' } })
  base = app.base
  browser = app.browser
  admin = await createFirstAdmin(base)
  const exam = (await admin.request('POST', '/api/exams', { title: 'Glisser', className: 'Sans liste', layout: 'a4' })).body.doc
  examId = exam.id
  const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'drag.pdf', bytes: (await getBatch('a4-mini')).bytes })
  await until('the batch', async () => {
    const { status, problems } = (await admin.request('GET', `/api/scan-batches/${batch.id}?depth=0`)).body
    if (status === 'failed') throw new Error(`the batch failed: ${JSON.stringify(problems)}`)
    return ['done', 'partial'].includes(status)
  }, 600_000)
}, 900_000)

afterAll(async () => {
  await app?.stop()
}, 60_000)

const openDesk = async ({ width, height = 1000 }: { width: number; height?: number }) => {
  const page = await (await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' })).newPage()
  page.on('pageerror', (err) => console.error('page error:', err))
  await signInAdmin({ page, base })
  await page.goto(`${base}/admin/identification?exam=${examId}`)
  await page.waitForSelector('[data-testid=desk-pages]')
  return page
}

/** Shows a copy by its button in the side list, then waits until its pages are drawn. */
const showCopy = async (page: Page, copy: Copy) => {
  await page.click(`[data-testid=desk-jump][data-copy-id="${copy.id}"]`)
  await page.waitForFunction(
    ({ id, n }) => document.querySelector('[data-testid=desk-pages]')?.getAttribute('data-copy-id') === id && document.querySelectorAll('[data-testid=desk-page]').length === n,
    { id: String(copy.id), n: copy.pages.length },
  )
}

const grip = (page: Page, index: number) => page.locator(`[data-testid=desk-page][data-page="${index}"] [data-testid=desk-page-grip]`)

/**
 * Drags a page's grip onto a target once the desk takes drags: a grip is not draggable while the desk is busy
 * (loading the copy, saving an edit), and under load a drag started then did nothing.
 */
const dragPage = async (page: Page, index: number, target: string) => {
  await page.waitForSelector(`[data-testid=desk-pages][aria-busy=false] [data-testid=desk-page][data-page="${index}"] [data-testid=desk-page-grip][draggable=true]`)
  await grip(page, index).dragTo(page.locator(target))
}

/** The shown copy's pages as the desk draws them, by their page in the scanned batch. */
const shownSources = (page: Page) => page.$$eval('[data-testid=desk-page]', (items) => items.map((li) => Number(li.getAttribute('data-source-page'))))

describe('pages dragged in the identification desk (issue 15, item 13)', () => {
  it('moves a page dragged onto another copy of the list to the end of that copy', async () => {
    const copies = await copiesOf()
    const a = copies.find((c) => c.pages.length >= 2)!
    const b = copies.find((c) => c.id !== a.id)!
    const page = await openDesk({ width: 1400 })
    await showCopy(page, a)
    expect(await page.getAttribute(`[data-testid=desk-jump][data-copy-id="${b.id}"]`, 'data-pages')).toBe(String(b.pages.length))

    await dragPage(page, a.pages.length - 1, `[data-testid=desk-copy-target][data-copy-id="${b.id}"]`)

    // The desk shows it: one page fewer here, one more on B in the list, and says it saved.
    await page.waitForFunction(
      ({ n, id, m }) =>
        document.querySelectorAll('[data-testid=desk-page]').length === n &&
        document.querySelector('[data-testid=desk-pages]')?.getAttribute('aria-busy') === 'false' &&
        document.querySelector(`[data-testid=desk-jump][data-copy-id="${id}"]`)?.getAttribute('data-pages') === m,
      { n: a.pages.length - 1, id: String(b.id), m: String(b.pages.length + 1) },
    )
    expect(await page.textContent('[data-testid=desk-info]')).toContain('Pages mises à jour')
    expect(await page.getAttribute('[data-testid=desk-pages]', 'data-copy-id')).toBe(String(a.id))
    // …and the server holds it: the page left A for the end of B, as one logged decision.
    expect((await copyById(a.id)).pages.map((p) => p.sourcePage)).toEqual(a.pages.slice(0, -1).map((p) => p.sourcePage))
    expect((await copyById(b.id)).pages.map((p) => p.sourcePage)).toEqual([...b.pages, a.pages.at(-1)!].map((p) => p.sourcePage))
    const decisions = (await admin.request('GET', `/api/identification-decisions?where[exam][equals]=${examId}&where[action][equals]=move-page&depth=0`)).body.docs
    expect(decisions).toHaveLength(1)
    expect(decisions[0].details.edit).toMatchObject({ copyId: a.id, page: a.pages.length - 1, toCopyId: b.id })
    await page.context().close()
  }, 300_000)

  it('puts a page dragged onto another page of the strip in its place', async () => {
    const copy = (await copiesOf()).sort((x, y) => y.pages.length - x.pages.length)[0]!
    expect(copy.pages.length).toBeGreaterThanOrEqual(3)
    const sources = copy.pages.map((p) => p.sourcePage)
    const page = await openDesk({ width: 1400 })
    await showCopy(page, copy)
    expect(await shownSources(page)).toEqual(sources)

    // The first page dropped on the last: it becomes the last, the others move up by one.
    const last = sources.length - 1
    await dragPage(page, 0, `[data-testid=desk-page][data-page="${last}"]`)
    const expected = [...sources.slice(1), sources[0]!]
    await page.waitForFunction(
      (want) =>
        document.querySelector('[data-testid=desk-pages]')?.getAttribute('aria-busy') === 'false' &&
        JSON.stringify([...document.querySelectorAll('[data-testid=desk-page]')].map((li) => Number(li.getAttribute('data-source-page')))) === JSON.stringify(want),
      expected,
    )
    expect((await copyById(copy.id)).pages.map((p) => p.sourcePage)).toEqual(expected)

    // Dropped on its own place, a page changes nothing (no request, no rebuild).
    const pdfBefore = (await admin.request('GET', `/api/copies/${copy.id}?depth=0`)).body.pdf
    await dragPage(page, 1, '[data-testid=desk-page][data-page="1"]')
    await page.waitForTimeout(500)
    expect((await admin.request('GET', `/api/copies/${copy.id}?depth=0`)).body.pdf).toBe(pdfBefore)
    expect(await shownSources(page)).toEqual(expected)

    // The last page back to the front: the copy is as it was scanned.
    await dragPage(page, last, '[data-testid=desk-page][data-page="0"]')
    await page.waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll('[data-testid=desk-page]')].map((li) => Number(li.getAttribute('data-source-page')))) === JSON.stringify(want),
      sources,
    )
    expect((await copyById(copy.id)).pages.map((p) => p.sourcePage)).toEqual(sources)
    const reorders = (await admin.request('GET', `/api/identification-decisions?where[exam][equals]=${examId}&where[action][equals]=reorder&depth=0`)).body.docs
    expect(reorders).toHaveLength(2)
    await page.context().close()
  }, 300_000)

  it('is drawn with Payload’s components, and no control covers another at 1400 and 1024 px wide', async () => {
    const copy = (await copiesOf()).sort((x, y) => y.pages.length - x.pages.length)[0]!
    for (const width of [1400, 1024]) {
      const page = await openDesk({ width, height: 900 })
      await showCopy(page, copy)
      // Payload's frame and components: the Gutter around the desk, its buttons, checkboxes, pills and banners.
      expect(await page.locator('.gutter [data-testid=identification-desk]').count()).toBe(1)
      const buttons = await page.$$eval('[data-testid=identification-desk] button', (all) => all.map((b) => ({ id: b.getAttribute('data-testid'), classes: b.className })))
      expect(buttons.length).toBeGreaterThan(10)
      expect(buttons.filter((b) => !/(^|\s)btn(\s|$)/.test(b.classes) || !/btn--style-/.test(b.classes))).toEqual([])
      for (const id of ['desk-jump', 'page-rotate-right', 'page-move', 'copy-merge', 'desk-rerun']) expect(buttons.some((b) => b.id === id)).toBe(true)
      for (const id of ['desk-show-all', 'desk-unsure-starts']) expect(await page.locator(`.checkbox-input [data-testid=${id}]`).count()).toBe(1)
      expect(await page.locator('.pill [data-testid=desk-open-count]').count()).toBe(1)
      // Like a drag, a page's buttons do nothing while the desk is still busy with the copy (a CI rehearsal under
      // load clicked during it and waited for a banner that never came).
      await page.locator('[data-testid=desk-pages][aria-busy=false] [data-testid=desk-page][data-page="0"] [data-testid=page-rotate-180]').click()
      // The server's answer, whichever it is: a refusal says why (its banner's text in the failure), not a timeout.
      await page.waitForSelector('[data-testid=desk-info], [data-testid=desk-error]', { timeout: 60_000 })
      expect(await page.locator('[data-testid=desk-error]').allTextContents()).toEqual([])
      await page.waitForSelector('.banner [data-testid=desk-info], [data-testid=desk-info] .banner')
      await page.waitForFunction(() => document.querySelector('[data-testid=desk-pages]')?.getAttribute('aria-busy') === 'false')
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid=desk-page] img')].every((img) => img.complete))

      // Every control of the desk, drawn: none overlaps another, none goes past the window's right edge.
      const boxes = await page.$$eval('[data-testid=identification-desk] :is(button, select, input:not([type=checkbox]), .checkbox-input__input)', (all) =>
        all
          .map((el) => {
            const r = el.getBoundingClientRect()
            const name = el.getAttribute('data-testid') ?? el.querySelector('input')?.getAttribute('data-testid') ?? el.tagName
            const page = el.closest('[data-testid=desk-page]')?.getAttribute('data-page')
            return { name: page === undefined || page === null ? name : `${name}@${page}`, x: r.x, y: r.y, w: r.width, h: r.height }
          })
          .filter((b) => b.w > 0 && b.h > 0),
      )
      expect(boxes.length).toBeGreaterThan(15)
      const overlaps: string[] = []
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [p, q] = [boxes[i]!, boxes[j]!]
          const dx = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x)
          const dy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y)
          if (dx > 1 && dy > 1) overlaps.push(`${p.name} × ${q.name}`)
        }
      expect({ width, overlaps }).toEqual({ width, overlaps: [] })
      const viewport = page.viewportSize()!.width
      expect({ width, outside: boxes.filter((b) => b.x < 0 || b.x + b.w > viewport + 1).map((b) => b.name) }).toEqual({ width, outside: [] })
      await page.context().close()
    }
  }, 300_000)
})
