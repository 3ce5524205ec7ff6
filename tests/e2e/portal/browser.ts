import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

import { ensureBuilt } from '../helpers/builds'

export const CHROMIUM = process.env.KORRIGO_CHROMIUM ?? '/usr/bin/chromium'

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })

/**
 * The tests drive the built portal, as served in production. One locked, fingerprinted build shared with
 * `npm start` and the other browser tests: two test files building at once emptied each other's dist.
 */
export const ensurePortalBuilt = (): void => ensureBuilt({ portal: true })

export const signInThroughUi = async ({ page, baseUrl, email, password }: { page: Page; baseUrl: string; email: string; password: string }) => {
  await page.goto(`${baseUrl}/portal/`)
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', password)
  await page.click('button[type=submit]')
  await page.waitForSelector('.exams-page h1')
}

/** Opens a copy and waits until its first page is painted at the current zoom. */
export const openCopy = async ({ page, baseUrl, copyId }: { page: Page; baseUrl: string; copyId: string | number }) => {
  await page.goto(`${baseUrl}/portal/#/copy/${copyId}`)
  await waitForPage(page, copyId)
}

/**
 * Waits for the copy's first page to be painted (a hash change keeps the previous copy on screen for a moment)
 * and its stored grades to be shown: the page can paint before they arrive, when an empty box says nothing.
 */
export const waitForPage = async (page: Page, copyId?: string | number) => {
  const scope = copyId === undefined ? '' : `.workspace[data-copy="${copyId}"] `
  await page.waitForSelector(`${scope}.page canvas.pdf-canvas[data-rendered]`)
  await page.waitForFunction(() => !document.querySelector('.grading[data-grades=loading]'))
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

/** Screen position of a point given in PDF points of the displayed page. */
export const pagePoint = async (page: Page, x: number, y: number) => {
  const box = (await page.locator('[data-testid=page]').boundingBox())!
  const zoom = Number(await page.locator('[data-testid=page]').getAttribute('data-zoom'))
  return { x: box.x + x * zoom, y: box.y + y * zoom, zoom }
}

export const drawStroke = async (page: Page, points: [number, number][]) => {
  const [first, ...rest] = points
  const start = await pagePoint(page, ...first)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  for (const p of rest) {
    const at = await pagePoint(page, ...p)
    await page.mouse.move(at.x, at.y, { steps: 4 })
  }
  await page.mouse.up()
}

export const clickAt = async (page: Page, x: number, y: number) => {
  const at = await pagePoint(page, x, y)
  await page.mouse.click(at.x, at.y)
}

/**
 * A tab that does not hear of colleagues' saves (the portal's live refresh off): a save made elsewhere has not
 * reached it yet, the case the version checks and their conflict banners are for.
 */
export const withoutLiveRefresh = (context: BrowserContext) => context.addInitScript(() => localStorage.setItem('korrigo.liveMs', '0'))

export const waitSaved = (page: Page) => page.waitForSelector('[data-testid=save-state][data-status=saved]')

/**
 * Lets the portal's last requests (a save, a re-read of the total) finish before the context closes, so the
 * app is not shut down with queries still running on its pool.
 */
export const settleAndClose = async (context: BrowserContext) => {
  await Promise.all(context.pages().map((page) => page.waitForLoadState('networkidle').catch(() => undefined)))
  await context.close()
}
