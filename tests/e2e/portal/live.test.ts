import type { Browser, Page } from 'playwright-core'

import type { TestApp } from '../../int/helpers/app'
import type { ApiClient } from '../../int/helpers/http'
import { clickAt, openCopy, settleAndClose, signInThroughUi, waitSaved } from './browser'
import { PASSWORDS, type seedMarking } from './seed'
import { startPortalApp, stopPortalApp, until } from './portalApp'

/**
 * Issue 15, point 3, in the built portal: Alice and Bob have the same copy open; what Bob saves (a mark, a
 * tick, then taking the tick away) shows on Alice's screen without a reload, total included, and a tick
 * Alice is drawing at that moment is not lost.
 */
let app: TestApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedMarking>>
let alice: ApiClient

beforeAll(async () => {
  ;({ app, browser, seed, alice } = await startPortalApp({ copies: 1, pages: 1 }))
})

afterAll(async () => stopPortalApp({ app, browser }))

const session = async (who: 'alice' | 'bob', copyId: unknown): Promise<{ page: Page; close: () => Promise<void> }> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error(`${who}: page error:`, err))
  await signInThroughUi({ page, baseUrl: app.baseUrl, email: `${who}@school.test`, password: PASSWORDS[who] })
  await openCopy({ page, baseUrl: app.baseUrl, copyId: copyId as number })
  return { page, close: () => settleAndClose(context) }
}
const annotationsShown = (page: Page) => page.getAttribute('[data-testid=page]', 'data-annotations').then(Number)

describe('live refresh of the open copy (issue 15, point 3)', () => {
  it('shows a colleague’s marks and annotations without a reload, keeping what one is doing', async () => {
    const copy = seed.copies[0]!
    const a = await session('alice', copy.id)
    const b = await session('bob', copy.id)
    const navigations: string[] = []
    a.page.on('framenavigated', (frame) => frame === a.page.mainFrame() && navigations.push(frame.url()))

    // Bob gives Q2 its points and ticks the page.
    await b.page.click('[data-question=Q2] .question-head')
    await b.page.keyboard.press('=')
    await b.page.keyboard.press('k')
    await clickAt(b.page, 200, 300)
    await waitSaved(b.page)
    await until(async () => (await alice.request('GET', `/api/copies/${copy.id}?depth=0`)).body.total === 5)

    // Alice sees both, and the total, with no reload.
    await a.page.waitForFunction(() => (document.querySelector('[data-testid=points-Q2]') as HTMLInputElement).value === '5', undefined, { timeout: 15_000 })
    await a.page.waitForFunction(() => /Total : 5 \//.test(document.querySelector('[data-testid=copy-total]')?.textContent ?? ''), undefined, { timeout: 15_000 })
    await a.page.waitForFunction(() => document.querySelector('[data-testid=page]')?.getAttribute('data-annotations') === '1', undefined, { timeout: 15_000 })

    // Alice ticks too while Bob removes his: hers stays, his goes.
    await a.page.keyboard.press('k')
    await clickAt(a.page, 400, 500)
    await b.page.keyboard.press('Control+z')
    await waitSaved(a.page)
    await waitSaved(b.page)
    await a.page.waitForFunction(() => document.querySelector('[data-testid=page]')?.getAttribute('data-annotations') === '1', undefined, { timeout: 15_000 })
    const stored = (await alice.request('GET', `/api/annotations?where[copy][equals]=${copy.id}&depth=0`)).body.docs as any[]
    expect(stored).toHaveLength(1)
    expect(stored[0].author).toBe(seed.alice.id)
    await b.page.waitForFunction(() => document.querySelector('[data-testid=page]')?.getAttribute('data-annotations') === '1', undefined, { timeout: 15_000 })
    expect(await annotationsShown(a.page)).toBe(1)
    expect(navigations).toEqual([])
    await a.close()
    await b.close()
  }, 120_000)
})
