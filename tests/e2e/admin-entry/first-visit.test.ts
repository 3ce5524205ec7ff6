import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'

import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'

/**
 * Issue 15, point 14: the first visit of `/admin` showed a white page for seconds. Payload answered with an
 * empty page whose script went on to the sign-in page, whose script went on to the first-user form, and a
 * signed-out page draws nothing before its scripts have run. Now the server redirects at once, and the page
 * says it is loading from its first paint, before any script (checked with scripts off).
 */
let app: AdminApp

beforeAll(async () => {
  app = await startAdminApp({ name: 'first-visit' })
}, 900_000)

afterAll(async () => {
  await app?.stop()
}, 60_000)

const open = async ({ browser, locale, javaScriptEnabled }: { browser: Browser; locale: string; javaScriptEnabled: boolean }): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 }, locale, javaScriptEnabled })).newPage()
  page.setDefaultTimeout(90_000)
  return page
}

/** What the page paints where Payload has drawn nothing yet: the loading line, or 'none' once a view is there. */
const loadingLine = (page: Page) => page.evaluate(() => getComputedStyle(document.body, '::before').content)

/** How many distinct shades the page paints: one on a blank page. */
const shades = async (page: Page) => {
  const { channels } = await sharp(await page.screenshot()).greyscale().stats()
  return channels[0]!.max - channels[0]!.min
}

const redirectOf = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.base}${path}`, { redirect: 'manual', headers })
  return { status: response.status, location: response.headers.get('location') }
}

describe('the first visit of /admin', () => {
  it('redirects on the server to the first-user form, which says it is loading before any script runs', async () => {
    expect(await redirectOf('/admin')).toEqual({ status: 302, location: '/admin/create-first-user' })
    expect(await redirectOf('/admin/')).toEqual({ status: 302, location: '/admin/create-first-user' })
    expect(await redirectOf('/admin/login')).toEqual({ status: 302, location: '/admin/create-first-user' })

    // Scripts off: what the browser can paint from the server's answer alone.
    const still = await open({ browser: app.browser, locale: 'fr-FR', javaScriptEnabled: false })
    await still.goto(`${app.base}/admin`)
    expect(new URL(still.url()).pathname).toBe('/admin/create-first-user')
    expect(await loadingLine(still)).toBe('"Korrigo — chargement…"')
    expect(await shades(still)).toBeGreaterThan(50)

    const english = await open({ browser: app.browser, locale: 'en-GB', javaScriptEnabled: false })
    await english.goto(`${app.base}/admin`)
    expect(await loadingLine(english)).toBe('"Korrigo — loading…"')

    // With scripts, the form replaces the loading line.
    const page = await open({ browser: app.browser, locale: 'fr-FR', javaScriptEnabled: true })
    await page.goto(`${app.base}/admin`)
    await page.waitForSelector('input[name=email]', { timeout: 120_000 })
    expect(await loadingLine(page)).toBe('none')
  }, 300_000)

  it('sends a signed-out visitor straight to the sign-in page once an account exists, and leaves a session to Payload', async () => {
    await createFirstAdmin(app.base)
    expect(await redirectOf('/admin')).toEqual({ status: 302, location: '/admin/login' })
    // The sign-in page itself is Payload's to draw.
    expect((await redirectOf('/admin/login')).status).toBe(200)

    const page = await open({ browser: app.browser, locale: 'fr-FR', javaScriptEnabled: true })
    await page.goto(`${app.base}/admin`)
    await page.waitForSelector('input[name=email]', { timeout: 120_000 })
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    expect(await loadingLine(page)).toBe('none')

    // Signed in, /admin is the dashboard, drawn by the server with the page.
    await signInAdmin({ page, base: app.base })
    const cookie = (await page.context().cookies()).find((c) => c.name === 'payload-token')!
    const dashboard = await fetch(`${app.base}/admin`, { redirect: 'manual', headers: { cookie: `payload-token=${cookie.value}` } })
    expect(dashboard.status).toBe(200)
    await page.goto(`${app.base}/admin`)
    await page.waitForSelector('.dashboard, .template-default', { timeout: 120_000 })
    expect(await loadingLine(page)).toBe('none')
  }, 300_000)
})
