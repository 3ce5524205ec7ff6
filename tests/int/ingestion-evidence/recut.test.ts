import { getBatch } from '../../fixtures/scans'
import { useSeededApp } from '../helpers/seededApp'
import { uploadBatch, waitForBatch } from '../helpers/scans'
import { waitForIdentification } from '../identification/helpers'
import { copiesInScanOrder, pagesOf, storedFiles, truthPages, uploadSubject } from './helpers'
import { CUT_AND_NAME_JOBS } from '../helpers/jobs'

// Issue 11.3: a subject attached after the scans were processed. "Redécouper avec le sujet" cuts the batch
// again from its stored page analyses: copies that come out the same keep their id and files, the others
// are replaced; never while a person's work (marking, hand edits, hand naming) would be lost.
const ctx = useSeededApp({ jobs: CUT_AND_NAME_JOBS })

const mediaFile = async (id: unknown) => (await ctx.app.runtime.payload.findByID({ collection: 'media', id: id as number, depth: 0, overrideAccess: true })).filename!

describe('re-cutting a batch with the subject', () => {
  it('replans from the stored pages, keeps identical copies, replaces the others, and refuses (409) while a copy carries work', async () => {
    const { payload } = ctx.app.runtime
    const { bytes, subject, truth } = await getBatch('one-line-a4-mini')
    const exam = await payload.create({ collection: 'exams', data: { title: 'Maths — sujet joint après coup', layout: 'auto' } as never })
    const batch = await uploadBatch({ client: ctx.admin, exam: exam.id, name: 'lot-sans-sujet.pdf', bytes })
    const first = await waitForBatch({ payload, id: batch.id, timeoutMs: 400_000 })
    expect(first.status).toBe('done')
    expect((first.cutOn as any).subject).toBeNull()
    expect((first.cutOn as any).boundary).not.toBe('subject')
    await waitForIdentification({ payload, exam: exam.id, timeoutMs: 600_000 })
    const analysed = await payload.count({ collection: 'scan-pages', where: { batch: { equals: batch.id } }, overrideAccess: true })

    // The state an earlier cut left (one without the subject, by an older version): the last two copies as one.
    let copies = await copiesInScanOrder(payload, exam.id)
    expect(copies).toHaveLength(truth.copies.length)
    const [keptA, keptB, third, fourth] = copies
    await payload.update({ collection: 'copies', id: third.id, data: { pages: [...third.pages, ...fourth.pages].map(({ id: _id, ...p }: any) => p) } as never, overrideAccess: true })
    await payload.delete({ collection: 'copies', id: fourth.id, overrideAccess: true })
    const mergedFiles = [await mediaFile(third.pdf), await mediaFile(third.thumbnail)]
    for (const name of mergedFiles) expect(storedFiles(ctx.app.dataDir).has(name)).toBe(true)

    // The subject is attached now: the report says the batch was cut without it.
    const uploaded = await uploadSubject({ client: ctx.admin, name: 'sujet.pdf', bytes: subject })
    expect(uploaded.status).toBe(201)
    expect((await ctx.admin.request('PATCH', `/api/exams/${exam.id}`, { blankSubject: uploaded.body.doc.id })).status).toBe(200)
    const stale = await ctx.admin.request('GET', `/api/scan-pipeline/batches/${batch.id}/report`)
    expect(stale.body.stale).toBe(true)

    // A copy being marked: refused, naming it, and nothing changes.
    await payload.update({ collection: 'copies', id: keptB.id, data: { status: 'marking' } as never, overrideAccess: true })
    const refused = await ctx.admin.request('POST', `/api/scan-pipeline/batches/${batch.id}/recut`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toContain(`copy ${keptB.anonymousId} (is marking)`)
    expect(refused.body.errors[0].data.blockers).toEqual([{ copy: keptB.id, anonymousId: keptB.anonymousId, reason: 'is marking' }])
    const wholeExam = await ctx.admin.request('POST', `/api/scan-pipeline/exams/${exam.id}/recut`)
    expect(wholeExam.status).toBe(409)
    expect(wholeExam.body.errors[0].message).toContain(keptB.anonymousId)
    expect((await copiesInScanOrder(payload, exam.id)).map((c) => c.id)).toEqual([keptA.id, keptB.id, third.id])
    // Admins only.
    expect((await ctx.alice.request('POST', `/api/scan-pipeline/batches/${batch.id}/recut`)).status).toBe(403)

    // Back to staging: the batch can be cut again.
    await payload.update({ collection: 'copies', id: keptB.id, data: { status: 'staging' } as never, overrideAccess: true })
    const recut = await ctx.admin.request('POST', `/api/scan-pipeline/batches/${batch.id}/recut`)
    expect(recut.status).toBe(200)
    expect(recut.body.kept).toEqual([keptA.id, keptB.id])
    expect(recut.body.deleted).toEqual([third.id])
    expect(recut.body.created).toHaveLength(2)
    expect(recut.body.assembling).toBe(true)

    const again = await waitForBatch({ payload, id: batch.id, timeoutMs: 400_000 })
    expect(again.status).toBe('done')
    expect(again.cutOn).toMatchObject({ boundary: 'subject', subject: uploaded.body.doc.id })
    // No page was analysed again.
    expect((await payload.count({ collection: 'scan-pages', where: { batch: { equals: batch.id } }, overrideAccess: true })).totalDocs).toBe(analysed.totalDocs)

    copies = await copiesInScanOrder(payload, exam.id)
    expect(copies).toHaveLength(truth.copies.length)
    copies.forEach((copy, i) => {
      expect(pagesOf(copy)).toEqual(truthPages(truth, i))
      expect(copy.segmentation).toMatchObject({ boundary: 'subject', unsure: false })
      expect(copy.pages.map((p: any) => p.subjectPage ?? null)).toEqual(truth.copies[i]!.pages.map((p) => p.subject_page))
      expect(copy.pdf).toBeTruthy()
      expect(copy.thumbnail).toBeTruthy()
    })
    // Identical copies keep their id and files; the vanished one is gone with its files.
    expect(copies[0].id).toBe(keptA.id)
    expect(copies[0].pdf).toBe(keptA.pdf)
    expect(copies[1].id).toBe(keptB.id)
    expect(copies.slice(2).map((c) => c.id).sort()).toEqual([...recut.body.created].sort())
    await expect(payload.findByID({ collection: 'copies', id: third.id, overrideAccess: true })).rejects.toThrow()
    const files = storedFiles(ctx.app.dataDir)
    for (const name of mergedFiles) expect(files.has(name)).toBe(false)
    const decisions = await payload.find({ collection: 'identification-decisions' as never, where: { action: { equals: 'recut' } }, overrideAccess: true })
    expect(decisions.docs).toHaveLength(1)
    expect((decisions.docs[0] as any).details).toMatchObject({ batch: batch.id, boundary: 'subject', deleted: [third.id] })
    expect((await ctx.admin.request('GET', `/api/scan-pipeline/batches/${batch.id}/report`)).body.stale).toBe(false)

    // The new copies are named like any other (identification runs once the batch is done again).
    await waitForIdentification({ payload, exam: exam.id, timeoutMs: 600_000 })

    // A copy whose pages were edited by hand holds the batch too.
    const rotated = await ctx.admin.request('POST', `/api/identification/copies/${keptA.id}/pages/rotate`, { page: 0, by: 180 })
    expect(rotated.status).toBe(200)
    const held = await ctx.admin.request('POST', `/api/scan-pipeline/batches/${batch.id}/recut`)
    expect(held.status).toBe(409)
    expect(held.body.errors[0].message).toContain(`copy ${keptA.anonymousId} (its pages were edited by hand)`)
  }, 1_800_000)

  it('lists unsure copy starts on the desk; confirming one clears it and is logged', async () => {
    const { payload } = ctx.app.runtime
    const exam = await payload.create({ collection: 'exams', data: { title: 'Débuts à vérifier' } as never })
    const mk = (sourcePage: number, unsure: boolean) =>
      payload.create({
        collection: 'copies',
        overrideAccess: true,
        data: { exam: exam.id, status: 'staging', pages: [{ sourcePage, region: 'full', rotation: 0 }], segmentation: { boundary: 'sheet-structure', margin: 1.5, unsure }, identification: { status: 'identified', method: 'auto' } } as never,
      })
    const doubtful = await mk(1, true)
    const sure = await mk(2, false)

    const desk = await ctx.admin.request('GET', `/api/identification/exams/${exam.id}/desk`)
    const byId = new Map(desk.body.copies.map((c: any) => [c.id, c]))
    expect((byId.get(doubtful.id) as any).segmentation).toEqual({ boundary: 'sheet-structure', margin: 1.5, unsure: true })
    expect((byId.get(sure.id) as any).segmentation.unsure).toBe(false)

    expect((await ctx.alice.request('POST', `/api/scan-pipeline/copies/${doubtful.id}/confirm-start`)).status).toBe(403)
    const confirmed = await ctx.admin.request('POST', `/api/scan-pipeline/copies/${doubtful.id}/confirm-start`)
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.copy.segmentation).toMatchObject({ boundary: 'sheet-structure', unsure: false })
    expect((await payload.findByID({ collection: 'copies', id: doubtful.id, overrideAccess: true }) as any).segmentation.unsure).toBe(false)
    const logged = await payload.find({ collection: 'identification-decisions' as never, where: { and: [{ copy: { equals: doubtful.id } }, { action: { equals: 'confirm-start' } }] }, overrideAccess: true })
    expect(logged.docs).toHaveLength(1)
    expect((logged.docs[0] as any).details).toMatchObject({ boundary: 'sheet-structure', margin: 1.5, sourcePage: 1 })
    expect((await ctx.admin.request('POST', `/api/scan-pipeline/copies/999999/confirm-start`)).status).toBe(404)
  })
})
