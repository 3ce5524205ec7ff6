import type { Payload } from 'payload'

export type { Id } from '../../../shared/ids'
import type { Id } from '../../../shared/ids'

/** Two exams, two teachers, one copy of each status per exam: the minimum to exercise access rules. */
export const seedClass = async (payload: Payload) => {
  const admin = await payload.create({
    collection: 'users',
    data: { email: 'admin@school.test', password: 'admin-password-1', role: 'admin', name: 'Admin' },
  })
  const alice = await payload.create({
    collection: 'users',
    data: { email: 'alice@school.test', password: 'alice-password-1', role: 'teacher', name: 'Alice' },
  })
  const bob = await payload.create({
    collection: 'users',
    data: { email: 'bob@school.test', password: 'bob-password-1', role: 'teacher', name: 'Bob' },
  })
  const scale = [
    { key: 'Q1', label: 'Exercice 1', maxPoints: 4, step: 0.5 },
    { key: 'Q2', label: 'Exercice 2', maxPoints: 5, step: 0.25 },
    { key: 'Q3', maxPoints: 11, step: 1 },
  ]
  const maths = await payload.create({
    collection: 'exams',
    data: { title: 'Maths — contrôle 1', subject: 'Maths', className: '3e B', gradingScale: scale, correctors: [alice.id], status: 'marking' },
  })
  const history = await payload.create({
    collection: 'exams',
    data: { title: 'Histoire', subject: 'Histoire', className: '3e B', gradingScale: scale, correctors: [bob.id], status: 'marking' },
  })
  const student = await payload.create({
    collection: 'students',
    data: { lastName: "N'Diaye", firstName: 'Aïssatou', birthDate: '2011-03-14', email: 'aissatou@eleve.test', className: '3e B' },
  })
  const copy = (exam: Id, status: string) =>
    payload.create({ collection: 'copies', data: { exam, status, student: student.id, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never })
  return {
    admin,
    alice,
    bob,
    student,
    maths,
    history,
    mathsReady: await copy(maths.id, 'ready'),
    mathsStaging: await copy(maths.id, 'staging'),
    historyReady: await copy(history.id, 'ready'),
  }
}
