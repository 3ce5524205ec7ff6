import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import type { Payload } from 'payload'

export type { Id } from '../../../shared/ids'
import type { Id } from '../../../shared/ids'

/** A handwritten-looking copy, made on the fly: A4 pages with a header, ruled lines and a page number. */
export const makeCopyPdf = async ({ pages = 4, title = 'Copie' }: { pages?: number; title?: string } = {}): Promise<Buffer> => {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([595.28, 841.89])
    page.drawText(`${title} — page ${n}`, { x: 50, y: 790, size: 18, font, color: rgb(0.1, 0.1, 0.3) })
    for (let y = 740; y > 60; y -= 24) page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.4, color: rgb(0.6, 0.7, 0.9) })
    page.drawText(`Exercice ${n} : la réponse est ${n * 7}.`, { x: 60, y: 700, size: 14, font })
    page.drawText(`${n}`, { x: 290, y: 30, size: 10, font })
  }
  return Buffer.from(await pdf.save())
}

export const SCALE = [
  { key: 'Q1', label: 'Exercice 1', maxPoints: 4, step: 0.5 },
  { key: 'Q2', label: 'Exercice 2', maxPoints: 5, step: 0.25 },
  { key: 'Q3', label: 'Exercice 3', maxPoints: 3, step: 1 },
]

export const PASSWORDS = { alice: 'alice-password-1', bob: 'bob-password-1' }

/** Users, one double-marked exam with a scale, and `copies` copies each holding a generated PDF. */
export const seedMarking = async ({ payload, copies = 3, pages = 4, pdf }: { payload: Payload; copies?: number; pages?: number; pdf?: Buffer }) => {
  await payload.create({ collection: 'users', data: { email: 'admin@school.test', password: 'admin-password-1', role: 'admin', name: 'Admin' } })
  const alice = await payload.create({ collection: 'users', data: { email: 'alice@school.test', password: PASSWORDS.alice, role: 'teacher', name: 'Alice Martin' } })
  const bob = await payload.create({ collection: 'users', data: { email: 'bob@school.test', password: PASSWORDS.bob, role: 'teacher', name: 'Bob Durand' } })
  const exam = await payload.create({
    collection: 'exams',
    data: { title: 'Maths — contrôle 2', subject: 'Maths', className: '3e B', gradingScale: SCALE, correctors: [alice.id, bob.id], status: 'marking', doubleMarking: true } as never,
  })
  const bytes = pdf ?? (await makeCopyPdf({ pages }))
  const made = []
  for (let i = 1; i <= copies; i++) {
    const copy = await payload.create({ collection: 'copies', data: { exam: exam.id, status: 'ready', anonymousId: `K-TEST${i}` } as never })
    const media = await payload.create({
      collection: 'media',
      data: { kind: 'copy-pdf', exam: exam.id, copy: copy.id } as never,
      file: { data: bytes, mimetype: 'application/pdf', name: `copy-${i}.pdf`, size: bytes.length },
    })
    made.push(await payload.update({ collection: 'copies', id: copy.id, data: { pdf: media.id } as never, depth: 0 }))
  }
  return { alice, bob, exam, copies: made }
}
