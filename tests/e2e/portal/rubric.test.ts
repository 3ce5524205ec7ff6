import type { Browser, Page } from 'playwright-core'

import type { TestApp } from '../../int/helpers/app'
import type { ApiClient } from '../../int/helpers/http'
import { openCopy, settleAndClose, signInThroughUi, waitForPage } from './browser'
import { PASSWORDS, type seedMarking } from './seed'
import { startPortalApp, stopPortalApp, until } from './portalApp'

/**
 * Issue 15, point 11, in the built portal: rubric items made for a question, applied and removed with one
 * key, their uses counted; new points for an item move every copy it is applied to, totals recomputed by the
 * server, the open copy showing its new mark.
 */
let app: TestApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedMarking>>
let alice: ApiClient

beforeAll(async () => {
  ;({ app, browser, seed, alice } = await startPortalApp({ copies: 2, pages: 1 }))
})

afterAll(async () => stopPortalApp({ app, browser }))

const q1 = async (copyId: unknown) =>
  ((await alice.request('GET', `/api/grades?where[copy][equals]=${copyId}&depth=0`)).body.docs as any[]).find((g) => g.questionKey === 'Q1')?.points
const totalOf = async (copyId: unknown) => (await alice.request('GET', `/api/copies/${copyId}?depth=0`)).body.total
const item = (page: Page, n: number) => page.locator('[data-testid=rubric] .rubric-item').nth(n - 1)

describe('rubrics in the portal (issue 15, point 11)', () => {
  it('makes items, applies them with one key, and an item’s new points move every copy it is on', async () => {
    const [first, second] = seed.copies
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('page error:', err))
    await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    await openCopy({ page, baseUrl: app.baseUrl, copyId: first!.id })

    // Two deductions on Q1 (out of 4), typed in the panel.
    for (const [points, text] of [['-1', 'Unité oubliée'], ['-0,5', 'Erreur de signe']]) {
      await page.fill('input[aria-label="Points du nouveau critère"]', points!)
      await page.fill('input[aria-label="Texte du nouveau critère"]', text!)
      await page.press('input[aria-label="Texte du nouveau critère"]', 'Enter')
      await page.waitForSelector(`[data-testid=rubric] .rubric-item:has-text("${text}")`)
    }
    await page.keyboard.press('Escape')

    // One key each: 4 − 1 − 0.5; the same key again takes the item off.
    await page.keyboard.press('1')
    await until(async () => (await q1(first!.id)) === 3)
    await page.keyboard.press('2')
    await until(async () => (await q1(first!.id)) === 2.5)
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-total]')?.textContent?.includes('2,5'))
    await page.keyboard.press('2')
    await until(async () => (await q1(first!.id)) === 3)
    // The uses are read again after the save: item 1 on this copy, item 2 on none once that answer is in.
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-testid=rubric] .rubric-item')]
      return items[0]?.getAttribute('data-applied') === 'true' && items[0]?.getAttribute('data-uses') === '1' && items[1]?.getAttribute('data-uses') === '0'
    })

    await page.keyboard.press('Shift+ArrowRight')
    await waitForPage(page, second!.id)
    await page.keyboard.press('1')
    await until(async () => (await q1(second!.id)) === 3)
    await page.waitForSelector('[data-testid=rubric] .rubric-item[data-applied=true][data-uses="2"]')

    // "Unit forgotten" now costs 2: both copies move, on the server and on screen.
    await item(page, 1).locator('.rubric-edit').click()
    await page.fill('[data-testid=rubric] .rubric-item.editing input[aria-label=Points]', '-2')
    await page.press('[data-testid=rubric] .rubric-item.editing input[aria-label=Points]', 'Enter')
    await until(async () => (await q1(first!.id)) === 2 && (await q1(second!.id)) === 2)
    expect([await totalOf(first!.id), await totalOf(second!.id)]).toEqual([2, 2])
    await page.waitForFunction(() => (document.querySelector('[data-testid=points-Q1]') as HTMLInputElement).value === '2')
    await page.waitForFunction(() => /Total : 2 \//.test(document.querySelector('[data-testid=copy-total]')?.textContent ?? ''))
    await settleAndClose(context)
  }, 120_000)
})
