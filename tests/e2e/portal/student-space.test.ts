import fs from 'node:fs'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { startTestApp, type TestApp } from '../../int/helpers/app'
import { seedPublished, STUDENTS } from '../../int/student-space/seed'
import { ensureBuilt } from '../helpers/builds'
import { launchBrowser, settleAndClose } from './browser'

let app: TestApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedPublished>>

beforeAll(async () => {
  ensureBuilt({ portal: true })
  app = await startTestApp()
  seed = await seedPublished({ payload: app.runtime.payload, baseUrl: app.baseUrl })
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err))
  return { context, page }
}

const submit = async (page: Page, email: string, birthDate: string) => {
  await page.fill('input[name=email]', email)
  await page.fill('input[name=birthDate]', birthDate)
  // Waiting for the answer (not just the click) so a message left from the previous try is never read as this one's.
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/student-space/sign-in')), page.click('button[type=submit]')])
}

describe('the student space in the portal', () => {
  it('signs a student in, shows only her published copies with their grade, renders and downloads her copy', async () => {
    const { context, page } = await newPage()
    // from the staff sign-in page, the student link
    await page.goto(`${app.baseUrl}/portal/`)
    await page.click('[data-testid=student-space-link]')
    await page.waitForSelector('.student-sign-in h2:has-text("Connexion élève")')
    expect(new URL(page.url()).hash).toBe('#/student')

    // wrong birth date: a plain message, still on the form
    await submit(page, STUDENTS.aissatou.email, '2011-03-15')
    const wrong = await page.waitForSelector('[data-testid=student-sign-in-error][data-kind=wrong]')
    expect(await wrong.textContent()).toBe('Adresse e-mail ou date de naissance incorrecte.')

    await submit(page, STUDENTS.aissatou.email.toUpperCase(), STUDENTS.aissatou.birthDate)
    await page.waitForSelector('.student-page h1:has-text("Mes copies")')
    expect(await page.textContent('[data-testid=student-name]')).toBe("Aïssatou N'Diaye")
    // the session is an HttpOnly cookie: no script of the page can read it
    expect(await page.evaluate(() => document.cookie)).not.toContain('korrigo-student')
    expect((await context.cookies()).find((c) => c.name === 'korrigo-student')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })

    // her two published copies, not Bastien's, not her unpublished ones
    await page.waitForSelector('.student-copy')
    const shown = await page.locator('.student-copy').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-copy')))
    expect(shown.sort()).toEqual([String(seed.mathsReady.id), String(seed.physicsCopy.id)].sort())
    const maths = page.locator(`.student-copy[data-copy="${seed.mathsReady.id}"]`)
    expect(await maths.locator('[data-testid=student-grade]').textContent()).toBe('5,75 / 20')
    expect(await maths.locator('[data-question=Q1]').textContent()).toContain('Très bien rédigé')
    expect(await page.textContent('.student-copies')).not.toContain('Revoir le cours') // Bastien's comment
    expect(await page.locator(`.student-copy[data-copy="${seed.physicsCopy.id}"] [data-testid=student-open-copy]`).count()).toBe(0)

    // the annotated copy in the browser: every page painted by pdf.js
    await maths.locator('[data-testid=student-open-copy]').click()
    await page.waitForSelector('[data-testid=student-page] canvas.pdf-canvas[data-rendered]')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=student-page] canvas.pdf-canvas[data-rendered]').length === document.querySelectorAll('[data-testid=student-page]').length,
    )
    expect(await page.locator('[data-testid=student-page]').count()).toBe(3) // two scanned pages + the grade summary
    expect(await page.textContent('[data-testid=student-viewer-grade]')).toBe('Note : 5,75 / 20')
    // something was drawn: the first page is not a blank white canvas
    const inked = await page.$eval('[data-testid=student-page] canvas.pdf-canvas', (canvas) => {
      const c = canvas as HTMLCanvasElement
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 1] < 128 && data[i + 2] < 128) dark++
      return dark
    })
    expect(inked).toBeGreaterThan(200)

    // download: the PDF itself, under a readable name
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=student-download]')])
    expect(download.suggestedFilename()).toBe('Maths-controle-1_N-Diaye_Aissatou.pdf')
    const bytes = fs.readFileSync((await download.path())!)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    // another student's copy, by its id in the address bar or straight from the API: nothing
    await page.goto(`${app.baseUrl}/portal/#/student/copy/${seed.bastienMaths.id}`)
    await page.waitForSelector('[role=alert]:has-text("Cette copie n’existe pas ou n’est pas publiée.")')
    expect(await page.locator('[data-testid=student-page]').count()).toBe(0)
    const direct = await page.evaluate(async (id) => (await fetch(`/api/student-space/copies/${id}/pdf`)).status, seed.bastienMaths.id)
    expect(direct).toBe(404)

    // English on request, then sign out: a reload stays signed out
    await page.goto(`${app.baseUrl}/portal/#/student`)
    await page.waitForSelector('.student-page h1:has-text("Mes copies")')
    await page.click('[data-testid=language-toggle]')
    await page.waitForSelector('.student-page h1:has-text("My copies")')
    await page.click('[data-testid=student-sign-out]')
    await page.waitForSelector('.student-sign-in h2:has-text("Student sign-in")')
    await page.reload()
    await page.waitForSelector('.student-sign-in h2:has-text("Student sign-in")')
    expect((await context.cookies()).find((c) => c.name === 'korrigo-student')).toBeUndefined()
    await settleAndClose(context)
  })

  it('tells a student who keeps guessing that sign-in is locked, and stays locked for the right date', async () => {
    const { context, page } = await newPage()
    await page.goto(`${app.baseUrl}/portal/#/student`)
    for (let day = 1; day <= 4; day++) {
      await submit(page, STUDENTS.chloe.email, `2011-01-0${day}`)
      await page.waitForSelector('[data-testid=student-sign-in-error][data-kind=wrong]')
    }
    await submit(page, STUDENTS.chloe.email, '2011-01-05')
    const locked = await page.waitForSelector('[data-testid=student-sign-in-error][data-kind=locked]')
    expect(await locked.textContent()).toBe('Trop de tentatives échouées : la connexion est bloquée. Réessayez dans 15 min.')
    await submit(page, STUDENTS.chloe.email, STUDENTS.chloe.birthDate)
    await page.waitForSelector('[data-testid=student-sign-in-error][data-kind=locked]')
    expect(await page.locator('.student-page').count()).toBe(0)
    await settleAndClose(context)
  })
})
