import type { Payload } from 'payload'

export type { Id } from '../../../shared/ids'
import type { Id } from '../../../shared/ids'

export const SCALE = [
  { key: 'Q1', label: 'Exercice 1', maxPoints: 4, step: 0.5 },
  { key: 'Q2', label: 'Exercice 2', maxPoints: 6, step: 0.5 },
  { key: 'Q3', label: 'Exercice 3', maxPoints: 10, step: 0.5 },
]

export const TEACHERS = ['alice', 'bob', 'carol'] as const
export const password = (name: string) => `${name}-password-1`

/** An admin, three teachers of one exam and `copies` ready copies (no scan: distribution is about rows). */
export const seedExam = async ({ payload, copies = 6, title = 'Maths — DS 5' }: { payload: Payload; copies?: number; title?: string }) => {
  const existing = await payload.find({ collection: 'users', where: { email: { equals: 'admin@school.test' } }, overrideAccess: true })
  if (!existing.docs.length) {
    await payload.create({ collection: 'users', data: { email: 'admin@school.test', password: 'admin-password-1', role: 'admin', name: 'Admin' } })
    for (const name of TEACHERS) await payload.create({ collection: 'users', data: { email: `${name}@school.test`, password: password(name), role: 'teacher', name: name[0]!.toUpperCase() + name.slice(1) } })
  }
  const users = Object.fromEntries(
    await Promise.all(TEACHERS.map(async (name) => [name, (await payload.find({ collection: 'users', where: { email: { equals: `${name}@school.test` } }, overrideAccess: true })).docs[0]!] as const)),
  ) as unknown as Record<(typeof TEACHERS)[number], { id: number }>
  const exam = await payload.create({ collection: 'exams', data: { title, className: '3e B', gradingScale: SCALE, correctors: TEACHERS.map((t) => users[t].id), status: 'marking' } })
  const made = []
  for (let i = 1; i <= copies; i++) made.push(await payload.create({ collection: 'copies', data: { exam: exam.id, status: 'ready', anonymousId: `K-${String(exam.id).padStart(2, '0')}${String(i).padStart(3, '0')}` } as never }))
  return { users, exam, copies: made }
}
