import { useSeededApp } from '../helpers/seededApp'

// Issue 15, points 3 and 5: grades are versioned like annotations, a second writer gets a 409 with the grade
// as stored (never the unique index as a field error), and a refused mark is explained in the language asked.
const ctx = useSeededApp()

/** Alice's REST calls with the language her screen speaks. */
const as = (language: 'fr' | 'en') => async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${ctx.app.baseUrl}${path}`, {
    method,
    headers: { authorization: `JWT ${ctx.alice.token}`, 'content-type': 'application/json', 'accept-language': language },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as any }
}
const fr = as('fr')
const en = as('en')

describe('two sessions writing the same grade', () => {
  it('answers 409 with the stored grade to a second create of the same question, and keeps the first', async () => {
    const copy = ctx.seed.mathsReady.id
    const first = await fr('POST', '/api/grades?depth=0', { copy, questionKey: 'Q1', points: 2 })
    expect(first.status).toBe(201)
    expect(first.body.doc.version).toBe(1)

    const second = await fr('POST', '/api/grades?depth=0', { copy, questionKey: 'Q1', points: 3 })
    expect(second.status).toBe(409)
    expect(second.body.errors[0].message).toBe('La question Q1 a déjà été notée dans une autre session (2)')
    expect(second.body.errors[0].data).toMatchObject({ code: 'conflict', current: { id: first.body.doc.id, points: 2, version: 1 } })
    expect(JSON.stringify(second.body)).not.toMatch(/copy_id|question_key/)
    expect((await fr('GET', `/api/grades/${first.body.doc.id}?depth=0`)).body.points).toBe(2)
    expect((await fr('GET', `/api/copies/${copy}?depth=0`)).body.total).toBe(2)
  })

  it('answers 409 to an edit made on an older version, and bumps the version of each accepted edit', async () => {
    const copy = ctx.seed.mathsReady.id
    const created = await en('POST', '/api/grades?depth=0', { copy, questionKey: 'Q2', points: 1 })
    expect(created.status).toBe(201)
    const id = created.body.doc.id

    const tabA = await en('PATCH', `/api/grades/${id}?depth=0`, { points: 2, version: 1 })
    expect(tabA.status).toBe(200)
    expect(tabA.body.doc.version).toBe(2)

    // Tab B still holds version 1.
    const tabB = await en('PATCH', `/api/grades/${id}?depth=0`, { points: 4, version: 1 })
    expect(tabB.status).toBe(409)
    expect(tabB.body.errors[0].message).toBe('The grade of question Q2 was changed in another session (it is now 2)')
    expect(tabB.body.errors[0].data.current).toMatchObject({ id, points: 2, version: 2 })
    expect((await en('GET', `/api/grades/${id}?depth=0`)).body).toMatchObject({ points: 2, version: 2 })

    // Tab B chose "keep mine": it now writes on version 2.
    const kept = await en('PATCH', `/api/grades/${id}?depth=0`, { points: 4, version: 2 })
    expect(kept.status).toBe(200)
    expect(kept.body.doc).toMatchObject({ points: 4, version: 3 })
    // A writer that names no version (the admin's form, a script) still writes, and bumps it.
    const blind = await en('PATCH', `/api/grades/${id}?depth=0`, { points: 4.5 })
    expect(blind.status).toBe(200)
    expect(blind.body.doc.version).toBe(4)
  })

  it('lets exactly one of several sessions saving the same version at the same moment win', async () => {
    const copy = ctx.seed.mathsReady.id
    const created = await en('POST', '/api/grades?depth=0', { copy, questionKey: 'Q3', points: 1 })
    const id = created.body.doc.id
    // Six tabs all holding version 1 save at once: without the row held during each save, several read
    // version 1, pass the check and overwrite one another.
    const saves = await Promise.all([2, 3, 4, 5, 6, 7].map((points) => en('PATCH', `/api/grades/${id}?depth=0`, { points, version: 1 })))
    const won = saves.filter((s) => s.status === 200)
    expect(won).toHaveLength(1)
    expect(saves.filter((s) => s.status === 409)).toHaveLength(5)
    const stored = (await en('GET', `/api/grades/${id}?depth=0`)).body
    expect(stored).toMatchObject({ points: won[0]!.body.doc.points, version: 2 })
    expect((await en('GET', `/api/copies/${copy}?depth=0`)).body.total).toBe(stored.points + 2 + 4.5)
  })
})

describe('a refused mark says why, in the language asked', () => {
  it.each([
    ['fr', 99, 'Question Q2 (Exercice 2) : 99 dépasse le maximum de 5', { code: 'aboveMax', points: 99, max: 5, question: 'Q2' }],
    ['en', 99, 'Question Q2 (Exercice 2): 99 is above the maximum of 5', { code: 'aboveMax' }],
    ['fr', 1.3, 'Question Q2 (Exercice 2) : 1,3 n’est pas un multiple du pas de 0,25', { code: 'offStep', step: 0.25 }],
    ['en', 1.3, 'Question Q2 (Exercice 2): 1.3 is not a multiple of the step 0.25', { code: 'offStep' }],
  ] as const)('%s: %s', async (language, points, message, data) => {
    const refused = await as(language)('POST', '/api/grades', { copy: ctx.seed.mathsReady.id, questionKey: 'Q2', points })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toBe(message)
    expect(refused.body.errors[0].data).toMatchObject(data)
  })
})

describe('a refused rubric item says why, in the language asked (issue 15, point 5)', () => {
  it.each([
    ['fr', { questionKey: 'Q2', points: 9, text: 'Tout juste' }, 'Critère : 9 dépasse les 5 points de Q2'],
    ['en', { questionKey: 'Q2', points: 9, text: 'Tout juste' }, 'Rubric item: 9 is beyond the 5 points of Q2'],
    ['fr', { questionKey: 'Q2', points: -1.3, text: 'Signe' }, 'Critère : -1,3 n’est pas un multiple du pas de 0,25 de Q2'],
    ['en', { questionKey: 'Q2', points: -1.3, text: 'Signe' }, 'Rubric item: -1.3 is not a multiple of the step 0.25 of Q2'],
    ['fr', { questionKey: 'Q9', points: 1, text: 'Hors barème' }, 'La question « Q9 » n’est pas dans le barème de l’examen'],
    ['fr', { questionKey: 'Q2', points: 1, text: '   ' }, 'Un critère doit avoir un texte'],
    ['en', { questionKey: 'Q2', points: 1, text: '   ' }, 'A rubric item needs a text'],
  ] as const)('%s: %j', async (language, item, message) => {
    const refused = await as(language)('POST', '/api/rubric-items', { exam: ctx.seed.maths.id, ...item })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toBe(message)
  })
})
