import { PDFDocument } from 'pdf-lib'

import { getBatch } from '../../fixtures/scans'
import { useSeededApp } from '../helpers/seededApp'
import { uploadBatch, waitForBatch } from '../helpers/scans'
import { copiesInScanOrder, pagesOf, truthPages, uploadSubject } from './helpers'
import { CUT_AND_NAME_JOBS } from '../helpers/jobs'

// Issue 11: the one-line header ("Nom et prénom : ____") used to come back as one copy. With the exam's
// blank subject attached, every scanned page is matched to a page of the subject, which decides where
// each copy starts: the copies must match the truth, and say it was the subject that decided.
const ctx = useSeededApp({ jobs: CUT_AND_NAME_JOBS })

describe('an exam with its blank subject', () => {
  it('cuts the batch on the subject: every copy right, its start decided by page 1 of the subject, reported per copy', async () => {
    const { bytes, subject, truth } = await getBatch('one-line-a4-mini')
    const { payload } = ctx.app.runtime

    const uploaded = await uploadSubject({ client: ctx.admin, name: 'sujet-maths.pdf', bytes: subject })
    expect(uploaded.status).toBe(201)
    const media = uploaded.body.doc
    expect(media.kind).toBe('subject')
    // Teachers never upload the exam's subject.
    expect((await uploadSubject({ client: ctx.alice, name: 'sujet.pdf', bytes: subject })).status).toBe(403)

    const created = await ctx.admin.request('POST', '/api/exams', { title: 'Maths — sujet joint', layout: 'auto', correctors: [], blankSubject: media.id })
    expect(created.status).toBe(201)
    const exam = created.body.doc
    // The file now belongs to the exam (retention and backups find it with the exam's files).
    expect((await payload.findByID({ collection: 'media', id: media.id, depth: 0, overrideAccess: true })).exam).toBe(exam.id)

    const batch = await uploadBatch({ client: ctx.admin, exam: exam.id, name: 'classe-one-line.pdf', bytes })
    const done = await waitForBatch({ payload, id: batch.id, timeoutMs: 400_000 })
    expect(done.status).toBe('done')
    const cutOn = done.cutOn as { boundary: string; subject: number; firstPage?: { width: number; height: number; bits: string } }
    expect(cutOn).toMatchObject({ boundary: 'subject', subject: media.id })
    // The subject's first page, packed: what identification reads name fields against.
    expect(cutOn.firstPage!.width).toBeGreaterThan(100)
    expect(Buffer.from(cutOn.firstPage!.bits, 'base64').length * 8).toBeGreaterThanOrEqual(cutOn.firstPage!.width * cutOn.firstPage!.height)

    const copies = await copiesInScanOrder(payload, exam.id)
    expect(copies).toHaveLength(truth.copies.length)
    copies.forEach((copy, i) => {
      expect(pagesOf(copy)).toEqual(truthPages(truth, i))
      expect(copy.pages.map((p: any) => p.subjectPage ?? null)).toEqual(truth.copies[i]!.pages.map((p) => p.subject_page))
      expect(copy.segmentation).toMatchObject({ boundary: 'subject', unsure: false })
      expect(copy.segmentation.margin).toBeGreaterThan(3)
    })
    const pdf = await PDFDocument.load(new Uint8Array(await (await fetch(`${ctx.app.baseUrl}/api/media/file/${(await payload.findByID({ collection: 'media', id: copies[0].pdf, overrideAccess: true })).filename}`, { headers: { authorization: `JWT ${ctx.admin.token}` } })).arrayBuffer()))
    expect(pdf.getPageCount()).toBe(truth.copies[0]!.pages.length)

    // The ingestion report: per copy, which evidence decided its start, in the batch's page order.
    const report = await ctx.admin.request('GET', `/api/scan-pipeline/batches/${batch.id}/report`)
    expect(report.status).toBe(200)
    expect(report.body.cutOn).toMatchObject({ boundary: 'subject', subject: media.id })
    expect(report.body.stale).toBe(false)
    expect(report.body.copies.map((c: any) => c.id)).toEqual(copies.map((c) => c.id))
    for (const c of report.body.copies) {
      expect(c.segmentation).toMatchObject({ boundary: 'subject', unsure: false })
      expect(c.thumbnailUrl).toMatch(/^\/api\/media\/file\//)
    }
    expect(report.body.blockers).toEqual([])
    // How a batch was cut is the admin's: a teacher of the exam gets 403, nobody signed in 401.
    expect((await ctx.alice.request('GET', `/api/scan-pipeline/batches/${batch.id}/report`)).status).toBe(403)
    expect((await fetch(`${ctx.app.baseUrl}/api/scan-pipeline/batches/${batch.id}/report`)).status).toBe(401)

    // The desk has each copy's evidence too.
    const desk = await ctx.admin.request('GET', `/api/identification/exams/${exam.id}/desk`)
    expect(desk.status).toBe(200)
    expect(desk.body.copies.every((c: any) => c.segmentation.boundary === 'subject' && c.segmentation.unsure === false)).toBe(true)
  }, 900_000)
})

describe('uploading a blank subject', () => {
  it('refuses a file that is not a PDF, naming it, and stores nothing', async () => {
    const { payload } = ctx.app.runtime
    // Counted by name: the previous test's identification jobs may still be storing their own files.
    const named = { filename: { like: 'consignes' } }
    const before = await payload.count({ collection: 'media', where: named, overrideAccess: true })
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const refused = await uploadSubject({ client: ctx.admin, name: 'consignes.png', bytes: png, type: 'image/png' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toMatch(/consignes\.png: the blank subject must be a PDF file \(got image\/png/)
    expect((await payload.count({ collection: 'media', where: named, overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it('refuses a PDF that cannot be one copy of a subject (a whole batch of pages), naming the file', async () => {
    const doc = await PDFDocument.create()
    for (let i = 0; i < 45; i++) doc.addPage([595, 842]).drawText(`Page ${i + 1}`, { x: 50, y: 780, size: 14 })
    const refused = await uploadSubject({ client: ctx.admin, name: 'lot-entier.pdf', bytes: await doc.save() })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toMatch(/^lot-entier\.pdf: a subject of 45 pages is not one copy's paper/)
  })

  it('refuses a damaged PDF with a 400 that names it, not a 500', async () => {
    const refused = await uploadSubject({ client: ctx.admin, name: 'abime.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body at all\n') })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toMatch(/^abime\.pdf: /)
  })
})
