import type { Browser, BrowserContext, Page } from 'playwright-core'

import type { TestApp } from '../../int/helpers/app'
import type { ApiClient } from '../../int/helpers/http'
import { clickAt, drawStroke, openCopy, settleAndClose, signInThroughUi, waitForPage, waitSaved } from './browser'
import { PASSWORDS, type seedMarking } from './seed'
import { startPortalApp, stopPortalApp, until } from './portalApp'

let app: TestApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedMarking>>
let alice: ApiClient

beforeAll(async () => {
  ;({ app, browser, seed, alice } = await startPortalApp({ copies: 3 }))
})

afterAll(async () => stopPortalApp({ app, browser }))

const annotationsOf = async (copyId: unknown) =>
  (await alice.request('GET', `/api/annotations?where[copy][equals]=${copyId}&depth=0&pagination=false`)).body.docs as any[]


const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err))
  return { context, page }
}

describe('marking a copy in the portal', () => {
  it('signs in, lists the copies, marks one, survives a reload and finalizes it', async () => {
    const { context, page } = await newPage()
    const copy = seed.copies[0]
    await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    await page.waitForSelector(`tr[data-copy="${copy.id}"]`)
    expect(await page.locator('tr[data-copy]').count()).toBe(3)
    expect(await page.textContent('.exams-page')).toContain('À corriger')

    await page.click(`tr[data-copy="${copy.id}"] a`)
    await waitForPage(page)
    expect(await page.textContent('[data-testid=page-indicator]')).toBe('Page 1 / 4')

    // pen, tick, text
    await page.keyboard.press('p')
    await drawStroke(page, [[100, 300], [160, 320], [220, 310], [280, 340]])
    await page.keyboard.press('k')
    await clickAt(page, 400, 200)
    await page.keyboard.press('t')
    await clickAt(page, 80, 420)
    await page.waitForSelector('[data-testid=text-editor]')
    await page.keyboard.type('Bon raisonnement')
    await page.keyboard.press('Enter')
    await waitSaved(page)
    expect(await page.getAttribute('[data-testid=page]', 'data-annotations')).toBe('3')

    // points: accepted, refused with the server's words, quick button; the total comes from the server
    await page.fill('[data-testid=points-Q1]', '3,5')
    await page.press('[data-testid=points-Q1]', 'Enter')
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-total]')?.textContent?.includes('3,5'))
    await page.fill('[data-testid=points-Q2]', '7')
    await page.press('[data-testid=points-Q2]', 'Enter')
    const error = await page.waitForSelector('[data-testid=error-Q2]')
    // in the portal's language (French), whatever the browser's
    expect(await error.textContent()).toMatch(/Q2 \(Exercice 2\).*7 dépasse le maximum de 5/)
    await page.click('[data-question=Q3] button:has-text("Max")')
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-total]')?.textContent?.includes('6,5'))
    await page.fill('[data-testid=comment-Q1]', 'Attention aux unités')
    await page.click('[data-testid=points-Q3]') // blur saves the comment
    await until(async () =>
      (await alice.request('GET', `/api/grades?where[copy][equals]=${copy.id}&depth=0`)).body.docs.some((g: any) => g.comment === 'Attention aux unités'),
    )
    await page.waitForFunction(() => document.querySelector('[data-testid=markers]')?.textContent?.includes('Alice Martin'))

    // everything is on the server...
    const stored = await annotationsOf(copy.id)
    expect(stored.map((a) => a.kind).sort()).toEqual(['pen', 'text', 'tick'])
    const tick = stored.find((a) => a.kind === 'tick')
    expect(tick.geometry.x).toBeCloseTo(400, 0)
    expect(tick.geometry.y).toBeCloseTo(200, 0)
    expect(tick.schemaVersion).toBe(2)
    expect(stored.find((a) => a.kind === 'text').text).toBe('Bon raisonnement')
    const pen = stored.find((a) => a.kind === 'pen')
    expect(pen.geometry.points.slice(0, 2).map(Math.round)).toEqual([100, 300])
    const grades = (await alice.request('GET', `/api/grades?where[copy][equals]=${copy.id}&depth=0`)).body.docs
    expect(Object.fromEntries(grades.map((g: any) => [g.questionKey, g.points]))).toEqual({ Q1: 3.5, Q3: 3 })
    expect(grades.find((g: any) => g.questionKey === 'Q1').comment).toBe('Attention aux unités')
    expect((await alice.request('GET', `/api/copies/${copy.id}?depth=0`)).body).toMatchObject({ total: 6.5, status: 'marking' })

    // ...and back after a reload
    await page.reload()
    await waitForPage(page)
    expect(await page.getAttribute('[data-testid=page]', 'data-annotations')).toBe('3')
    expect(await page.inputValue('[data-testid=points-Q1]')).toBe('3,5')
    expect(await page.inputValue('[data-testid=comment-Q1]')).toBe('Attention aux unités')

    // undo / redo go through the server too
    await page.keyboard.press('x')
    await clickAt(page, 450, 500)
    await waitSaved(page)
    expect((await annotationsOf(copy.id)).some((a) => a.kind === 'cross')).toBe(true)
    await page.keyboard.press('Control+z')
    await until(async () => !(await annotationsOf(copy.id)).some((a) => a.kind === 'cross'))
    await page.keyboard.press('Control+Shift+z')
    await until(async () => (await annotationsOf(copy.id)).some((a) => a.kind === 'cross'))
    expect(await page.getAttribute('[data-testid=page]', 'data-annotations')).toBe('4')

    // next copy without going back to the list, then back
    await page.keyboard.press('Shift+ArrowRight')
    await page.waitForFunction((id) => document.querySelector('.workspace')?.getAttribute('data-copy') === String(id), seed.copies[1].id)
    await waitForPage(page, seed.copies[1].id)
    await page.keyboard.press('Shift+ArrowLeft')
    await page.waitForFunction((id) => document.querySelector('.workspace')?.getAttribute('data-copy') === String(id), copy.id)
    await waitForPage(page, copy.id)

    // finalize: the portal goes on to the next copy and sends it once the undo toast is gone; the copy is
    // then read-only in the UI and closed on the server
    await page.click('button.finalize')
    await page.waitForSelector(`[data-testid=finalize-toast][data-copy="${copy.id}"]`)
    await page.waitForSelector('[data-testid=finalize-toast]', { state: 'detached' })
    await until(async () => (await alice.request('GET', `/api/copies/${copy.id}?depth=0`)).body.status === 'finalized')
    await openCopy({ page, baseUrl: app.baseUrl, copyId: copy.id })
    await page.waitForSelector('.workspace[data-status=finalized]')
    expect(await page.textContent('[data-testid=copy-status]')).toBe('Corrigée')
    expect(await page.isDisabled('[data-testid=points-Q2]')).toBe(true)
    expect((await alice.request('GET', `/api/copies/${copy.id}?depth=0`)).body.status).toBe('finalized')
    const late = await alice.request('POST', '/api/annotations', { copy: copy.id, page: 1, kind: 'tick', geometry: { x: 1, y: 1, size: 20 }, schemaVersion: 2 })
    expect(late.status).toBe(409)
    await settleAndClose(context)
  })

  it('speaks English on request, lists its shortcuts, erases, and inserts saved comments', async () => {
    const { context, page } = await newPage()
    const copy = seed.copies[2]
    await signInThroughUi({ page, baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    expect(await page.textContent('.exams-page h1')).toBe('Mes examens')
    await page.click('[data-testid=language-toggle]')
    expect(await page.textContent('.exams-page h1')).toBe('My exams')
    await page.reload()
    await page.waitForSelector('.exams-page h1:has-text("My exams")')
    await page.click('[data-testid=language-toggle]')
    await page.waitForSelector('.exams-page h1:has-text("Mes examens")')

    await openCopy({ page, baseUrl: app.baseUrl, copyId: copy.id })
    await page.keyboard.press('?')
    const help = await page.waitForSelector('[role=dialog]')
    expect(await help.textContent()).toMatch(/Raccourcis clavier.*Stylo.*Gomme.*Copie suivante/s)
    await page.keyboard.press('Escape')
    expect(await page.locator('[role=dialog]').count()).toBe(0)

    // a tick, then the eraser over it
    await page.keyboard.press('k')
    await clickAt(page, 300, 300)
    await waitSaved(page)
    expect(await annotationsOf(copy.id)).toHaveLength(1)
    await page.keyboard.press('e')
    await clickAt(page, 300, 300)
    await page.waitForFunction(() => document.querySelector('[data-testid=page]')?.getAttribute('data-annotations') === '0')
    await until(async () => (await annotationsOf(copy.id)).length === 0)

    // a rectangle drawn by dragging, then selected on its edge and deleted with the keyboard
    await page.keyboard.press('r')
    await drawStroke(page, [[320, 380], [370, 420], [420, 460]])
    await until(async () => (await annotationsOf(copy.id)).some((a) => a.kind === 'rectangle'))
    const rectangle = (await annotationsOf(copy.id)).find((a) => a.kind === 'rectangle')
    expect(Math.abs(rectangle.geometry.width - 100)).toBeLessThan(2)
    expect(Math.abs(rectangle.geometry.height - 80)).toBeLessThan(2)
    await page.keyboard.press('v')
    // the click selects only once the page has the select tool, and Delete deletes only what is selected
    await page.waitForSelector('[data-testid=page][data-tool=select]')
    await clickAt(page, 320, 420)
    await page.waitForSelector('[data-testid=page]:not([data-selected=""])')
    await page.keyboard.press('Delete')
    await until(async () => (await annotationsOf(copy.id)).length === 0)

    // page navigation by keyboard
    await page.keyboard.press('ArrowRight')
    expect(await page.textContent('[data-testid=page-indicator]')).toBe('Page 2 / 4')
    await page.keyboard.press('ArrowLeft')

    // the comment bank: saved once, inserted with its points into the current question
    await page.fill('input[aria-label="Nouveau commentaire"]', 'Démarche juste, calcul faux')
    await page.fill('input[aria-label="Points"]', '1,5')
    await page.click('.bank-add button[type=submit]')
    await page.click('[data-question=Q2] .question-head')
    await page.click('.bank-item:has-text("Démarche juste")')
    await until(async () => {
      const grades = (await alice.request('GET', `/api/grades?where[copy][equals]=${copy.id}&depth=0`)).body.docs
      return grades.some((g: any) => g.questionKey === 'Q2' && g.points === 1.5 && g.comment === 'Démarche juste, calcul faux')
    })
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-total]')?.textContent?.includes('1,5'))

    // ...or dragged onto the page, where it becomes a comment bubble at the drop point
    const target = await page.locator('[data-testid=page]').boundingBox()
    const zoom = Number(await page.getAttribute('[data-testid=page]', 'data-zoom'))
    await page.dragAndDrop('.bank-item:has-text("Démarche juste")', '[data-testid=page]', { targetPosition: { x: 150 * zoom, y: 250 * zoom } })
    await until(async () => (await annotationsOf(copy.id)).some((a) => a.kind === 'comment'))
    const bubble = (await annotationsOf(copy.id)).find((a) => a.kind === 'comment')
    expect(bubble.text).toBe('Démarche juste, calcul faux')
    expect(Math.abs(bubble.geometry.x - 150)).toBeLessThan(3)
    expect(Math.abs(bubble.geometry.y - 250)).toBeLessThan(3)
    expect(target).not.toBeNull()

    // keyboard grading on the current question: "=" gives full marks
    await page.keyboard.press(']')
    await page.keyboard.press('=')
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-total]')?.textContent?.includes('4,5'))
    await settleAndClose(context)
  })
})
