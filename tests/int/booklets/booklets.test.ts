import { bookletSubject, scanPrinted } from '../../../tools/papers/booklets/index.js'
import { uploadSubject } from '../ingestion-evidence/helpers'
import { useSeededApp } from '../helpers/seededApp'
import { copiesOfExam, uploadBatch, waitForBatch } from '../helpers/scans'
import { waitForIdentification } from '../identification/helpers'

// Issue 17: booklets printed with a QR code on every page come back from a shuffled, partly upside-down scan
// as exactly the printed copies, named from their codes (no OCR), with the lost and the doubled page named.
const ctx = useSeededApp()

const COPIES = 30

describe('prepared booklets', () => {
  it('prints named booklets, and reads a shuffled scan of them back into 30 exact, identified copies', async () => {
    const { payload } = ctx.app.runtime
    const students = []
    for (let i = 0; i < COPIES; i++)
      students.push(await payload.create({ collection: 'students', data: { lastName: `Livret${String(i + 1).padStart(2, '0')}`, firstName: 'Camille', className: 'QR 1' } as never }))
    const subject = await uploadSubject({ client: ctx.admin, name: 'sujet.pdf', bytes: await bookletSubject({ pageCount: 2 }) })
    const exam = await payload.create({ collection: 'exams', data: { title: 'Contrôle QR', className: 'QR 1', blankSubject: subject.body.doc.id } as never })

    // Admins only, and a layout that exists.
    const url = `${ctx.app.baseUrl}/api/exams/${exam.id}/booklets.pdf`
    const get = (token: string | undefined, query = '') => fetch(url + query, { headers: token ? { authorization: `JWT ${token}` } : {} })
    expect((await get(ctx.alice.token)).status).toBe(403)
    const refused = await get(ctx.admin.token, '?layout=a5')
    expect(refused.status).toBe(400)
    expect((await refused.json()).errors[0].message).toContain('layout must be one of a4, a3')
    const response = await get(ctx.admin.token, '?layout=a4')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const printed = new Uint8Array(await response.arrayBuffer())

    // Students are printed in roster order (last name): booklet n is Livret0n, pages 2n-1 and 2n of the print.
    // Printed page 7 (booklet 4, page 1) is lost; page 12 (booklet 6, page 2) goes through the scanner twice.
    const scan = await scanPrinted({ printed, seed: 17, dpi: 150, flips: 0.35, drop: [7], duplicate: [12], quality: 55 })
    expect(scan.pages.some((p) => p.rotation === 180)).toBe(true)
    const batch = await uploadBatch({ client: ctx.admin, exam: exam.id, name: 'livrets-scannes.pdf', bytes: scan.bytes })
    const done = await waitForBatch({ payload, id: batch.id, timeoutMs: 240_000 })
    expect(done.status).toBe('done')
    await waitForIdentification({ payload, exam: exam.id, timeoutMs: 120_000 })
    // The identification job has run (it moves the exam to marking) and had nothing to read.
    const deadline = Date.now() + 120_000
    while ((await payload.findByID({ collection: 'exams', id: exam.id, depth: 0, overrideAccess: true })).status !== 'marking') {
      if (Date.now() > deadline) throw new Error('the identification job did not move the exam to marking')
      await new Promise((r) => setTimeout(r, 500))
    }

    const copies = (await copiesOfExam(payload, exam.id)) as any[]
    expect(copies).toHaveLength(COPIES)
    const byBooklet = new Map(copies.map((c) => [c.segmentation.booklet as number, c]))
    for (let n = 1; n <= COPIES; n++) {
      const copy = byBooklet.get(n)
      expect(copy).toBeDefined()
      expect(copy.segmentation).toMatchObject({ boundary: 'qr-code', unsure: false })
      // Every page in booklet order and upright: the scan's truth says which printed page each source page is.
      const expected = [2 * n - 1, 2 * n].filter((p) => p !== 7).flatMap((p) => (p === 12 ? [p, p] : [p]))
      expect(copy.pages.map((p: any) => scan.pages[p.sourcePage - 1]!.printedPage)).toEqual(expected)
      for (const p of copy.pages) expect(p.rotation).toBe(scan.pages[p.sourcePage - 1]!.rotation)
      // Named from the code, never read: no OCR reading is stored.
      expect(copy.identification).toMatchObject({ status: 'identified', method: 'qr-code', confidence: 1 })
      expect(copy.identification.readings ?? null).toBeNull()
      expect(String(copy.student)).toBe(String(students[n - 1]!.id))
      expect(copy.anomalies).toEqual(n === 4 ? ['page 1 of 2 is missing'] : n === 6 ? [expect.stringMatching(/^page 2 of 2 was scanned 2 times \(livrets-scannes\.pdf pages \d+, \d+\)$/)] : [])
    }
    const decisions = await payload.find({ collection: 'identification-decisions', where: { exam: { equals: exam.id } }, limit: 0, overrideAccess: true })
    expect(decisions.docs).toHaveLength(COPIES)
    expect(decisions.docs.every((d: any) => d.method === 'qr-code' && d.action === 'assign')).toBe(true)
    expect((done.problems as any[]).filter((p) => p.code === 'copy_anomaly').map((p) => p.message).sort()).toEqual([
      'page 1 of 2 is missing',
      expect.stringContaining('page 2 of 2 was scanned 2 times'),
    ])
  }, 400_000)
})
