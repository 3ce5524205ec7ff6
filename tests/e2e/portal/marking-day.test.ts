import type { Browser, BrowserContext, Page } from 'playwright-core'

import type { TestApp } from '../../int/helpers/app'
import type { ApiClient } from '../../int/helpers/http'
import { clickAt, openCopy, settleAndClose, signInThroughUi, waitSaved, withoutLiveRefresh } from './browser'
import { PASSWORDS, type seedMarking } from './seed'
import { startPortalApp, stopPortalApp, until } from './portalApp'

/**
 * Issue 15, points 3 to 6, in the built portal: two tabs grading the same question, a deduction from the
 * comment bank, refused values, Esc in a text annotation and the zoom keys. The browser speaks English
 * (Playwright's default locale) while the portal is in French: the server's messages must follow the portal.
 */
let app: TestApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedMarking>>
let alice: ApiClient

beforeAll(async () => {
  ;({ app, browser, seed, alice } = await startPortalApp({ copies: 4, pages: 2 }))
})

afterAll(async () => stopPortalApp({ app, browser }))

const open = async (copyId: unknown, { live = true } = {}): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' })
  if (!live) await withoutLiveRefresh(context)
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err))
  await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
  await openCopy({ page, baseUrl: app.baseUrl, copyId: copyId as number })
  return { context, page }
}

const gradesOf = async (copyId: unknown) =>
  Object.fromEntries(
    ((await alice.request('GET', `/api/grades?where[copy][equals]=${copyId}&depth=0&limit=50`)).body.docs as any[]).map((g) => [g.questionKey, { points: g.points, comment: g.comment ?? '' }]),
  )

const typePoints = async (page: Page, key: string, value: string) => {
  await page.fill(`[data-testid=points-${key}]`, value)
  await page.press(`[data-testid=points-${key}]`, 'Enter')
}


const saveState = (page: Page) => page.getAttribute('[data-testid=save-state]', 'data-status')

describe('a marking day in the portal (issue 15)', () => {
  it('point 3: a second tab saving the same question gets a conflict to resolve, not a field error', async () => {
    const copy = seed.copies[0]
    // Neither tab hears of the other's saves before its own (live refresh off): each writes on a stale version.
    const first = await open(copy.id, { live: false })
    const second = await open(copy.id, { live: false })

    await typePoints(first.page, 'Q1', '2')
    await until(async () => (await gradesOf(copy.id)).Q1?.points === 2)

    // The second tab read the copy before that save: its grade is a create the unique index refuses.
    await typePoints(second.page, 'Q1', '3')
    const banner = await second.page.waitForSelector('[data-testid=grade-conflict]')
    expect(await banner.textContent()).toMatch(/Q1 a déjà été notée dans une autre session \(2\)/)
    expect(await banner.textContent()).not.toMatch(/copy_id|question_key|n'est pas valide/)
    expect(await saveState(second.page)).toBe('error')
    // It shows the stored grade, and the server kept it.
    expect(await second.page.inputValue('[data-testid=points-Q1]')).toBe('2')
    expect((await gradesOf(copy.id)).Q1.points).toBe(2)

    // "Keep mine" writes 3 over the version it now knows.
    await second.page.click('[data-testid=grade-conflict] button:has-text("Garder ma version")')
    await until(async () => (await gradesOf(copy.id)).Q1?.points === 3)
    await waitSaved(second.page)
    expect(await second.page.locator('[data-testid=grade-conflict]').count()).toBe(0)

    // The first tab, still on the version it saved, now edits an older one: 409 again, and "theirs" keeps 3.
    await typePoints(first.page, 'Q1', '4')
    const stale = await first.page.waitForSelector('[data-testid=grade-conflict]')
    expect(await stale.textContent()).toMatch(/modifiée dans une autre session \(elle vaut maintenant 3\)/)
    await first.page.click('[data-testid=grade-conflict] button:has-text("Prendre l’autre version")')
    expect(await first.page.inputValue('[data-testid=points-Q1]')).toBe('3')
    expect((await gradesOf(copy.id)).Q1.points).toBe(3)
    await waitSaved(first.page)
    await settleAndClose(first.context)
    await settleAndClose(second.context)
  })

  it('point 4: a comment with negative points deducts from the question and keeps its text', async () => {
    const copy = seed.copies[1]
    const { context, page } = await open(copy.id)
    await page.fill('input[aria-label="Nouveau commentaire"]', 'Unité oubliée')
    await page.fill('input[aria-label="Points"]', '-0,5')
    await page.click('.bank-add button[type=submit]')
    await page.waitForSelector('.bank-item:has-text("Unité oubliée")')

    await typePoints(page, 'Q1', '3')
    await until(async () => (await gradesOf(copy.id)).Q1?.points === 3)
    await page.click('[data-question=Q1] .question-head')
    await page.click('.bank-item:has-text("Unité oubliée")')
    await until(async () => {
      const q1 = (await gradesOf(copy.id)).Q1
      return q1?.points === 2.5 && q1.comment === 'Unité oubliée'
    })
    // The box shows the stored value once the save's answer is in (the server can be read before the page has it).
    await page.waitForFunction(() => (document.querySelector('[data-testid=points-Q1]') as HTMLInputElement | null)?.value === '2,5', undefined, { timeout: 10_000 }).catch(() => undefined)
    expect(await page.inputValue('[data-testid=points-Q1]')).toBe('2,5')

    // On a question not marked yet, the deduction is from full marks (Q2 is out of 5).
    await page.click('[data-question=Q2] .question-head')
    await page.click('.bank-item:has-text("Unité oubliée")')
    await until(async () => (await gradesOf(copy.id)).Q2?.points === 4.5)
    expect((await gradesOf(copy.id)).Q2.comment).toBe('Unité oubliée')
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-total]')?.textContent?.includes('7'))
    await waitSaved(page)
    await settleAndClose(context)
  })

  it('point 5: a refused value is flagged in French, the box shows what is stored, the header never says saved', async () => {
    const copy = seed.copies[2]
    const { context, page } = await open(copy.id)
    await typePoints(page, 'Q1', '2')
    await until(async () => (await gradesOf(copy.id)).Q1?.points === 2)
    await waitSaved(page)

    await typePoints(page, 'Q1', '99')
    const error = await page.waitForSelector('[data-testid=error-Q1]')
    expect(await error.textContent()).toMatch(/Q1 \(Exercice 1\) : 99 dépasse le maximum de 4/)
    expect(await saveState(page)).toBe('error')
    expect(await page.textContent('[data-testid=save-state]')).not.toContain('Enregistré')
    expect(await page.inputValue('[data-testid=points-Q1]')).toBe('2')
    expect(await page.getAttribute('[data-testid=points-Q1]', 'aria-invalid')).toBe('true')

    // Off the step (0.5), typed twice: refused each time, the stored value back each time.
    for (let i = 0; i < 2; i++) {
      await typePoints(page, 'Q1', '1,3')
      await page.waitForFunction(() => document.querySelector('[data-testid=error-Q1]')?.textContent?.includes('1,3 n’est pas un multiple du pas de 0,5'))
      await page.waitForFunction(() => (document.querySelector('[data-testid=points-Q1]') as HTMLInputElement).value === '2')
      expect(await saveState(page)).toBe('error')
    }
    expect((await gradesOf(copy.id)).Q1.points).toBe(2)

    // A valid value clears the error; only then is the copy "saved".
    await typePoints(page, 'Q1', '1,5')
    await until(async () => (await gradesOf(copy.id)).Q1?.points === 1.5)
    await waitSaved(page)
    expect(await page.locator('[data-testid=error-Q1]').count()).toBe(0)
    await settleAndClose(context)
  })

  it('point 6: Esc keeps the text being typed (and cancels an empty one); Ctrl+= and Ctrl+- zoom by a step one can see', async () => {
    const copy = seed.copies[3]
    const { context, page } = await open(copy.id)
    const annotations = async () => (await alice.request('GET', `/api/annotations?where[copy][equals]=${copy.id}&depth=0`)).body.docs as any[]

    await page.keyboard.press('t')
    await clickAt(page, 120, 300)
    await page.waitForSelector('[data-testid=text-editor]')
    await page.keyboard.type('Très clair')
    await page.keyboard.press('Escape')
    expect(await page.locator('[data-testid=text-editor]').count()).toBe(0)
    await until(async () => (await annotations()).some((a) => a.kind === 'text' && a.text === 'Très clair'))

    // An empty one: Esc cancels, nothing is stored.
    await page.keyboard.press('t')
    await clickAt(page, 120, 500)
    await page.waitForSelector('[data-testid=text-editor]')
    await page.keyboard.press('Escape')
    await waitSaved(page)
    expect((await annotations()).filter((a) => a.kind === 'text')).toHaveLength(1)

    const zoom = async () => Number(await page.getAttribute('[data-testid=page]', 'data-zoom'))
    const before = await zoom()
    await page.keyboard.press('Control+=')
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=page]')?.getAttribute('data-zoom')) > z, before)
    const zoomedIn = await zoom()
    // A step one can see: from the fitted width (1.42 here) the next step was a hair above it (1.5).
    expect(zoomedIn / before).toBeGreaterThanOrEqual(1.1)
    await page.keyboard.press('Control+-')
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=page]')?.getAttribute('data-zoom')) < z, zoomedIn)
    expect(zoomedIn / (await zoom())).toBeGreaterThanOrEqual(1.1)
    // "=" alone still gives full marks, not a zoom
    await page.keyboard.press('=')
    await until(async () => (await gradesOf(copy.id)).Q1?.points === 4)
    await settleAndClose(context)
  })
})
