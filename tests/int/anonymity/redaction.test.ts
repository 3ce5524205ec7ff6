import { getBatch, type BatchName } from '../../fixtures/scans'
import { useSeededApp } from '../helpers/seededApp'
import { apiClient, signIn, type ApiClient } from '../helpers/http'
import { copiesOfExam } from '../helpers/scans'
import { waitFor } from '../helpers/wait'
import { inkLeft, INK, pixelsIn, renderGray } from './pixels'
import { nameZonesOf } from './truth'

const ctx = useSeededApp()

const bytesOf = async (client: ApiClient, url: string) => {
  const response = await fetch(`${ctx.app.baseUrl}${url}`, { headers: client.token ? { authorization: `JWT ${client.token}` } : {} })
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) }
}

const roster = (students: { last_name: string; first_name: string }[]) =>
  ['Nom;Prénom;Date de naissance;Classe;Email', ...students.map((s, i) => `${s.last_name};${s.first_name};${String(i + 1).padStart(2, '0')}/03/2008;Terminale B;eleve${i}@eleve.test`)].join('\r\n') + '\r\n'

/**
 * Copies cut from a generated batch as ingestion cuts them (pages copied as objects, halves by crop box,
 * orientation by /Rotate; pdf-lib, no re-encoding), then named by the real identification service (OCR of
 * the header), which also writes where the name fields are; the redaction jobs follow.
 */
const scenario = async (name: BatchName, layout: 'a4' | 'a3-booklet') => {
  const batch = await getBatch(name)
  const payload = ctx.app.runtime.payload
  const students = batch.truth.copies.flatMap((c) => (c.student ? [c.student] : []))
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(roster(students))], { type: 'text/csv' }), 'classe.csv')
  expect((await ctx.admin.request('POST', '/api/identification/roster', form)).status).toBe(200)
  const exam = (await ctx.admin.request('POST', '/api/exams', { title: `Anonymat ${name}`, layout, className: 'Terminale B', correctors: [ctx.seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 10, step: 0.5 }] })).body.doc
  const { assembleCopyPages } = await import('../../../plugins/identification/lib/pages/assemble')
  for (const [i, truth] of batch.truth.copies.entries()) {
    const pages = truth.pages.map((p) => ({ batch: 'scan', sourcePage: p.source_page, region: p.region, rotation: p.rotation, blank: p.blank }))
    const bytes = await assembleCopyPages({ sources: new Map([['scan', batch.bytes]]), pages })
    const copy = await payload.create({ collection: 'copies', overrideAccess: true, data: { exam: exam.id, status: 'staging', sourceKey: `${name}:${i}`, identification: { status: 'pending' } } as never })
    const media = await payload.create({ collection: 'media', overrideAccess: true, data: { kind: 'copy-pdf', exam: exam.id, copy: copy.id } as never, file: { data: Buffer.from(bytes), mimetype: 'application/pdf', name: `copy-${copy.anonymousId}.pdf`, size: bytes.length } })
    await payload.update({ collection: 'copies', id: copy.id, overrideAccess: true, data: { pdf: media.id } as never })
  }
  const { identifyExam } = await import('../../../plugins/identification/services/identifyExam')
  await identifyExam({ payload, examId: exam.id })
  const copies = await waitFor(
    `redaction of ${name}`,
    async () => {
      const all = await copiesOfExam(payload, exam.id)
      return all.every((c: any) => c.redaction?.status === 'done' && c.identityZones?.length) ? all : undefined
    },
    900_000,
  ).catch(async (error: Error) => {
    const all = await copiesOfExam(payload, exam.id)
    throw new Error(`${error.message}: ${JSON.stringify(all.map((c: any) => [c.id, c.identification?.status, c.redaction?.status, c.identityZones?.length, c.redaction?.error]))}`)
  })
  return { exam, copies, truth: batch.truth, students }
}

const checkRedacted = async ({ copies, truth }: Awaited<ReturnType<typeof scenario>>) => {
  for (const [i, copy] of copies.entries()) {
    // Teachers see copies out of staging; an unnamed one is opened by an ctx.admin to check it is masked too.
    const original = renderGray((await bytesOf(ctx.admin, (await ctx.admin.request('GET', `/api/media/${copy.pdf}`)).body.url)).bytes)
    const asAdmin = (await ctx.admin.request('GET', `/api/copies/${copy.id}?depth=0`)).body
    const redactedMedia = (await ctx.admin.request('GET', `/api/media/${asAdmin.redaction.pdf}`)).body
    const served = renderGray((await bytesOf(ctx.admin, redactedMedia.url)).bytes)
    expect([served.width, served.height]).toEqual([original.width, original.height])
    for (const zone of nameZonesOf(truth.copies[i] as never)) {
      const { ink, left } = inkLeft({ original, served, box: zone })
      // a name was written there (a short first name at 100 dpi is a few dozen dark pixels)
      if (truth.copies[i]!.student) expect(ink).toBeGreaterThan(8)
      expect({ copy: i, zone, left }).toEqual({ copy: i, zone, left: 0 })
      expect(pixelsIn(served, zone).filter((p) => p.v < INK)).toHaveLength(0)
    }
  }
}

describe('redacted scans (legacy header: NOM / Prénom / Classe)', () => {
  it('A4 copies: no handwriting left in the name fields of what a teacher gets, the name still on the published PDF', async () => {
    const run = await scenario('a4-mini', 'a4')
    await checkRedacted(run)

    // What a teacher is served: the copy's pdf is the redacted file, and the original is out of reach even by its address.
    const copy = run.copies.find((c: any) => c.status === 'ready')!
    const seen = (await ctx.alice.request('GET', `/api/copies/${copy.id}?depth=1`)).body
    expect(seen.pdf.filename).toMatch(/^redacted-[0-9a-f]{24}\.pdf$/)
    expect(seen.thumbnail.filename).toMatch(/^redacted-[0-9a-f]{24}\.webp$/)
    expect(JSON.stringify(seen)).not.toMatch(/identityZones|redaction|"student"/)
    const teacherPdf = await bytesOf(ctx.alice, seen.pdf.url)
    expect(teacherPdf.status).toBe(200)
    const zones = nameZonesOf(run.truth.copies[run.copies.indexOf(copy)] as never)
    const page = renderGray(teacherPdf.bytes)
    for (const zone of zones) expect(pixelsIn(page, zone).filter((p) => p.v < INK)).toHaveLength(0)
    const originalMedia = (await ctx.admin.request('GET', `/api/media/${copy.pdf}`)).body
    expect((await bytesOf(ctx.alice, originalMedia.url)).status).toBe(403)
    expect((await bytesOf(ctx.alice, `/api/media/file/copy-${copy.anonymousId}.pdf`)).status).toBe(403)
    expect((await bytesOf(ctx.alice, `/api/media/file/thumb-${copy.anonymousId}.webp`)).status).toBe(403)
    expect([403, 404]).toContain((await ctx.alice.request('GET', `/api/media/${copy.pdf}`)).status)
    // The page image a teacher can ask for is drawn from the redacted file.
    const image = await bytesOf(ctx.alice, `/api/anonymization/copies/${copy.id}/pages/0/image`)
    expect(image.status).toBe(200)

    // Annotations keep their place: the redacted page has the original's size in points.
    const { PDFDocument } = await import('pdf-lib')
    const [a, b] = await Promise.all([PDFDocument.load((await bytesOf(ctx.admin, originalMedia.url)).bytes), PDFDocument.load(teacherPdf.bytes)])
    expect(b.getPageCount()).toBe(a.getPageCount())

    // The student's own published PDF still shows their name.
    const student = run.students[run.copies.indexOf(copy)]!
    expect((await ctx.alice.request('PATCH', `/api/copies/${copy.id}`, { status: 'marking' })).status).toBe(200)
    expect((await ctx.alice.request('POST', '/api/grades', { copy: copy.id, questionKey: 'Q1', points: 7 })).status).toBe(201)
    expect((await ctx.alice.request('PATCH', `/api/copies/${copy.id}`, { status: 'finalized' })).status).toBe(200)
    await waitFor('annotated pdf', async () => ((await ctx.app.runtime.payload.findByID({ collection: 'copies', id: copy.id, overrideAccess: true, depth: 0 })) as any).annotatedPdf ?? undefined)
    expect((await ctx.admin.request('POST', `/api/publication/exams/${run.exam.id}/publish`, { notify: false })).status).toBeLessThan(300)
    await waitFor('publication', async () => ((await ctx.app.runtime.payload.findByID({ collection: 'copies', id: copy.id, overrideAccess: true, depth: 0 })) as any).publishedAt ?? undefined)
    const index = run.students.indexOf(student)
    const signIn = await fetch(`${ctx.app.baseUrl}/api/student-space/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `eleve${index}@eleve.test`, birthDate: `2008-03-${String(index + 1).padStart(2, '0')}` }) })
    expect(signIn.status).toBe(200)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    const published = await fetch(`${ctx.app.baseUrl}/api/student-space/copies/${copy.id}/pdf`, { headers: { cookie } })
    expect(published.status).toBe(200)
    const annotated = renderGray(new Uint8Array(await published.arrayBuffer()))
    const originalPage = renderGray((await bytesOf(ctx.admin, originalMedia.url)).bytes)
    for (const zone of zones) {
      const ink = pixelsIn(originalPage, zone).filter((p) => p.v < INK).length
      const shown = pixelsIn(annotated, zone).filter((p) => p.v < INK).length
      expect(shown).toBeGreaterThan(ink * 0.8)
    }
    void apiClient
  }, 1_200_000)

  it('A3 booklets (the header on the right half of the front): the same', async () => {
    await checkRedacted(await scenario('a3-mini', 'a3-booklet'))
  }, 1_200_000)
})
