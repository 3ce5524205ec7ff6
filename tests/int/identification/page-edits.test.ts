import { PDFDocument } from 'pdf-lib'

import { turnBox } from '../../../plugins/identification/lib/pages/index'
import { readUpload } from '../../../storage/uploads'
import { startTestApp, type TestApp } from '../helpers/app'
import type { ApiClient } from '../helpers/http'
import { copiesOfExam, cutBatchWithoutJobs } from '../helpers/scans'

// Issue 15, points 1 and 2: page fixes at the desk that remove a copy, and turns of a named copy's page.
// No job runs: the batch is cut here (the scan pipeline's own service), and no identification reads a
// header, so only the edits change the copies.
let app: TestApp
let admin: ApiClient
let copies: any[]
let examId: number

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  const { payload } = app.runtime
  ;({ admin, examId } = await cutBatchWithoutJobs({ payload, baseUrl: app.baseUrl, title: 'Fixes', name: 'fixes.pdf' }))
  copies = await copiesOfExam(payload, examId)
}, 300_000)

afterAll(async () => {
  await app?.close()
}, 120_000)

const reload = (id: unknown) => app.runtime.payload.findByID({ collection: 'copies', id: id as number, depth: 0, overrideAccess: true }) as Promise<any>
const deskCopy = async (id: unknown) => ((await admin.request('GET', `/api/identification/exams/${examId}/desk`)).body.copies as any[]).find((c) => c.id === id)

describe('moving the last page of a copy to another copy (issue 15, point 1)', () => {
  it('answers 200, removes the emptied copy, says so, and keeps the decision that did it', async () => {
    const a = copies.find((c) => c.pages.length >= 2)!
    const b = copies.find((c) => c.id !== a.id)!
    // A one-page copy: the last page of A, split off.
    const split = await admin.request('POST', `/api/identification/copies/${a.id}/split`, { at: a.pages.length - 1 })
    expect(split.status).toBe(200)
    const lone = split.body.copies.find((c: any) => c.id !== a.id)
    const bPages = (await reload(b.id)).pages.length

    const moved = await admin.request('POST', `/api/identification/copies/${lone.id}/pages/move`, { page: 0, toCopy: b.id })
    expect(moved.status).toBe(200)
    expect(moved.body.deleted).toEqual([lone.id])
    expect(moved.body.removed).toEqual([{ id: lone.id, anonymousId: lone.anonymousId }])
    expect(await app.runtime.payload.count({ collection: 'copies', where: { id: { equals: lone.id } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
    expect((await reload(b.id)).pages).toHaveLength(bPages + 1)
    expect(await deskCopy(lone.id)).toBeUndefined()

    // The decision survived the copy it was about: its reference is gone with the copy, the details name it.
    const log = await admin.request('GET', `/api/identification-decisions?where[exam][equals]=${examId}&where[action][equals]=move-page&depth=0`)
    expect(log.body.docs).toHaveLength(1)
    expect(log.body.docs[0].copy).toBeNull()
    expect(log.body.docs[0].details).toMatchObject({ deleted: [lone.id], removed: [{ id: lone.id, anonymousId: lone.anonymousId }] })
  })
})

describe('turning a page of a named copy (issue 15, point 2)', () => {
  it('keeps its student and identification, turns its identity zone with the page, and changes every file URL', async () => {
    const { payload } = app.runtime
    const student = await payload.create({ collection: 'students', data: { lastName: 'Martin', firstName: 'Léa', birthDate: '2008-04-02', email: 'lea@eleve.test', className: 'Sans liste' } })
    const target = (await copiesOfExam(payload, examId)).find((c: any) => c.pages.length >= 1)!
    const zone = { x: 60, y: 40, width: 220, height: 36 }
    await payload.update({
      collection: 'copies',
      id: target.id,
      overrideAccess: true,
      data: { student: student.id, status: 'ready', identification: { status: 'identified', method: 'auto', confidence: 0.93 }, identityZones: [{ page: 0, box: zone, source: 'detected' }] } as never,
    })
    const before = await reload(target.id)
    const pdf = await PDFDocument.load(await readUpload({ payload, collection: 'media', doc: await payload.findByID({ collection: 'media', id: before.pdf, overrideAccess: true }) }))
    const page = pdf.getPage(0)
    const crop = page.getCropBox()
    const upright = page.getRotation().angle % 180 === 0 ? { width: crop.width, height: crop.height } : { width: crop.height, height: crop.width }

    const urls = [await deskCopy(target.id)]
    const turned = await admin.request('POST', `/api/identification/copies/${target.id}/pages/rotate`, { page: 0, by: 90 })
    expect(turned.status).toBe(200)
    const after = await reload(target.id)
    expect(after.pages[0].rotation).toBe((before.pages[0].rotation + 90) % 360)
    expect(String(after.student)).toBe(String(student.id))
    expect(after.status).toBe('ready')
    expect(after.identification).toMatchObject({ status: 'identified', method: 'auto', confidence: 0.93 })
    const expected = turnBox({ box: zone, by: 90, upright })
    expect(after.identityZones).toHaveLength(1)
    expect(after.identityZones[0].box.x).toBeCloseTo(expected.x, 1)
    expect(after.identityZones[0].box.y).toBeCloseTo(expected.y, 1)
    expect(after.identityZones[0].box).toMatchObject({ width: zone.height, height: zone.width })
    // The redaction follows the new PDF and zones.
    expect(after.redaction.status).toBe('pending')
    urls.push(await deskCopy(target.id))

    // Turned back, then again: never a URL seen before (a cached picture of another orientation).
    for (const by of [-90, 180]) {
      expect((await admin.request('POST', `/api/identification/copies/${target.id}/pages/rotate`, { page: 0, by })).status).toBe(200)
      urls.push(await deskCopy(target.id))
    }
    expect(new Set(urls.map((c) => c.pdfUrl)).size).toBe(urls.length)
    expect(new Set(urls.map((c) => c.thumbnailUrl)).size).toBe(urls.length)
    expect(urls.at(-1).student).toMatchObject({ name: 'MARTIN Léa' })
    expect(urls.at(-1).identification.status).toBe('identified')
  })

  it('reads the first page again when the copy has no student yet', async () => {
    const unnamed = (await copiesOfExam(app.runtime.payload, examId)).find((c: any) => c.student == null)!
    await app.runtime.payload.update({ collection: 'copies', id: unnamed.id, overrideAccess: true, data: { identification: { status: 'needs_review', method: 'auto' } } as never })
    expect((await admin.request('POST', `/api/identification/copies/${unnamed.id}/pages/rotate`, { page: 0, by: 180 })).status).toBe(200)
    expect((await reload(unnamed.id)).identification.status).toBe('pending')
  })
})

describe('a page edit is one decision (issue 14, point 2)', () => {
  it('leaves every copy, file and log entry as it was when a write fails midway', async () => {
    const { payload } = app.runtime
    const [a, b] = (await copiesOfExam(payload, examId)).filter((c: any) => c.student == null && c.status === 'staging')
    expect(a && b).toBeTruthy()
    const mediaOf = async (id: unknown) => (await payload.find({ collection: 'media', where: { copy: { equals: id } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs.map((m) => m.id).sort()
    const before = { a: await reload(a.id), aMedia: await mediaOf(a.id), bMedia: await mediaOf(b.id) }
    const decisions = () => payload.count({ collection: 'identification-decisions', where: { exam: { equals: examId } }, overrideAccess: true })
    const loggedBefore = (await decisions()).totalDocs

    // A merge rebuilds A, logs the decision, then removes B: the removal fails, after the other writes.
    const hooks = (payload.collections as any).copies.config.hooks.beforeDelete as unknown[]
    const failing = () => {
      throw new Error('disk unplugged')
    }
    hooks.push(failing)
    try {
      const merged = await admin.request('POST', `/api/identification/copies/${a.id}/merge`, { from: b.id })
      expect(merged.status).toBe(500)
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }

    const after = await reload(a.id)
    expect(after.pages).toEqual(before.a.pages)
    expect(after.pdf).toBe(before.a.pdf)
    expect(await reload(b.id)).toMatchObject({ id: b.id })
    expect((await decisions()).totalDocs).toBe(loggedBefore)
    // The files the failed edit wrote are gone, the copies' own are still there and readable.
    expect(await mediaOf(a.id)).toEqual(before.aMedia)
    expect(await mediaOf(b.id)).toEqual(before.bMedia)
    for (const id of [...before.aMedia, ...before.bMedia]) {
      const file = await payload.findByID({ collection: 'media', id, overrideAccess: true })
      expect((await readUpload({ payload, collection: 'media', doc: file })).length).toBeGreaterThan(100)
    }

    // The same edit, once nothing fails, goes through.
    expect((await admin.request('POST', `/api/identification/copies/${a.id}/merge`, { from: b.id })).status).toBe(200)
    expect(await payload.count({ collection: 'copies', where: { id: { equals: b.id } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
  })
})

describe("a page edit's body is checked before anything runs (issue 14, point 6)", () => {
  it('answers 400 naming the field, and changes nothing', async () => {
    const target = copies[0]
    const before = await app.runtime.payload.findByID({ collection: 'copies', id: target.id, depth: 0, overrideAccess: true })
    for (const [path, payload, field] of [
      ['pages/rotate', { page: 'first', by: 90 }, 'page'],
      ['pages/reorder', { order: [0, 'x'] }, 'order'],
      ['pages/move', { page: 0 }, 'toCopy'],
      ['split', {}, 'at'],
    ] as const) {
      const refused = await admin.request('POST', `/api/identification/copies/${target.id}/${path}`, payload)
      expect([path, refused.status, refused.body.errors?.[0]?.message]).toEqual([path, 400, expect.stringContaining(`"${field}" must be`)])
    }
    const after = await app.runtime.payload.findByID({ collection: 'copies', id: target.id, depth: 0, overrideAccess: true })
    expect([after.pages, after.pdf]).toEqual([before.pages, before.pdf])
  })
})
