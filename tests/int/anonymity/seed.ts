import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import type { Payload } from 'payload'

import { waitFor } from '../helpers/wait'

export type { Id } from '../../../shared/ids'
import type { Id } from '../../../shared/ids'

/** Where the seeded copies carry their author's name: PDF points of the upright page, top-left origin. */
export const NAME_BOX = { x: 60, y: 40, width: 300, height: 50 }

/** A copy whose first page names its author in the header (vector text, so a leak is readable as text too). */
export const namedCopyPdf = async ({ lastName, firstName, pages = 2 }: { lastName: string; firstName: string; pages?: number }): Promise<Buffer> => {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([595.28, 841.89])
    if (n === 1) {
      page.drawText(`NOM : ${lastName}`, { x: 70, y: 841.89 - 60, size: 16, font, color: rgb(0.05, 0.1, 0.5) })
      page.drawText(`Prénom : ${firstName}`, { x: 70, y: 841.89 - 82, size: 16, font, color: rgb(0.05, 0.1, 0.5) })
    }
    page.drawText(`Exercice ${n} : la réponse est ${n * 7}.`, { x: 60, y: 600, size: 14, font })
  }
  return Buffer.from(await pdf.save())
}

/** Admin, two teachers, a student, an exam marked by Alice with one named copy (identity zone over the name), another exam by Bob. */
export const seedAnonymity = async (payload: Payload) => {
  const admin = await payload.create({ collection: 'users', data: { email: 'admin@school.test', password: 'admin-password-1', role: 'admin', name: 'Admin' } })
  const alice = await payload.create({ collection: 'users', data: { email: 'alice@school.test', password: 'alice-password-1', role: 'teacher', name: 'Alice' } })
  const bob = await payload.create({ collection: 'users', data: { email: 'bob@school.test', password: 'bob-password-1', role: 'teacher', name: 'Bob' } })
  const student = await payload.create({ collection: 'students', data: { lastName: 'MARTINEAU', firstName: 'Lucasine', birthDate: '2011-03-14', email: 'lucasine@eleve.test', className: '3e B' } })
  const other = await payload.create({ collection: 'students', data: { lastName: 'ZOLAVSKI', firstName: 'Berthe', birthDate: '2011-05-02', email: 'berthe@eleve.test', className: '3e B' } })
  const scale = [{ key: 'Q1', maxPoints: 10, step: 0.5 }]
  const maths = await payload.create({ collection: 'exams', data: { title: 'Maths', className: '3e B', gradingScale: scale, correctors: [alice.id], status: 'marking' } })
  const history = await payload.create({ collection: 'exams', data: { title: 'Histoire', className: '3e B', gradingScale: scale, correctors: [bob.id], status: 'marking' } })
  const copyOf = async (exam: Id, who: { id: Id; lastName: string; firstName: string }, anonymousId: string) => {
    const copy = await payload.create({ collection: 'copies', data: { exam, status: 'ready', anonymousId, student: who.id, identification: { status: 'manual', method: 'manual' } } as never })
    const bytes = await namedCopyPdf(who)
    const media = await payload.create({ collection: 'media', data: { kind: 'copy-pdf', exam, copy: copy.id } as never, file: { data: bytes, mimetype: 'application/pdf', name: `copy-${anonymousId}.pdf`, size: bytes.length } })
    const thumb = await payload.create({ collection: 'media', data: { kind: 'thumbnail', exam, copy: copy.id } as never, file: { data: bytes, mimetype: 'application/pdf', name: `thumb-${anonymousId}.pdf`, size: bytes.length } })
    return payload.update({ collection: 'copies', id: copy.id, depth: 0, data: { pdf: media.id, thumbnail: thumb.id, identityZones: [{ page: 0, box: NAME_BOX, source: 'detected' }] } as never })
  }
  const mathsCopy = await copyOf(maths.id, student as never, 'K-MATHS01')
  const secondCopy = await copyOf(maths.id, other as never, 'K-MATHS02')
  const historyCopy = await copyOf(history.id, student as never, 'K-HIST01')
  for (const copy of [mathsCopy, secondCopy, historyCopy])
    await waitFor(`redaction of ${copy.anonymousId}`, async () => {
      const now = await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true })
      return now.redaction?.status === 'done' ? now : undefined
    }, 120_000)
  return { admin, alice, bob, student, other, maths, history, mathsCopy, secondCopy, historyCopy }
}
