/**
 * Who asks: nobody; a student signed in to the student space (their cookie only); the teacher of the exam the
 * rows belong to (Alice, maths); a teacher of another exam (Bob, history); a teacher with no exam yet
 * (Carol); an admin.
 */
export const ROLES = ['anonymous', 'student', 'alice', 'bob', 'carol', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const TEACHERS: Role[] = ['alice', 'bob', 'carol']
export const STAFF: Role[] = ['alice', 'bob', 'carol', 'admin']
export const NOBODY: Role[] = []
export const ADMIN: Role[] = ['admin']
export const OF_THE_EXAM: Role[] = ['alice', 'admin']

/** What a role may do to a row of a collection (the row belongs to Alice's exam when that means anything). */
export type Rights = { read: Role[]; create: Role[]; update: Role[]; delete: Role[]; file?: Role[] }
