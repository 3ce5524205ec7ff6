import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
beforeAll(async () => {
  // No job runs here: the test plays the redaction job's writes itself, in the orders a busy queue produces.
  app = await startTestApp({ processJobs: false })
}, 300_000)
afterAll(async () => {
  await app?.close()
}, 120_000)

describe('redacted renditions follow the copy', () => {
  it('are dropped by every change of the PDF or the zones, and a late job never brings an old one back', async () => {
    const payload = app.runtime.payload
    const file = async (kind: string, name: string) =>
      payload.create({ collection: 'media', data: { kind } as never, file: { data: Buffer.from('%PDF-1.4\n'), mimetype: 'application/pdf', name, size: 9 } })
    const exam = await payload.create({ collection: 'exams', data: { title: 'Invalidation' } })
    const copy = await payload.create({ collection: 'copies', data: { exam: exam.id, status: 'ready' } as never })
    expect(copy.redaction).toMatchObject({ status: 'none', pdf: null })
    const scan = await file('copy-pdf', 'scan-1.pdf')
    const zone = { page: 0, box: { x: 10, y: 10, width: 100, height: 30 }, source: 'detected' }
    const read = () => payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true }) as Promise<any>

    await payload.update({ collection: 'copies', id: copy.id, data: { pdf: scan.id, identityZones: [zone] } as never })
    const pending = await read()
    expect(pending.redaction).toMatchObject({ status: 'pending', pdf: null, zones: 1 })
    const currentKey = pending.redaction.key

    // A job that rendered the copy before its zones were known finishes late: its files are not taken.
    const stale = await file('redacted-pdf', 'stale.pdf')
    await payload.update({ collection: 'copies', id: copy.id, data: { redaction: { status: 'done', key: `${scan.id}|`, pdf: stale.id } } as never })
    expect((await read()).redaction).toMatchObject({ status: 'pending', pdf: null, key: currentKey })

    // The job for the current state is taken.
    const good = await file('redacted-pdf', 'good.pdf')
    await payload.update({ collection: 'copies', id: copy.id, data: { redaction: { status: 'done', key: currentKey, pdf: good.id } } as never })
    expect((await read()).redaction).toMatchObject({ status: 'done', pdf: good.id })

    // The exam's zone reaches the copy: the rendition goes at once, and its file with it.
    await payload.update({ collection: 'exams', id: exam.id, data: { identityZone: { x: 0, y: 0, width: 595, height: 120 } } as never })
    const withExamZone = await read()
    expect(withExamZone.identityZones.map((z: any) => z.source)).toEqual(['detected', 'exam'])
    expect(withExamZone.redaction).toMatchObject({ status: 'pending', pdf: null, zones: 2 })
    expect(await payload.findByID({ collection: 'media', id: good.id, overrideAccess: true }).catch(() => null)).toBeNull()

    // Identification writes its zones again: the exam's zone stays.
    await payload.update({ collection: 'copies', id: copy.id, data: { identityZones: [{ ...zone, box: { ...zone.box, x: 12 } }] } as never })
    expect((await read()).identityZones.map((z: any) => [z.source, z.box.x])).toEqual([['detected', 12], ['exam', 0]])

    // A page edit (a new PDF) drops it too.
    const key = (await read()).redaction.key
    const rebuilt = await file('copy-pdf', 'scan-2.pdf')
    await payload.update({ collection: 'copies', id: copy.id, data: { pdf: rebuilt.id } as never })
    const edited = await read()
    expect(edited.redaction.status).toBe('pending')
    expect(edited.redaction.key).not.toBe(key)

    // And a copy created after the exam's zone was drawn starts with it.
    const later = await payload.create({ collection: 'copies', data: { exam: exam.id, status: 'staging' } as never })
    expect((later as any).identityZones).toEqual([{ page: 0, box: { x: 0, y: 0, width: 595, height: 120 }, source: 'exam' }])
  })
})
