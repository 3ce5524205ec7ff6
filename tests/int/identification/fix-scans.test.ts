import { PDFDocument } from 'pdf-lib'

import { readUpload } from '../../../storage/uploads'
import { getBatch } from '../../fixtures/scans'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { copiesOfExam, uploadBatch, waitForBatch } from '../helpers/scans'
import { seedClass } from '../helpers/seed'
import { CLASS, waitForIdentification } from './helpers'
import { CUT_AND_NAME_JOBS } from '../helpers/jobs'

let app: TestApp
let admin: ApiClient

beforeAll(async () => {
  app = await startTestApp({ jobs: CUT_AND_NAME_JOBS })
  await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
}, 300_000)

afterAll(async () => {
  // Identification jobs started by the last edits run OCR in worker threads: let them finish before stopping.
  await app?.runtime.agenda.drain(180_000)
  await app?.close()
}, 240_000)

const pdfOf = async (copy: any) => {
  const media = await app.runtime.payload.findByID({ collection: 'media', id: copy.pdf, overrideAccess: true })
  return PDFDocument.load(await readUpload({ payload: app.runtime.payload, collection: 'media', doc: media }))
}

const reload = async (id: unknown) => app.runtime.payload.findByID({ collection: 'copies', id: id as number, depth: 0, overrideAccess: true }) as Promise<any>

describe('fixing scans by hand', () => {
  it('rotates, reorders, moves, splits and merges pages, rebuilding each PDF and logging every change', async () => {
    const { bytes } = await getBatch('a4-mini')
    const exam = await app.runtime.payload.create({ collection: 'exams', data: { title: 'Pages', className: CLASS, layout: 'a4' } as never })
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'pages.pdf', bytes })
    await waitForBatch({ payload: app.runtime.payload, id: batch.id })
    await waitForIdentification({ payload: app.runtime.payload, exam: exam.id })
    const copies = (await copiesOfExam(app.runtime.payload, exam.id)) as any[]
    const a = copies.find((c: any) => c.pages.length >= 2)!
    const b = copies.find((c: any) => c.id !== a.id)!
    const aPages = a.pages.length
    const bPages = b.pages.length

    // Rotate the second page a quarter turn: the PDF keeps its pages, that page turns.
    const rotated = await admin.request('POST', `/api/identification/copies/${a.id}/pages/rotate`, { page: 1, by: 90 })
    expect(rotated.status).toBe(200)
    let aNow = await reload(a.id)
    expect(aNow.pages[1].rotation).toBe((a.pages[1].rotation + 90) % 360)
    let pdf = await pdfOf(aNow)
    expect(pdf.getPageCount()).toBe(aPages)
    expect(pdf.getPage(1).getRotation().angle).toBe((a.pages[1].rotation + 90) % 360)
    expect(aNow.pdf).not.toBe(a.pdf)

    // Bad requests say why.
    expect((await admin.request('POST', `/api/identification/copies/${a.id}/pages/rotate`, { page: 1, by: 45 })).status).toBe(400)
    expect((await admin.request('POST', `/api/identification/copies/${a.id}/pages/reorder`, { order: [0, 0] })).status).toBe(400)

    // Reorder: reverse the pages.
    const reverse = Array.from({ length: aPages }, (_, i) => aPages - 1 - i)
    expect((await admin.request('POST', `/api/identification/copies/${a.id}/pages/reorder`, { order: reverse })).status).toBe(200)
    aNow = await reload(a.id)
    expect(aNow.pages.map((p: any) => p.sourcePage)).toEqual(reverse.map((i) => a.pages[i].sourcePage))
    expect(aNow.identification.status).toBe('pending') // a new first page: the header is read again
    expect((await admin.request('POST', `/api/identification/copies/${a.id}/pages/reorder`, { order: reverse })).status).toBe(200)

    // Move A's last page to the front of B.
    const moved = await admin.request('POST', `/api/identification/copies/${a.id}/pages/move`, { page: aPages - 1, toCopy: b.id, position: 0 })
    expect(moved.status).toBe(200)
    expect((await pdfOf(await reload(a.id))).getPageCount()).toBe(aPages - 1)
    const bNow = await reload(b.id)
    expect((await pdfOf(bNow)).getPageCount()).toBe(bPages + 1)
    expect(bNow.pages[0].sourcePage).toBe(a.pages[aPages - 1].sourcePage)

    // Split B after its first page: a new copy with the rest.
    const split = await admin.request('POST', `/api/identification/copies/${b.id}/split`, { at: 1 })
    expect(split.status).toBe(200)
    const fresh = split.body.copies.find((c: any) => c.id !== b.id)
    expect(fresh.pages).toHaveLength(bPages)
    expect((await pdfOf(await reload(b.id))).getPageCount()).toBe(1)
    expect((await pdfOf(await reload(fresh.id))).getPageCount()).toBe(bPages)

    // Merge them back: B has all its pages again, the split copy is gone.
    const merged = await admin.request('POST', `/api/identification/copies/${b.id}/merge`, { from: fresh.id })
    expect(merged.status).toBe(200)
    expect(merged.body.deleted).toEqual([fresh.id])
    expect((await pdfOf(await reload(b.id))).getPageCount()).toBe(bPages + 1)
    expect(await app.runtime.payload.count({ collection: 'copies', where: { id: { equals: fresh.id } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })

    const log = await admin.request('GET', `/api/identification-decisions?where[exam][equals]=${exam.id}&sort=createdAt&limit=50`)
    expect(log.body.docs.map((d: any) => d.action)).toEqual(['rotate', 'reorder', 'reorder', 'move-page', 'split', 'merge'])
    expect(log.body.docs.every((d: any) => d.details?.copies?.length)).toBe(true)

    // Let the re-reading the edits started finish before the app stops.
    await new Promise((r) => setTimeout(r, 1000))
    await waitForIdentification({ payload: app.runtime.payload, exam: exam.id })
  }, 600_000)
})
