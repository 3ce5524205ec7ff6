import type { Browser, Page } from 'playwright-core'

import { startTestApp, type TestApp } from '../../int/helpers/app'
import { signIn, type ApiClient } from '../../int/helpers/http'
import { ensurePortalBuilt, launchBrowser, openCopy, settleAndClose, signInThroughUi } from './browser'
import { decodePng, differingPixels, inside, type Box } from './pixels'
import { PASSWORDS, seedMarking } from './seed'

let app: TestApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedMarking>>
let alice: ApiClient

const style = (color: string, width = 2) => ({ color, width, opacity: 1 })
/** The annotations and, for each, the page-point box its ink must stay in. */
const ANNOTATIONS: { body: Record<string, unknown>; box: Box }[] = [
  { body: { kind: 'pen', geometry: { points: [80, 300, 120, 330, 180, 310, 240, 350] }, style: style('#d32f2f', 2) }, box: { x: 80, y: 300, width: 160, height: 50 } },
  { body: { kind: 'tick', geometry: { x: 420, y: 200, size: 30 } , style: style('#2e7d32') }, box: { x: 405, y: 185, width: 30, height: 30 } },
  { body: { kind: 'cross', geometry: { x: 480, y: 200, size: 30 }, style: style('#d32f2f') }, box: { x: 465, y: 185, width: 30, height: 30 } },
  { body: { kind: 'rectangle', geometry: { x: 300, y: 500, width: 150, height: 80 }, style: style('#1565c0') }, box: { x: 300, y: 500, width: 150, height: 80 } },
  { body: { kind: 'text', text: 'Très bien', geometry: { x: 90, y: 600, width: 200, fontSize: 16 }, style: style('#212121', 1) }, box: { x: 90, y: 600, width: 100, height: 20 } },
  { body: { kind: 'highlighter', geometry: { points: [60, 705, 300, 705] }, style: { color: '#fdd835', width: 12, opacity: 1 } }, box: { x: 60, y: 699, width: 240, height: 12 } },
]

beforeAll(async () => {
  ensurePortalBuilt()
  app = await startTestApp()
  seed = await seedMarking({ payload: app.runtime.payload, copies: 3, pages: 1 })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
  for (const copy of seed.copies.slice(0, 2))
    for (const { body } of ANNOTATIONS) {
      const response = await alice.request('POST', '/api/annotations', { ...body, copy: copy.id, page: 1, schemaVersion: 2 })
      expect(response.status).toBe(201)
    }
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const shoot = async (page: Page, copyId: unknown): Promise<{ png: Buffer; zoom: number }> => {
  await openCopy({ page, baseUrl: app.baseUrl, copyId: copyId as number })
  const pageBox = page.locator('[data-testid=page]')
  const zoom = Number(await pageBox.getAttribute('data-zoom'))
  return { png: await pageBox.screenshot({ animations: 'disabled' }), zoom }
}

describe('what a page with annotations looks like', () => {
  it('draws the same annotations identically, and only where they are', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1300 }, deviceScaleFactor: 1 })
    const page = await context.newPage()
    await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    const first = await shoot(page, seed.copies[0].id)
    const second = await shoot(page, seed.copies[1].id)
    const blank = await shoot(page, seed.copies[2].id)
    expect(first.zoom).toBe(blank.zoom)

    if (process.env.KORRIGO_E2E_ARTIFACTS) {
      const { writeFileSync, mkdirSync } = await import('node:fs')
      mkdirSync(process.env.KORRIGO_E2E_ARTIFACTS, { recursive: true })
      writeFileSync(`${process.env.KORRIGO_E2E_ARTIFACTS}/annotated.png`, first.png)
      writeFileSync(`${process.env.KORRIGO_E2E_ARTIFACTS}/blank.png`, blank.png)
    }
    const [a, b, empty] = await Promise.all([decodePng(first.png), decodePng(second.png), decodePng(blank.png)])
    expect(differingPixels({ a, b })).toHaveLength(0)

    const diff = differingPixels({ a, b: empty })
    const margin = 8
    const boxes = ANNOTATIONS.map(({ box }) => ({
      x: (box.x - margin) * first.zoom,
      y: (box.y - margin) * first.zoom,
      width: (box.width + 2 * margin) * first.zoom,
      height: (box.height + 2 * margin) * first.zoom,
    }))
    for (const [index, box] of boxes.entries()) {
      const hits = diff.filter((p) => inside(p, box)).length
      if (hits < 20) throw new Error(`annotation ${ANNOTATIONS[index].body.kind} left only ${hits} pixels in its box`)
    }
    const stray = diff.filter((p) => !boxes.some((box) => inside(p, box)))
    expect(stray.length).toBeLessThanOrEqual(diff.length * 0.01)
    await settleAndClose(context)
  })

  it('keeps the page where it was first painted while the rest of the view loads (a pen stroke lands where it was aimed)', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1300 }, deviceScaleFactor: 1 })
    const page = await context.newPage()
    await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    for (const copy of seed.copies) {
      await openCopy({ page, baseUrl: app.baseUrl, copyId: copy.id })
      const painted = await page.locator('[data-testid=page]').boundingBox()
      // The share, the rubric, the markers and the live check answer after the first paint.
      await page.waitForSelector('.workspace [data-testid=my-progress]')
      await page.waitForLoadState('networkidle')
      expect(await page.locator('[data-testid=page]').boundingBox()).toEqual(painted)
    }
    await settleAndClose(context)
  })
})
