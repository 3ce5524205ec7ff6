import type { Browser, BrowserContext, Page } from 'playwright-core'

import { startTestApp, type TestApp } from '../../int/helpers/app'
import { signIn, type ApiClient } from '../../int/helpers/http'
import { waitFor } from '../../int/helpers/wait'
import { clickAt, ensurePortalBuilt, launchBrowser, settleAndClose, signInThroughUi, waitForPage } from '../portal/browser'
import { makeCopyPdf, SCALE } from '../portal/seed'

/**
 * Distribution end to end in the browser: the built portal, the real server, two teachers each in their own
 * session. The admin's settings go through the same endpoint the admin's Distribution tab calls.
 */
let app: TestApp
let browser: Browser
let admin: ApiClient
let users: Record<'alice' | 'bob', { id: number }>

const PASSWORD = { alice: 'alice-password-1', bob: 'bob-password-1' }

beforeAll(async () => {
  ensurePortalBuilt()
  app = await startTestApp()
  const payload = app.runtime.payload
  await payload.create({ collection: 'users', data: { email: 'admin@school.test', password: 'admin-password-1', role: 'admin', name: 'Admin' } })
  users = {
    alice: (await payload.create({ collection: 'users', data: { email: 'alice@school.test', password: PASSWORD.alice, role: 'teacher', name: 'Alice Martin' } })) as never,
    bob: (await payload.create({ collection: 'users', data: { email: 'bob@school.test', password: PASSWORD.bob, role: 'teacher', name: 'Bob Durand' } })) as never,
  }
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  browser = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
}, 120_000)

/** An exam marked by Alice and Bob, its copies holding a generated PDF, redacted and ready to mark. */
const seedExam = async ({ title, copies }: { title: string; copies: number }) => {
  const payload = app.runtime.payload
  const exam = await payload.create({ collection: 'exams', data: { title, className: '3e B', gradingScale: SCALE, correctors: [users.alice.id, users.bob.id], status: 'marking' } })
  const bytes = await makeCopyPdf({ pages: 2 })
  const made = []
  for (let i = 1; i <= copies; i++) {
    const copy = await payload.create({ collection: 'copies', data: { exam: exam.id, status: 'ready', anonymousId: `K-E${exam.id}-${i}` } as never })
    const media = await payload.create({ collection: 'media', data: { kind: 'copy-pdf', exam: exam.id, copy: copy.id } as never, file: { data: bytes, mimetype: 'application/pdf', name: `copy-${exam.id}-${i}.pdf`, size: bytes.length } })
    made.push(await payload.update({ collection: 'copies', id: copy.id, data: { pdf: media.id } as never, depth: 0 }))
  }
  for (const copy of made)
    await waitFor('redacted scan', async () => ((await payload.findByID({ collection: 'copies', id: copy.id, overrideAccess: true, depth: 0 })) as any).redaction?.status === 'done' || undefined, 120_000)
  return { exam, copies: made }
}

const distribute = async (examId: unknown, settings: Record<string, unknown>) => {
  const answer = await admin.request('PUT', `/api/distribution/exams/${examId}`, settings)
  if (answer.status !== 200) throw new Error(`distribution refused: ${JSON.stringify(answer.body)}`)
  return answer.body
}

const t0 = Date.now()
const step = (what: string) => console.log(`[e2e ${Math.round((Date.now() - t0) / 1000)}s] ${what}`)

const session = async (who: 'alice' | 'bob'): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  // Two browsers and the server share a small machine with other test runs: allow for slow paints.
  page.setDefaultTimeout(90_000)
  page.on('pageerror', (err) => console.error(`${who}: page error:`, err))
  await signInThroughUi({ page, baseUrl: app.baseUrl, email: `${who}@school.test`, password: PASSWORD[who] })
  return { context, page }
}

const listed = (page: Page, examId: unknown) => page.locator(`section[data-exam="${examId}"] tr[data-copy]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-copy')))

/** Types points and waits until the server holds them (the page saves on Enter, in the background). */
const givePoints = async (page: Page, question: string, points: string) => {
  const copy = await page.getAttribute('.workspace', 'data-copy')
  await page.fill(`[data-testid=points-${question}]`, points)
  await page.press(`[data-testid=points-${question}]`, 'Enter')
  await waitFor(`points ${points} for ${question}`, async () => {
    const found = await app.runtime.payload.find({ collection: 'grades', where: { and: [{ copy: { equals: copy } }, { questionKey: { equals: question } }, { points: { equals: Number(points) } }] }, overrideAccess: true })
    return found.totalDocs > 0 ? true : undefined
  })
}

/** The portal moves on at once and sends the finalization when its undo toast goes (the callers then poll the server). */
const finalizeInUi = async (page: Page) => {
  const copy = await page.getAttribute('.workspace', 'data-copy')
  await page.click('button.finalize')
  await page.waitForSelector(`[data-testid=finalize-toast][data-copy="${copy}"]`)
  await page.waitForSelector(`[data-testid=finalize-toast][data-copy="${copy}"]`, { state: 'detached' })
}

const stored = (id: unknown) => app.runtime.payload.findByID({ collection: 'copies', id: id as number, overrideAccess: true, depth: 0 }) as Promise<any>

describe('distribution in the portal, two teachers at once', () => {
  it('by copy: each teacher lists and opens only their copies; what one marks, the other never sees', async () => {
    const { exam, copies } = await seedExam({ title: 'Par copie', copies: 4 })
    step('seeded')
    await distribute(exam.id, { mode: 'copies', seed: 'e2e', correctors: [{ id: users.alice.id }, { id: users.bob.id }] })
    const [a, b] = await Promise.all([session('alice'), session('bob')])
    step('signed in')
    await a.page.waitForSelector(`section[data-exam="${exam.id}"] tr[data-copy]`)
    await b.page.waitForSelector(`section[data-exam="${exam.id}"] tr[data-copy]`)
    const mine = { alice: await listed(a.page, exam.id), bob: await listed(b.page, exam.id) }
    expect([mine.alice.length, mine.bob.length]).toEqual([2, 2])
    expect(new Set([...mine.alice, ...mine.bob]).size).toBe(4)
    expect(await a.page.textContent(`section[data-exam="${exam.id}"] [data-testid=share-summary]`)).toContain('2 copie')

    // Alice marks her first copy and finalizes it: the copy is done (by copy, one marker).
    await a.page.click(`tr[data-copy="${mine.alice[0]}"] a`)
    await waitForPage(a.page, mine.alice[0]!)
    step('alice opened her copy')
    await givePoints(a.page, 'Q1', '3')
    await finalizeInUi(a.page)
    step('alice finalized')
    await waitFor('copy finalized', async () => ((await stored(mine.alice[0])).status === 'finalized' ? true : undefined))

    // Bob types the address of Alice's copy: it is not his to open.
    await b.page.goto(`${app.baseUrl}/portal/#/copy/${mine.alice[1]}`)
    await b.page.waitForSelector('.page-error')
    expect(await b.page.textContent('.page-error')).toMatch(/404|introuvable|pas trouvé|not found/i)
    await b.page.goto(`${app.baseUrl}/portal/#/copy/${mine.bob[0]}`)
    await waitForPage(b.page, mine.bob[0]!)
    expect(await b.page.textContent('[data-testid=copy-total]')).toContain('0')
    await Promise.all([settleAndClose(a.context), settleAndClose(b.context)])
    void copies
  }, 600_000)

  it('by question: each marks their questions on every copy, going from copy to copy on the same question', async () => {
    const { exam, copies } = await seedExam({ title: 'Par question', copies: 3 })
    await distribute(exam.id, { mode: 'questions', correctors: [{ id: users.alice.id, questions: ['Q1', 'Q2'] }, { id: users.bob.id, questions: ['Q3'] }] })
    const [a, b] = await Promise.all([session('alice'), session('bob')])
    for (const s of [a, b]) await s.page.waitForSelector(`section[data-exam="${exam.id}"] tr[data-copy]`)
    expect(await listed(a.page, exam.id)).toHaveLength(3)
    expect(await listed(b.page, exam.id)).toHaveLength(3)

    // Bob starts on Q3 and walks the class on it: only Q3 is on his panel.
    await b.page.click(`section[data-exam="${exam.id}"] [data-testid=start-question-Q3]`)
    const seen: string[] = []
    for (let i = 0; i < copies.length; i++) {
      await b.page.waitForSelector('.workspace [data-testid=points-Q3]')
      const copyId = (await b.page.getAttribute('.workspace', 'data-copy'))!
      await waitForPage(b.page, copyId)
      expect(await b.page.locator('[data-testid=points-Q1]').count()).toBe(0)
      seen.push(copyId)
      await givePoints(b.page, 'Q3', String(i + 1))
      await b.page.waitForSelector(`[data-testid=next-on-question][data-left="${copies.length - i - 1}"]`)
      if (i < copies.length - 1) await b.page.click('[data-testid=next-on-question] button')
      if (i < copies.length - 1) await b.page.waitForFunction((prev) => document.querySelector('.workspace')?.getAttribute('data-copy') !== prev, copyId)
    }
    expect(new Set(seen).size).toBe(copies.length)
    expect(await b.page.isDisabled('[data-testid=next-on-question] button')).toBe(true)

    // Alice meanwhile marks Q1 on the copies from her list, then Q2 on one; she never sees Bob's Q3.
    await a.page.click(`section[data-exam="${exam.id}"] [data-testid=start-question-Q1]`)
    await a.page.waitForSelector('.workspace [data-testid=points-Q1]')
    const first = (await a.page.getAttribute('.workspace', 'data-copy'))!
    await waitForPage(a.page, first)
    expect(await a.page.locator('[data-testid=points-Q3]').count()).toBe(0)
    await givePoints(a.page, 'Q1', '2')
    await givePoints(a.page, 'Q2', '4')
    // Her total is her part's: Q1 + Q2 out of their 9 points (Bob's Q3 is not hers to see).
    await a.page.waitForFunction(() => /6\s*\/\s*9/.test(document.querySelector('[data-testid=copy-total]')?.textContent ?? ''))
    await finalizeInUi(a.page)
    // Bob's part of that copy is done too only when he finalizes it: then the copy is finalized with both parts.
    await b.page.goto(`${app.baseUrl}/portal/#/copy/${first}`)
    await waitForPage(b.page, first)
    expect((await stored(first)).status).toBe('marking')
    await finalizeInUi(b.page)
    await waitFor('both parts', async () => ((await stored(first)).status === 'finalized' ? true : undefined))
    const total = (await stored(first)).total
    expect(total).toBe(6 + seen.indexOf(first) + 1)
    const progress = (await admin.request('GET', `/api/distribution/exams/${exam.id}`)).body
    expect(progress.questions.map((q: any) => [q.key, q.graded])).toEqual([['Q1', 1], ['Q2', 1], ['Q3', 3]])
    await Promise.all([settleAndClose(a.context), settleAndClose(b.context)])
  }, 600_000)

  it('double-blind: both mark the same copy without seeing each other; a disagreement goes to the admin, who decides', async () => {
    const { exam, copies } = await seedExam({ title: 'Double aveugle', copies: 1 })
    await distribute(exam.id, { mode: 'copies', doubleBlind: true, thresholdTotal: 2, arbitration: 'admin', correctors: [{ id: users.alice.id }, { id: users.bob.id }] })
    const copy = copies[0]!.id
    const [a, b] = await Promise.all([session('alice'), session('bob')])
    for (const s of [a, b]) {
      await s.page.goto(`${app.baseUrl}/portal/#/copy/${copy}`)
      await waitForPage(s.page, copy)
    }
    // Alice ticks and gives points; Bob, on the same copy at the same time, sees none of it.
    await a.page.keyboard.press('k')
    await clickAt(a.page, 300, 300)
    await a.page.waitForSelector('[data-testid=save-state][data-status=saved]')
    for (const [q, p] of [['Q1', '4'], ['Q2', '5'], ['Q3', '3']]) await givePoints(a.page, q!, p!)
    await b.page.reload()
    await waitForPage(b.page, copy)
    expect(await b.page.getAttribute('[data-testid=page]', 'data-annotations')).toBe('0')
    expect(await b.page.inputValue('[data-testid=points-Q1]')).toBe('')
    expect(await b.page.textContent('[data-testid=copy-total]')).toMatch(/^[^1-9]*0\s*\//)
    for (const [q, p] of [['Q1', '1'], ['Q2', '1'], ['Q3', '0']]) await givePoints(b.page, q!, p!)
    await a.page.reload()
    await waitForPage(a.page, copy)
    expect(await a.page.inputValue('[data-testid=points-Q1]')).toBe('4')
    await finalizeInUi(a.page)
    await finalizeInUi(b.page)

    // 12 against 2: flagged, no published total; both markings kept; the admin keeps Bob's.
    const flagged = await waitFor('flagged', async () => ((await stored(copy)).markingReview?.state === 'flagged' ? stored(copy) : undefined))
    expect([flagged.status, flagged.total]).toEqual(['marking', null])
    const progress = (await admin.request('GET', `/api/distribution/exams/${exam.id}`)).body
    const review = progress.review.find((r: any) => String(r.id) === String(copy))
    expect(review.detail.totals).toEqual(expect.objectContaining({}))
    expect(Object.values(review.detail.totals).sort()).toEqual([12, 2])
    const bobs = (await app.runtime.payload.find({ collection: 'assignments', where: { and: [{ copy: { equals: copy } }, { corrector: { equals: users.bob.id } }] }, overrideAccess: true })).docs[0] as any
    expect((await admin.request('POST', `/api/distribution/copies/${copy}/decide`, { marking: bobs.marking })).status).toBe(200)
    const decided = await stored(copy)
    expect([decided.status, decided.total]).toEqual(['finalized', 2])
    expect((await app.runtime.payload.count({ collection: 'grades', where: { copy: { equals: copy } }, overrideAccess: true })).totalDocs).toBe(6)
    await Promise.all([settleAndClose(a.context), settleAndClose(b.context)])
  }, 600_000)
})
