import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Payload } from 'payload'

import { storeMedia } from '../../../storage/uploads'
import { seedClass } from '../helpers/seed'
import { signIn } from '../helpers/http'
import { waitFor as waitForAtMost } from '../helpers/wait'

const waitFor = <T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 90_000) => waitForAtMost(what, read, timeoutMs)

export type { Id } from '../../../shared/ids'
import type { Id } from '../../../shared/ids'

const copyPdf = async (title: string): Promise<Uint8Array> => {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= 2; n++) doc.addPage([595, 842]).drawText(`${title} — page ${n}`, { x: 60, y: 760, size: 18, font })
  return doc.save()
}

export const STUDENTS = {
  aissatou: { email: 'aissatou@eleve.test', birthDate: '2011-03-14' },
  bastien: { email: 'Bastien.Morel@Eleve.test', birthDate: '2010-11-02' },
  chloe: { email: 'chloe.durand@eleve.test', birthDate: '2011-07-30' },
}

/**
 * The school after a publication, made the real way (teachers grade and finalize over HTTP, the admin
 * publishes, the jobs render the annotated PDFs). Aïssatou: her maths copy published with its PDF, a physics
 * copy published without one, a history copy finalized and rendered but not published, a maths copy still in
 * staging. Bastien: his maths copy published. Chloé: nothing, she is the one who gets locked out.
 */
export const seedPublished = async ({ payload, baseUrl }: { payload: Payload; baseUrl: string }) => {
  const base = await seedClass(payload)
  const bastien = await payload.create({
    collection: 'students',
    data: { lastName: 'Morel', firstName: 'Bastien', birthDate: STUDENTS.bastien.birthDate, email: STUDENTS.bastien.email, className: '3e B' },
  })
  const chloe = await payload.create({
    collection: 'students',
    data: { lastName: 'Durand', firstName: 'Chloé', birthDate: STUDENTS.chloe.birthDate, email: STUDENTS.chloe.email, className: '3e B' },
  })
  const bastienMaths = await payload.create({
    collection: 'copies',
    data: { exam: base.maths.id, status: 'ready', student: bastien.id, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never,
  })
  for (const [copy, exam] of [
    [base.mathsReady, base.maths],
    [bastienMaths, base.maths],
    [base.historyReady, base.history],
  ] as const) {
    const media = await storeMedia({ payload, bytes: await copyPdf(exam.title), name: `copy-${copy.id}.pdf`, mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: exam.id, copy: copy.id } })
    await payload.update({ collection: 'copies', id: copy.id, data: { pdf: media.id }, overrideAccess: true })
  }

  const admin = await signIn({ baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  const alice = await signIn({ baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  const bob = await signIn({ baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
  const grade = async (client: typeof alice, copy: Id, questionKey: string, points: number, comment?: string) => {
    const answer = await client.request('POST', '/api/grades', { copy, questionKey, points, comment })
    if (answer.status !== 201) throw new Error(`grade ${questionKey} of ${copy}: ${answer.status} ${JSON.stringify(answer.body)}`)
  }
  const finalize = async (client: typeof alice, copy: Id) => {
    const answer = await client.request('PATCH', `/api/copies/${copy}`, { status: 'finalized' })
    if (answer.status !== 200) throw new Error(`finalize ${copy}: ${answer.status} ${JSON.stringify(answer.body)}`)
  }
  await grade(alice, base.mathsReady.id, 'Q1', 3.5, 'Très bien rédigé')
  await grade(alice, base.mathsReady.id, 'Q2', 2.25)
  await finalize(alice, base.mathsReady.id)
  await grade(alice, bastienMaths.id, 'Q1', 2)
  await grade(alice, bastienMaths.id, 'Q3', 7, 'Revoir le cours')
  await finalize(alice, bastienMaths.id)
  await grade(bob, base.historyReady.id, 'Q1', 4)
  await finalize(bob, base.historyReady.id)

  const published = await admin.request('POST', `/api/publication/exams/${base.maths.id}/publish`, {})
  if (published.status !== 202) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`)
  await waitFor('maths to be published', async () => {
    const exam = await payload.findByID({ collection: 'exams', id: base.maths.id, depth: 0, overrideAccess: true })
    return exam.status === 'published' ? exam : undefined
  })
  // The history copy is rendered on finalization (so it has a PDF) but its exam is never published.
  await waitFor('the history copy to be rendered', async () => {
    const copy = await payload.findByID({ collection: 'copies', id: base.historyReady.id, depth: 0, overrideAccess: true })
    return copy.annotatedPdf ?? undefined
  })

  // Published, but its annotated PDF was never produced (e.g. a copy published before rendering existed).
  const physics = await payload.create({
    collection: 'exams',
    data: { title: 'Physique', subject: 'Physique', className: '3e B', gradingScale: [{ key: 'P1', maxPoints: 10, step: 1 }], status: 'published' },
  })
  const physicsCopy = await payload.create({
    collection: 'copies',
    data: { exam: physics.id, status: 'marking', student: base.student.id } as never,
    overrideAccess: true,
  })
  await payload.update({ collection: 'copies', id: physicsCopy.id, data: { status: 'finalized', publishedAt: new Date().toISOString() } as never, overrideAccess: true })

  return { ...base, bastien, chloe, bastienMaths, physics, physicsCopy, admin, alice }
}
