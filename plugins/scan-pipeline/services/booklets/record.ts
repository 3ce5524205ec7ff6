import type { Field } from 'payload'

import { adminsOnlyField } from '../../../../collections/access/roles'
import type { Id } from '../../../../collections/access/roles'

/**
 * Which booklet number was printed for whom, kept on the exam: a scanned booklet's code carries only its
 * number, and the roster may change between printing and scanning. Numbers never change once printed
 * (printing again reuses them), so a booklet printed twice is still the same student's.
 */
export type BookletRecord = { printedAt: string; copies: { copyNo: number; student: Id | null }[] }

export const bookletsField: Field = {
  name: 'booklets',
  type: 'json',
  admin: { hidden: true },
  access: { read: adminsOnlyField, create: () => false, update: () => false },
}

export const recordOf = (exam: object): BookletRecord => {
  const value = (exam as { booklets?: unknown }).booklets as BookletRecord | null | undefined
  return value && Array.isArray(value.copies) ? value : { printedAt: '', copies: [] }
}
