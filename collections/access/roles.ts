import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export type Role = 'admin' | 'teacher'
export type { Id } from '../../shared/ids'
import type { Id } from '../../shared/ids'
import { oncePerRequest } from '../request-memo'

type StaffUser = { id: Id; collection?: string; role?: Role }

const staff = (user: unknown): StaffUser | undefined => {
  const candidate = user as StaffUser | null | undefined
  return candidate && (candidate.collection === undefined || candidate.collection === 'users') ? candidate : undefined
}

export const isAdmin = (user: unknown): boolean => staff(user)?.role === 'admin'
export const isTeacher = (user: unknown): boolean => staff(user)?.role === 'teacher'

export const adminsOnly: Access = ({ req }) => isAdmin(req.user)
export const adminsOnlyField: FieldAccess = ({ req }) => isAdmin(req.user)
export const nobody: Access = () => false

export type CorrectorExam = { id: Id; distribution?: unknown }

/**
 * The exams where the signed-in teacher is a corrector, with how each is distributed, read once per request:
 * access to every collection a request touches asks for them, and the teacher's share of a distributed exam
 * (plugins/distribution) too — one query on the exams' correctors, not one per asker.
 */
export const correctorExams = async (req: PayloadRequest): Promise<CorrectorExam[]> => {
  const user = staff(req.user)
  if (!user) return []
  return oncePerRequest(req, 'corrector-exams', () =>
    req.payload
      .find({ collection: 'exams', depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { distribution: true }, where: { correctors: { in: [user.id] } } })
      .then((exams) => exams.docs.map((doc) => ({ id: doc.id as Id, distribution: (doc as { distribution?: unknown }).distribution }))),
  )
}

/** Ids of the exams where the signed-in teacher is a corrector. */
export const assignedExamIds = async (req: PayloadRequest): Promise<Id[]> => (await correctorExams(req)).map((exam) => exam.id)

/**
 * A condition no row meets, on every database: every row has an id. Access must answer with a query rather
 * than `false` when the list should just be empty (`false` is a 403), and a placeholder id such as
 * '__none__' is not a valid integer id on PostgreSQL.
 */
export const NO_ROWS: Where = { id: { exists: false } }

/** `field` is one of `ids`; no row when the list is empty. */
export const oneOf = (field: string, ids: Id[]): Where => (ids.length ? { [field]: { in: ids } } : NO_ROWS)

/** Admins see everything; a teacher only rows whose `field` points at one of their exams. */
export const byAssignedExam =
  (field: string, extra?: Where): Access =>
  async ({ req }) => {
    if (isAdmin(req.user)) return true
    if (!isTeacher(req.user)) return false
    const where = oneOf(field, await assignedExamIds(req))
    return extra ? { and: [where, extra] } : where
  }

/**
 * Rows that hang off a copy (grades, annotations): readable and editable through the exam they belong
 * to; a create is checked in the collection's hook, once the copy it names has been loaded.
 */
export const copyChildAccess: { read: Access; create: Access; update: Access; delete: Access } = {
  read: byAssignedExam('exam'),
  create: ({ req }) => Boolean(req.user),
  update: byAssignedExam('exam'),
  delete: byAssignedExam('exam'),
}
