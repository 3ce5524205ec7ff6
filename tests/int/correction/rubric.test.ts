import { withRubricTexts } from '../../../plugins/correction/services/rubricComments'
import { makeCopyPdf } from '../../e2e/portal/seed'
import { signIn, type ApiClient } from '../helpers/http'
import { useSeededApp } from '../helpers/seededApp'

// Issue 15, point 11: rubric items per exam and question, applied to grades whose points the server computes
// from them; new points for an item rewrite every grade applying it (totals follow, versions bump, markers
// kept); usage counts; the exam's correctors only; a finalized copy's mark never moves.
const ctx = useSeededApp()
let bob: ApiClient
let carol: ApiClient
let second: { id: number | string; anonymousId: string }

beforeAll(async () => {
  const { payload } = ctx.app.runtime
  await payload.update({ collection: 'exams', id: ctx.seed.maths.id, data: { correctors: [ctx.seed.alice.id, ctx.seed.bob.id] } as never })
  await payload.create({ collection: 'users', data: { email: 'carol@school.test', password: 'carol-password-1', role: 'teacher', name: 'Carol' } as never })
  second = (await payload.create({ collection: 'copies', data: { exam: ctx.seed.maths.id, status: 'ready', anonymousId: 'K-RUB2', pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never })) as never
  bob = await signIn({ baseUrl: ctx.app.baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
  carol = await signIn({ baseUrl: ctx.app.baseUrl, email: 'carol@school.test', password: 'carol-password-1' })
})

const item = async (client: ApiClient, questionKey: string, points: number, text: string) => {
  const created = await client.request('POST', '/api/rubric-items?depth=0', { exam: ctx.seed.maths.id, questionKey, points, text })
  expect(created.status).toBe(201)
  return created.body.doc
}
const grade = async (id: unknown) => (await ctx.alice.request('GET', `/api/grades/${id}?depth=0`)).body
const total = async (copy: unknown) => (await ctx.admin.request('GET', `/api/copies/${copy}?depth=0`)).body.total

describe('rubrics', () => {
  it('applies items with the points computed on the server, counts their uses, follows an item’s new points everywhere', async () => {
    const first = ctx.seed.mathsReady.id
    // Q1: 4 points by 0.5; Q3: 11 by 1.
    const unit = await item(ctx.alice, 'Q1', -1, 'Unité oubliée')
    const sign = await item(ctx.alice, 'Q1', -0.5, 'Erreur de signe')
    const method = await item(bob, 'Q3', 3, 'Bonne méthode')
    const slip = await item(bob, 'Q3', -1, 'Erreur de calcul')
    expect(unit.author).toBe(ctx.seed.alice.id)

    // Only deductions: from full marks. Points sent by the client are not trusted.
    const g1 = await ctx.alice.request('POST', '/api/grades?depth=0', { copy: first, questionKey: 'Q1', rubricItems: [unit.id], points: 4 })
    expect(g1.status).toBe(201)
    expect(g1.body.doc).toMatchObject({ points: 3, version: 1 })
    const g1b = await ctx.alice.request('PATCH', `/api/grades/${g1.body.doc.id}?depth=0`, { rubricItems: [unit.id, sign.id], version: 1 })
    expect(g1b.body.doc).toMatchObject({ points: 2.5, version: 2 })
    // Additions with a deduction among them: from zero.
    const g2 = await ctx.alice.request('POST', '/api/grades?depth=0', { copy: second.id, questionKey: 'Q3', rubricItems: [method.id, slip.id] })
    expect(g2.body.doc.points).toBe(2)
    const g3 = await ctx.alice.request('POST', '/api/grades?depth=0', { copy: second.id, questionKey: 'Q1', rubricItems: [unit.id] })
    expect(g3.body.doc.points).toBe(3)
    // A typed mark on a question with items is kept, as an adjustment on top of them.
    const typed = await ctx.alice.request('PATCH', `/api/grades/${g3.body.doc.id}?depth=0`, { points: 3.5, version: 1 })
    expect(typed.body.doc).toMatchObject({ points: 3.5, adjustment: 0.5 })
    expect([await total(first), await total(second.id)]).toEqual([2.5, 5.5])
    // An item of another question is refused.
    expect((await ctx.alice.request('PATCH', `/api/grades/${g1.body.doc.id}?depth=0`, { rubricItems: [method.id], version: 2 })).status).toBe(400)

    const uses = async () => Object.fromEntries(((await ctx.alice.request('GET', `/api/correction/exams/${ctx.seed.maths.id}/rubric`)).body.items as any[]).map((i) => [i.text, i.uses]))
    expect(await uses()).toEqual({ 'Unité oubliée': 2, 'Erreur de signe': 1, 'Bonne méthode': 1, 'Erreur de calcul': 1 })

    // Bob makes "unit forgotten" cost 2: both copies move, versions bump, Alice stays their marker.
    const edited = await bob.request('PATCH', `/api/rubric-items/${unit.id}?depth=0`, { points: -2, text: 'Unité oubliée (−2)' })
    expect(edited.status).toBe(200)
    expect(await grade(g1.body.doc.id)).toMatchObject({ points: 1.5, version: 3, corrector: ctx.seed.alice.id })
    expect(await grade(g3.body.doc.id)).toMatchObject({ points: 2.5, version: 3, corrector: ctx.seed.alice.id })
    expect([await total(first), await total(second.id)]).toEqual([1.5, 4.5])
    // A tab still on the version before that rewrite gets the usual 409, not a silent overwrite.
    expect((await ctx.alice.request('PATCH', `/api/grades/${g1.body.doc.id}?depth=0`, { points: 4, version: 2 })).status).toBe(409)
    expect((await uses())['Unité oubliée (−2)']).toBe(2)
  })

  it('keeps rubrics to the exam’s correctors, on the scale, and never moves a finalized copy’s mark', async () => {
    const exam = ctx.seed.maths.id
    expect((await carol.request('POST', '/api/rubric-items', { exam, questionKey: 'Q1', points: -1, text: 'x' })).status).toBe(403)
    expect((await carol.request('GET', `/api/correction/exams/${exam}/rubric`)).status).toBe(404)
    expect((await carol.request('GET', `/api/rubric-items?where[exam][equals]=${exam}`)).body.docs ?? []).toHaveLength(0)
    expect((await ctx.alice.request('POST', '/api/rubric-items', { exam, questionKey: 'Q9', points: -1, text: 'x' })).status).toBe(400)
    expect((await ctx.alice.request('POST', '/api/rubric-items', { exam, questionKey: 'Q1', points: -0.3, text: 'x' })).status).toBe(400)

    const { payload } = ctx.app.runtime
    const copy = (await payload.create({ collection: 'copies', data: { exam, status: 'ready', anonymousId: 'K-RUB3', pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never })) as any
    // A PDF, so the finalized copy has an annotated PDF to render again.
    const bytes = await makeCopyPdf({ pages: 1 })
    const pdf = await payload.create({ collection: 'media', data: { kind: 'copy-pdf', exam, copy: copy.id } as never, file: { data: bytes, mimetype: 'application/pdf', name: 'k-rub3.pdf', size: bytes.length } })
    await payload.update({ collection: 'copies', id: copy.id, data: { pdf: pdf.id } as never })
    const late = await item(ctx.alice, 'Q2', -1, 'Justification absente')
    const unused = await item(ctx.alice, 'Q2', -0.25, 'Rédaction')
    const applied = await ctx.alice.request('POST', '/api/grades?depth=0', { copy: copy.id, questionKey: 'Q2', rubricItems: [late.id] })
    // The whole answer, so a refusal says why.
    expect(applied).toMatchObject({ status: 201, body: { doc: { points: 4 } } })
    expect((await ctx.alice.request('PATCH', `/api/copies/${copy.id}`, { status: 'finalized' })).status).toBe(200)
    const refused = await ctx.alice.request('PATCH', `/api/rubric-items/${late.id}`, { points: -2 })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toContain('K-RUB3')
    expect((await grade(applied.body.doc.id)).points).toBe(4)
    // Its text may still be corrected; an item in use is not deleted, an unused one is.
    const renders = async () => (await ctx.app.runtime.agenda.queryJobs({ name: 'render-annotated-copy' })).jobs.filter((j: any) => String(j.data?.copyId) === String(copy.id)).length
    const before = await renders()
    expect((await ctx.alice.request('PATCH', `/api/rubric-items/${late.id}`, { text: 'Justification manquante' })).status).toBe(200)
    // Its annotated PDF is rendered again with the corrected text.
    expect(await renders()).toBe(before + 1)
    // What the student reads (published PDF, student space): the item as it reads now, above the comment.
    const [shown] = await withRubricTexts({ payload: ctx.app.runtime.payload, grades: [{ ...(await grade(applied.body.doc.id)), comment: 'Bien vu' }] })
    expect(shown!.comment).toBe('−1 Justification manquante\nBien vu')
    expect((await ctx.alice.request('DELETE', `/api/rubric-items/${late.id}`)).status).toBe(409)
    expect((await ctx.alice.request('DELETE', `/api/rubric-items/${unused.id}`)).status).toBe(200)
  })
})
