import type { Browser, Page } from 'playwright-core'
import type { Payload } from 'payload'

import { signIn } from '../../int/helpers/http'
import { signInThroughUi } from './browser'
import { PASSWORDS, SCALE, seedMarking } from './seed'

/**
 * A marking day, scripted: a generated class, its copies shared between Alice and Bob, a rubric per
 * question, and each teacher marking their whole share from the keyboard only (one key per rubric item, `]`
 * to the next question, Ctrl+Enter to finalize and land on the next copy). Used by the 30-copy e2e test and
 * by `bench/portal.ts`, which prints what it measures.
 */

/** Rubric items per question, in the order the panel numbers them (keys 1, 2, 3). */
export const RUBRIC: Record<string, { points: number; text: string }[]> = {
  Q1: [
    { points: -1, text: 'Unité oubliée' },
    { points: -0.5, text: 'Erreur de signe' },
    { points: 2, text: 'Raisonnement juste' },
  ],
  Q2: [
    { points: 3, text: 'Méthode correcte' },
    { points: 1.5, text: 'Calcul abouti' },
    { points: -1, text: 'Justification absente' },
  ],
  Q3: [
    { points: 1, text: 'Schéma' },
    { points: 2, text: 'Conclusion' },
    { points: -1, text: 'Hors sujet' },
  ],
}

/** Which items (1-based keys) copy n gets on each question: varied, and the same in the test and the bench. */
export const keysFor = (n: number): Record<string, number[]> => ({ Q1: [1 + (n % 2)], Q2: n % 3 === 0 ? [1, 3] : [1, 2], Q3: [1 + (n % 3)] })

const snap = (v: number, step: number) => Math.round(Math.round(v / step) * step * 1e6) / 1e6

/** The mark the server must compute for copy n (from full marks when every applied item deducts). */
export const expectedTotal = (n: number): number =>
  SCALE.reduce((sum, q) => {
    const items = keysFor(n)[q.key]!.map((k) => RUBRIC[q.key]![k - 1]!)
    const base = items.every((i) => i.points < 0) ? q.maxPoints : 0
    return sum + Math.min(q.maxPoints, Math.max(0, snap(base + items.reduce((s, i) => s + i.points, 0), q.step)))
  }, 0)

export const seedMarkingDay = async ({ payload, baseUrl, copies }: { payload: Payload; baseUrl: string; copies: number }) => {
  const seed = await seedMarking({ payload, copies, pages: 1 })
  const admin = await signIn({ baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  const alice = await signIn({ baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
  await payload.update({ collection: 'exams', id: seed.exam.id, data: { doubleMarking: false } as never })
  const shared = await admin.request('PUT', `/api/distribution/exams/${seed.exam.id}`, { mode: 'copies', seed: 'marking-day', correctors: [{ id: seed.alice.id }, { id: seed.bob.id }] })
  if (shared.status !== 200) throw new Error(`distribution refused: ${JSON.stringify(shared.body)}`)
  for (const [questionKey, items] of Object.entries(RUBRIC))
    for (const item of items) {
      const made = await alice.request('POST', '/api/rubric-items', { exam: seed.exam.id, questionKey, ...item })
      if (made.status !== 201) throw new Error(`rubric item refused: ${JSON.stringify(made.body)}`)
    }
  return seed
}

export type TeacherRun = { who: string; copies: string[]; keystrokes: number[]; copyMs: number[]; saveMs: number[]; failures: number }

const WRITES = /\/api\/(grades|copies|annotations)(\/|\?|$)/

/**
 * One teacher's session: sign in, N on the list opens the first copy still to mark, then copy after copy
 * until the portal brings them back to the list. Per copy: the keys pressed, and the time from the copy being
 * ready to the next one being ready (the script never pauses, so it is the browser's and the server's time,
 * no thinking). Every write's latency (request sent → answer received) is kept.
 */
export const markShare = async ({ browser, baseUrl, who, anonymousIndex }: { browser: Browser; baseUrl: string; who: 'alice' | 'bob'; anonymousIndex: (anonymousId: string) => number }): Promise<TeacherRun> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  page.on('pageerror', (err) => console.error(`${who}: page error:`, err))
  const run: TeacherRun = { who, copies: [], keystrokes: [], copyMs: [], saveMs: [], failures: 0 }
  page.on('requestfinished', (request) => {
    if (request.method() === 'GET' || !WRITES.test(request.url())) return
    const timing = request.timing()
    if (timing.responseEnd > 0) run.saveMs.push(timing.responseEnd)
  })
  await signInThroughUi({ page, baseUrl, email: `${who}@school.test`, password: PASSWORDS[who] })
  await page.waitForSelector('.exams-page [data-testid=next-to-mark]:not([disabled])')
  let keys = 0
  const press = async (key: string) => {
    keys++
    await page.keyboard.press(key)
  }
  await press('n')
  let previous: string | null = null
  let readyAt = 0
  for (;;) {
    // The next copy (or the list, once the share is done) replaces the previous one. A CI machine running
    // three other browser tests beside this one once took over a minute for one copy.
    await page
      .waitForFunction((prev) => {
        const shown = document.querySelector('.workspace')?.getAttribute('data-copy')
        return Boolean(document.querySelector('.exams-page')) || (shown && shown !== prev && document.querySelector('.page canvas.pdf-canvas[data-rendered]') && document.querySelector('[data-testid=rubric] .rubric-item'))
      }, previous, { timeout: 240_000 })
      .catch(async (error: Error) => {
        // A stalled flow says what the teacher would see: which copy, and the page's messages.
        const shown = await page.getAttribute('.workspace', 'data-copy').catch(() => 'none')
        const text = (await page.textContent('body').catch(() => ''))?.replace(/\s+/g, ' ').slice(0, 1500)
        throw new Error(`${who}: after copy ${previous ?? '(start)'} the portal shows copy ${shown}, rendered ${await page.locator('.page canvas.pdf-canvas[data-rendered]').count()}; page text: ${text}\n${error.message}`)
      })
    const now = Date.now()
    if (previous !== null) {
      run.copyMs.push(now - readyAt)
      run.keystrokes.push(keys)
    }
    if (await page.locator('.exams-page').count()) break
    readyAt = now
    keys = 0
    previous = (await page.getAttribute('.workspace', 'data-copy'))!
    const n = anonymousIndex((await page.textContent('[data-testid=anonymous-id]'))!)
    run.copies.push(previous)
    const plan = keysFor(n)
    for (const [index, q] of SCALE.entries()) {
      if (index > 0) await press(']')
      for (const key of plan[q.key]!) await press(String(key))
    }
    await press('Control+Enter')
  }
  // The last finalizations leave when their undo window closes; the toast stays until the server answered.
  await page.waitForSelector('[data-testid=finalize-toast]', { state: 'detached' })
  run.failures = await page.locator('[data-testid=finalize-failed]').count()
  await context.close()
  return run
}

export const quantile = (values: number[], q: number) => (values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]! : Number.NaN)
export const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length
