import type { Browser } from 'playwright-core'

import type { TestApp } from '../../int/helpers/app'
import type { ApiClient } from '../../int/helpers/http'
import { openCopy, pagePoint, settleAndClose, signInThroughUi, waitSaved, withoutLiveRefresh } from './browser'
import { PASSWORDS, type seedMarking } from './seed'
import { startPortalApp, stopPortalApp } from './portalApp'

let app: TestApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedMarking>>
let alice: ApiClient

beforeAll(async () => {
  ;({ app, browser, seed, alice } = await startPortalApp({ copies: 1, pages: 2 }))
})

afterAll(async () => stopPortalApp({ app, browser }))

/** Selects the annotation under (x, y) page points and drags it by (dx, dy) page points. */
const dragAnnotation = async (page: import('playwright-core').Page, x: number, y: number, dx: number, dy: number) => {
  await page.keyboard.press('v')
  const from = await pagePoint(page, x, y)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + (dx * from.zoom) / 2, from.y + (dy * from.zoom) / 2, { steps: 5 })
  await page.mouse.move(from.x + dx * from.zoom, from.y + dy * from.zoom, { steps: 5 })
  await page.mouse.up()
}

describe('two sessions editing the same annotation', () => {
  it('saves the first edit and shows the second as a conflict instead of overwriting', async () => {
    const copy = seed.copies[0]
    const created = await alice.request('POST', '/api/annotations', {
      copy: copy.id,
      page: 1,
      kind: 'text',
      text: 'Relire la consigne',
      geometry: { x: 100, y: 150, width: 220, fontSize: 16 },
      style: { color: '#1565c0', width: 1, opacity: 1 },
      schemaVersion: 2,
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id

    const first = await browser.newContext({ viewport: { width: 1300, height: 900 } })
    const second = await browser.newContext({ viewport: { width: 1300, height: 900 } })
    // Bob's tab has not heard of Alice's move yet when he drags (live refresh would otherwise bring it).
    await withoutLiveRefresh(second)
    const a = await first.newPage()
    const b = await second.newPage()
    await signInThroughUi({ page: a, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    await signInThroughUi({ page: b, baseUrl: app.baseUrl, email: 'bob@school.test', password: PASSWORDS.bob })
    await openCopy({ page: a, baseUrl: app.baseUrl, copyId: copy.id })
    await openCopy({ page: b, baseUrl: app.baseUrl, copyId: copy.id })

    await dragAnnotation(a, 130, 158, 60, 0)
    await waitSaved(a)
    const afterA = (await alice.request('GET', `/api/annotations/${id}?depth=0`)).body
    expect(afterA.version).toBe(2)
    expect(Math.abs(afterA.geometry.x - 160)).toBeLessThan(2)

    await dragAnnotation(b, 130, 158, 0, 80)
    const banner = await b.waitForSelector('[data-testid=conflict]')
    expect(await banner.textContent()).toMatch(/modifiée dans une autre session/)
    expect(await b.getAttribute('[data-testid=save-state]', 'data-status')).toBe('error')
    const stored = (await alice.request('GET', `/api/annotations/${id}?depth=0`)).body
    expect(stored.version).toBe(2)
    expect(stored.geometry).toMatchObject({ x: afterA.geometry.x, y: 150 })

    // The second session keeps its own version on purpose: it now builds on version 2, knowingly.
    await b.click('[data-testid=conflict] button:has-text("Garder ma version")')
    await waitSaved(b)
    const resolved = (await alice.request('GET', `/api/annotations/${id}?depth=0`)).body
    expect(resolved.version).toBe(3)
    expect(Math.abs(resolved.geometry.y - 230)).toBeLessThan(2)
    expect(await b.locator('[data-testid=conflict]').count()).toBe(0)
    await settleAndClose(first)
    await settleAndClose(second)
  })

  it('keeps edits made while the server is unreachable and sends them when it answers again', async () => {
    const copy = seed.copies[0]
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } })
    const page = await context.newPage()
    await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    await openCopy({ page, baseUrl: app.baseUrl, copyId: copy.id })
    const before = (await alice.request('GET', `/api/annotations?where[copy][equals]=${copy.id}&depth=0`)).body.totalDocs
    await page.route('**/api/annotations**', (route) => (route.request().method() === 'GET' ? route.continue() : route.abort('internetdisconnected')))
    await page.keyboard.press('k')
    const at = await pagePoint(page, 300, 500)
    await page.mouse.click(at.x, at.y)
    await page.waitForSelector('[data-testid=save-state][data-status=offline]')
    expect(await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('korrigo.queue.'))!))).toContain('tick')
    // a reload while offline: the queued tick comes back from localStorage
    await page.reload()
    await page.waitForSelector('.page canvas.pdf-canvas[data-rendered]')
    expect(Number(await page.getAttribute('[data-testid=page]', 'data-annotations'))).toBe(before + 1)
    await page.unroute('**/api/annotations**')
    await waitSaved(page)
    const after = (await alice.request('GET', `/api/annotations?where[copy][equals]=${copy.id}&depth=0`)).body
    expect(after.totalDocs).toBe(before + 1)
    expect(after.docs.some((d: any) => d.kind === 'tick')).toBe(true)
    await settleAndClose(context)
  })
})
