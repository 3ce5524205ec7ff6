import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import { getBatch } from '../../fixtures/scans'
import { useSeededApp } from '../helpers/seededApp'
import { uploadBatch, waitForBatch } from '../helpers/scans'
import { CLASS, csvOf, rosterFor, scoreIdentification, waitForIdentification } from './helpers'
import { CUT_AND_NAME_JOBS } from '../helpers/jobs'

const ctx = useSeededApp({ jobs: CUT_AND_NAME_JOBS })

const rosterForm = (bytes: Uint8Array, fields: Record<string, string> = {}) => {
  const form = new FormData()
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' }), 'classe.csv')
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return form
}

describe('roster import', () => {
  it('reads an awkward Windows-1252 CSV, reports bad rows by line, and updates on re-import', async () => {
    const csv = [
      'Nom;Prénom;Né(e) le;Classe;Email',
      'LEFÈVRE;Chloé;14/03/2008;Terminale B;chloe@eleve.test',
      'NOËL;Anaïs;1/2/2008;Terminale B;',
      ';Sans Nom;02/02/2008;Terminale B;',
      'GARÇON;Loïc;31/02/2008;Terminale B;',
      'PETIT;Zoé;03-04-2008;Terminale B;pas-un-email',
      '',
    ].join('\r\n')
    const cp1252 = new Uint8Array(Buffer.from(csv, 'latin1'))
    const first = await ctx.admin.request('POST', '/api/identification/roster', rosterForm(cp1252))
    expect(first.status).toBe(200)
    expect(first.body.meta).toMatchObject({ encoding: 'windows-1252', delimiter: ';' })
    expect(first.body.created).toBe(2)
    expect(first.body.errors.map((e: any) => [e.line, e.reason])).toEqual([
      [4, 'missing_last_name'],
      [5, 'invalid_date'],
      [6, 'invalid_email'],
    ])
    const chloe = await ctx.app.runtime.payload.find({ collection: 'students', where: { lastName: { equals: 'LEFÈVRE' } }, overrideAccess: true })
    expect(chloe.docs).toHaveLength(1)
    expect(chloe.docs[0]).toMatchObject({ firstName: 'Chloé', birthDate: '2008-03-14', className: 'Terminale B' })

    // UTF-8 with a BOM, the same students with their e-mail and a class override: updates, no duplicates.
    const again = 'Nom;Prénom;Né(e) le;Classe;Mail\nLEFÈVRE;Chloé;14/03/2008;TB;chloe@eleve.test\nNOËL;Anaïs;01/02/2008;TB;anais@eleve.test\n'
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(again)])
    const second = await ctx.admin.request('POST', '/api/identification/roster', rosterForm(bom, { _payload: JSON.stringify({ className: 'Terminale C' }) }))
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ created: 0, updated: 2, errors: [] })
    const noel = await ctx.app.runtime.payload.find({ collection: 'students', where: { lastName: { equals: 'NOËL' } }, overrideAccess: true })
    expect(noel.docs).toHaveLength(1)
    expect(noel.docs[0]).toMatchObject({ birthDate: '2008-02-01', email: 'anais@eleve.test', className: 'Terminale C' })

    const unreadable = await ctx.admin.request('POST', '/api/identification/roster', rosterForm(new TextEncoder().encode('foo,bar\n1,2\n')))
    expect(unreadable.status).toBe(422)
  })
})

describe('identify-exam on an uploaded batch', () => {
  it('names copies automatically without a wrong name, leaves the unnamed copy for review, and lets an ctx.admin finish by hand', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const { students, absentees } = rosterFor({ truth, absent: 3 })
    const imported = await ctx.admin.request('POST', '/api/identification/roster', rosterForm(new TextEncoder().encode(csvOf(students))))
    expect(imported.body.created).toBe(students.length)

    const exam = await ctx.app.runtime.payload.create({ collection: 'exams', data: { title: 'Maths TB', className: CLASS, layout: 'a4', correctors: [ctx.seed.alice.id] } as never })
    const batch = await uploadBatch({ client: ctx.admin, exam: exam.id, name: 'tb.pdf', bytes })
    await waitForBatch({ payload: ctx.app.runtime.payload, id: batch.id })
    const t0 = Date.now()
    const copies = await waitForIdentification({ payload: ctx.app.runtime.payload, exam: exam.id })
    const score = await scoreIdentification({ payload: ctx.app.runtime.payload, copies, truth })
    console.log(`a4-mini: precision ${score.precision}, coverage ${score.right}/${score.named}, ${((Date.now() - t0) / 1000 / copies.length).toFixed(2)} s/copy (incl. engine start)`, score.wrongs)
    expect(score.wrong).toBe(0)
    const unnamed = truth.copies.findIndex((c) => !c.student)
    expect(copies[unnamed].identification.status).toBe('needs_review')
    expect(copies[unnamed].student ?? null).toBeNull()
    for (const copy of copies) {
      expect(copy.identification.readings).toBeTruthy()
      expect(copy.identification.headerCrop).toBeTruthy()
      if (copy.identification.status === 'identified') expect(copy.status).toBe('ready')
      else expect(copy.status).toBe('staging')
    }

    // Teachers: 403 on every identification endpoint, and never a student or identification field.
    const anyCopy = copies[0]
    for (const [method, path, body] of [
      ['GET', `/api/identification/exams/${exam.id}/desk`],
      ['POST', `/api/identification/exams/${exam.id}/rerun`, {}],
      ['POST', `/api/identification/copies/${anyCopy.id}/assign`, { studentId: null }],
      ['POST', `/api/identification/copies/${anyCopy.id}/pages/rotate`, { page: 0, by: 90 }],
      ['POST', `/api/identification/copies/${anyCopy.id}/split`, { at: 1 }],
      ['POST', `/api/identification/copies/${anyCopy.id}/merge`, { from: copies[1].id }],
      ['POST', `/api/identification/copies/${anyCopy.id}/pages/move`, { page: 0, toCopy: copies[1].id }],
      ['POST', `/api/identification/copies/${anyCopy.id}/pages/reorder`, { order: [0] }],
      ['POST', '/api/identification/roster', rosterForm(new TextEncoder().encode(csvOf(students)))],
    ] as [string, string, unknown][]) {
      expect([method, path, (await ctx.alice.request(method, path, body)).status]).toEqual([method, path, 403])
    }
    const seen = await ctx.alice.request('GET', `/api/copies?where[exam][equals]=${exam.id}&depth=1`)
    expect(seen.status).toBe(200)
    for (const doc of seen.body.docs) {
      expect(doc.student).toBeUndefined()
      expect(doc.identification).toBeUndefined()
    }
    const crop = await ctx.app.runtime.payload.findByID({ collection: 'media', id: anyCopy.identification.headerCrop, overrideAccess: true })
    expect(crop.kind).toBe('header-crop')
    expect((await ctx.admin.request('GET', `/api/media/file/${crop.filename}`)).status).toBe(200)
    expect([403, 404]).toContain((await ctx.alice.request('GET', `/api/media/file/${crop.filename}`)).status)

    // The desk lists open copies first, with ranked suggestions and the roster.
    const desk = await ctx.admin.request('GET', `/api/identification/exams/${exam.id}/desk`)
    expect(desk.status).toBe(200)
    expect(desk.body.students).toHaveLength(students.length)
    const open = desk.body.copies.filter((c: any) => ['pending', 'needs_review'].includes(c.identification.status))
    expect(open.length).toBe(desk.body.counts.open)
    expect(desk.body.copies.slice(0, open.length)).toEqual(open)
    expect(open[0].headerCropUrl).toMatch(/^\/api\/media\/file\//)

    // Manual decisions: a taken student is refused, a free one is accepted and logged.
    const holder = copies.find((c) => c.student)
    if (holder) {
      const refused = await ctx.admin.request('POST', `/api/identification/copies/${copies[unnamed].id}/assign`, { studentId: holder.student })
      expect(refused.status).toBe(409)
      expect(refused.body.errors[0].message).toMatch(/free it first/)
      // Taking the student from the other copy is explicit, logged, and sends that copy back to review.
      const taken = await ctx.admin.request('POST', `/api/identification/copies/${copies[unnamed].id}/assign`, { studentId: holder.student, takeFromHolder: true })
      expect(taken.status).toBe(200)
      expect(taken.body.copy).toMatchObject({ student: holder.student, identification: { status: 'manual' } })
      const robbed = await ctx.app.runtime.payload.findByID({ collection: 'copies', id: holder.id, depth: 0, overrideAccess: true })
      expect(robbed).toMatchObject({ student: null, status: 'staging', identification: { status: 'needs_review' } })
      const log = await ctx.app.runtime.payload.find({ collection: 'identification-decisions' as never, where: { copy: { equals: holder.id } }, depth: 0, overrideAccess: true })
      expect(log.docs[0]).toMatchObject({ action: 'unassign', fromStudent: holder.student, toStudent: null, details: { movedToCopy: copies[unnamed].id } })
      // Put things back as they were: the rest of the test expects the matcher's names.
      expect((await ctx.admin.request('POST', `/api/identification/copies/${copies[unnamed].id}/assign`, { studentId: null })).status).toBe(200)
      expect((await ctx.admin.request('POST', `/api/identification/copies/${holder.id}/assign`, { studentId: holder.student })).status).toBe(200)
      expect((await ctx.admin.request('POST', `/api/identification/copies/${holder.id}/assign`, { studentId: holder.student, takeFromHolder: 'yes' })).status).toBe(400)
    }
    const handDecisionsBefore = holder ? 4 : 0
    const absent = await ctx.app.runtime.payload.find({ collection: 'students', where: { lastName: { equals: absentees[0]!.last_name } }, overrideAccess: true })
    const openCopies = copies.filter((c) => c.identification.status === 'needs_review')
    for (const copy of openCopies) {
      const index = copies.indexOf(copy)
      const expected = truth.copies[index]!.student
      const target = expected
        ? (await ctx.app.runtime.payload.find({ collection: 'students', where: { and: [{ lastName: { equals: expected.last_name } }, { firstName: { equals: expected.first_name } }] }, overrideAccess: true })).docs[0]!.id
        : absent.docs[0]!.id
      const assigned = await ctx.admin.request('POST', `/api/identification/copies/${copy.id}/assign`, { studentId: target })
      expect(assigned.status).toBe(200)
      expect(assigned.body.copy).toMatchObject({ student: target, status: 'ready', identification: { status: 'manual', method: 'manual' } })
    }
    const decisions = await ctx.admin.request('GET', `/api/identification-decisions?where[exam][equals]=${exam.id}&depth=0`)
    expect(decisions.status).toBe(200)
    expect(decisions.body.docs).toHaveLength(openCopies.length + handDecisionsBefore)
    expect(decisions.body.docs[0]).toMatchObject({ action: 'assign', method: 'manual', user: ctx.seed.admin.id })
    expect((await ctx.alice.request('GET', '/api/identification-decisions')).status).toBe(403)
    expect((await ctx.app.runtime.payload.findByID({ collection: 'exams', id: exam.id })).status).toBe('marking')

    // Re-running the matching never touches manual decisions.
    const rerun = await ctx.admin.request('POST', `/api/identification/exams/${exam.id}/rerun`, {})
    expect(rerun.status).toBe(202)
    const done = new Promise<void>((resolve, reject) => {
      ctx.app.runtime.agenda.once('success:identify-exam', () => resolve())
      ctx.app.runtime.agenda.once('fail:identify-exam', (err: Error) => reject(err))
    })
    await done
    const after = await waitForIdentification({ payload: ctx.app.runtime.payload, exam: exam.id })
    for (const copy of openCopies) expect(after.find((c) => c.id === copy.id).identification.status).toBe('manual')
  }, 600_000)

  it('keeps going when one copy cannot be read: the others keep their names, that copy waits at the desk', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const { students } = rosterFor({ truth, absent: 3 })
    await ctx.admin.request('POST', '/api/identification/roster', rosterForm(new TextEncoder().encode(csvOf(students))))
    const exam = await ctx.app.runtime.payload.create({ collection: 'exams', data: { title: 'Maths TB bis', className: CLASS, layout: 'a4' } as never })
    const batch = await uploadBatch({ client: ctx.admin, exam: exam.id, name: 'tb-bis.pdf', bytes })
    await waitForBatch({ payload: ctx.app.runtime.payload, id: batch.id })
    const first = await waitForIdentification({ payload: ctx.app.runtime.payload, exam: exam.id })
    const identified = first.filter((c) => c.identification.status === 'identified')
    const victim = first.find((c) => c.identification.status === 'identified')!
    // Its scan is damaged on disk and its reading forgotten, so the next run must read it again.
    const media = await ctx.app.runtime.payload.findByID({ collection: 'media', id: victim.pdf, overrideAccess: true })
    const staticDir = (ctx.app.runtime.payload.collections as any).media.config.upload.staticDir as string
    await writeFile(path.join(staticDir, media.filename!), 'not a pdf at all')
    await ctx.app.runtime.payload.update({ collection: 'copies', id: victim.id, data: { identification: { ...victim.identification, readings: null } } as never, overrideAccess: true })

    const failed: Error[] = []
    const onFail = (error: Error) => failed.push(error)
    ctx.app.runtime.agenda.on('fail:identify-exam', onFail)
    const done = new Promise<void>((resolve) => ctx.app.runtime.agenda.once('complete:identify-exam', () => resolve()))
    expect((await ctx.admin.request('POST', `/api/identification/exams/${exam.id}/rerun`, {})).status).toBe(202)
    await done
    ctx.app.runtime.agenda.off('fail:identify-exam', onFail)
    expect(failed).toEqual([])
    const after = await waitForIdentification({ payload: ctx.app.runtime.payload, exam: exam.id })
    const victimAfter = after.find((c) => c.id === victim.id)
    expect(victimAfter.identification.readings ?? null).toBeNull()
    expect(victimAfter.identification.status).toBe('needs_review')
    // Every other copy the first run named is still named.
    for (const copy of identified.filter((c) => c.id !== victim.id)) expect(after.find((c) => c.id === copy.id).identification.status).toBe('identified')
  }, 600_000)
})
