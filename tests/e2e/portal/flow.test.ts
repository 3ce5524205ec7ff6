import type { Browser, Page } from 'playwright-core'

import type { TestApp } from '../../int/helpers/app'
import type { ApiClient } from '../../int/helpers/http'
import { openCopy, settleAndClose, signInThroughUi, waitForPage } from './browser'
import { PASSWORDS, type seedMarking } from './seed'
import { startPortalApp, stopPortalApp, until } from './portalApp'

/**
 * Issue 15, point 12, in the built portal: finalizing moves on to the next copy still to mark (no confirm()),
 * an undo within a few seconds costs nothing on the server, "next unmarked" (N) skips finished copies, and a
 * progress bar counts the teacher's finished copies, in the copy view and on the exam list.
 */
let app: TestApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedMarking>>
let alice: ApiClient

beforeAll(async () => {
  ;({ app, browser, seed, alice } = await startPortalApp({ copies: 4, pages: 1 }))
})

afterAll(async () => stopPortalApp({ app, browser }))

const statusOf = async (copyId: unknown) => (await alice.request('GET', `/api/copies/${copyId}?depth=0`)).body.status as string
const onCopy = (page: Page, copyId: unknown) => page.waitForSelector(`.workspace[data-copy="${copyId}"]`)
/**
 * Stops the page's timers about now. `pauseAt` wants a time still ahead of the page's clock, which runs on while
 * the test asks for it: a second ahead (timers due within it fire, none of the flow's), asked again if a loaded
 * machine let even that pass ("Cannot fast-forward to the past", seen in CI with 50 ms).
 */
const pauseClock = async (page: Page) => {
  for (;;) {
    const now = await page.evaluate(() => Date.now())
    try {
      return await page.clock.pauseAt(new Date(now + 1_000))
    } catch (error) {
      if (!String(error).includes('to the past')) throw error
    }
  }
}
const progress = async (page: Page) => [await page.getAttribute('[data-testid=my-progress]', 'data-done'), await page.getAttribute('[data-testid=my-progress]', 'data-total')]

describe('the marking flow (issue 15, point 12)', () => {
  it('finalize moves to the next unmarked copy, undo within seconds leaves the server untouched, N and the progress bar follow', async () => {
    const [first, finished, third, fourth] = seed.copies
    expect((await alice.request('PATCH', `/api/copies/${finished!.id}`, { status: 'finalized' })).status).toBe(200)

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    // The page's clock runs as the real one until the undo window must be held open (below).
    await context.clock.install()
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()))
    await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    // The exam list: progress and where to resume.
    await page.waitForSelector('[data-testid=my-progress][data-total="4"]')
    expect(await progress(page)).toEqual(['1', '4'])
    expect(await page.getAttribute('.exams-page [data-testid=next-to-mark]', 'data-copy')).toBe(String(first!.id))

    await openCopy({ page, baseUrl: app.baseUrl, copyId: first!.id })
    await page.waitForSelector('[data-testid=my-progress][data-done="1"]')
    await page.keyboard.press('=')
    await until(async () => (await alice.request('GET', `/api/copies/${first!.id}?depth=0`)).body.total === 4)

    // The page's time stands still from here to the undo: a loaded CI machine took more than the 5 s window
    // between Ctrl+Enter and Ctrl+Z, the finalization went out and the undo had nothing left to undo.
    await pauseClock(page)

    // Ctrl+Enter: no question asked, straight to the next copy still to mark (the second is finished).
    await page.keyboard.press('Control+Enter')
    await onCopy(page, third!.id)
    const toast = page.locator(`[data-testid=finalize-toast][data-copy="${first!.id}"]`)
    expect(await toast.getAttribute('data-sending')).toBe('false')
    // Not sent while the toast still offers undo.
    expect(await statusOf(first!.id)).toBe('marking')
    await page.waitForSelector('[data-testid=my-progress][data-done="2"]')

    // Undo: back on the copy, and nothing reaches the server even after the undo window.
    await page.keyboard.press('Control+z')
    await onCopy(page, first!.id)
    expect(await page.locator('[data-testid=finalize-toast]').count()).toBe(0)
    await page.clock.resume()
    await waitForPage(page, first!.id)
    await page.waitForSelector('[data-testid=my-progress][data-done="1"]')
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    expect(await statusOf(first!.id)).toBe('marking')

    // Finalize for good: sent once the window has passed.
    await page.keyboard.press('Control+Enter')
    await onCopy(page, third!.id)
    await until(async () => (await statusOf(first!.id)) === 'finalized', 15_000)
    await page.waitForSelector('[data-testid=finalize-toast]', { state: 'detached' })
    await page.waitForSelector('[data-testid=my-progress][data-done="2"]')

    // N: the next copy still to mark after this one.
    await waitForPage(page, third!.id)
    expect(await page.getAttribute('.workspace [data-testid=next-to-mark]', 'data-copy')).toBe(String(fourth!.id))
    await page.keyboard.press('n')
    await onCopy(page, fourth!.id)
    // From the last copy it wraps around to the third, never to a finished one.
    await waitForPage(page, fourth!.id)
    expect(await page.getAttribute('.workspace [data-testid=next-to-mark]', 'data-copy')).toBe(String(third!.id))
    expect(dialogs).toEqual([])
    await settleAndClose(context)
  }, 120_000)

  it('a copy finalized while the share is read again is never opened as the next one', async () => {
    const [, , third, fourth] = seed.copies
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    await openCopy({ page, baseUrl: app.baseUrl, copyId: third!.id })
    await waitForPage(page, third!.id)
    await page.keyboard.press('=')
    await until(async () => (await alice.request('GET', `/api/copies/${third!.id}?depth=0`)).body.total !== null)
    await page.keyboard.press('Control+Enter')
    await onCopy(page, fourth!.id)
    // The fourth copy's view read the share while the third still waited for its undo window.
    await page.waitForSelector('[data-testid=my-progress][data-done="3"]')

    // From now on the share answers late (a busy server): the third's finalization lands first.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/distribution/exams/*/mine', async (route) => {
      await held
      await route.continue()
    })
    await until(async () => (await statusOf(third!.id)) === 'finalized', 15_000)
    await page.waitForSelector('[data-testid=finalize-toast]', { state: 'detached' })

    await waitForPage(page, fourth!.id)
    await page.keyboard.press('=')
    await until(async () => (await alice.request('GET', `/api/copies/${fourth!.id}?depth=0`)).body.total !== null)
    await page.keyboard.press('Control+Enter')
    // Every copy of the share is done: the list, not the third copy again (read-only, where Ctrl+Enter does nothing).
    await page.waitForSelector('.exams-page')
    expect(await page.locator(`.workspace[data-copy="${third!.id}"]`).count()).toBe(0)
    release()
    await until(async () => (await statusOf(fourth!.id)) === 'finalized', 15_000)
    await settleAndClose(context)
  }, 120_000)
})
