import type { Payload } from 'payload'

import type { BatchTruth } from '../../fixtures/scans'
import { ROSTER } from '../../fixtures/scans/content'
import type { Id } from '../helpers/seed'

export const CLASS = 'Terminale B'

/** A roster CSV for the batch: every student of the truth plus `absent` students of ROSTER who did not sit the exam. */
export const rosterFor = ({ truth, absent }: { truth: BatchTruth; absent: number }) => {
  const present = truth.copies.flatMap((c) => (c.student ? [c.student] : []))
  const names = new Set(present.map((s) => `${s.last_name}|${s.first_name}`))
  const absentees = ROSTER.filter((s) => !names.has(`${s.last_name}|${s.first_name}`)).slice(0, absent)
  return { present, absentees, students: [...present, ...absentees] }
}

export const csvOf = (students: { last_name: string; first_name: string }[], { sep = ';', eol = '\r\n' } = {}) =>
  [['Nom', 'Prénom', 'Date de naissance', 'Classe'].join(sep), ...students.map((s, i) => [s.last_name, s.first_name, `${String((i % 27) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2008`, CLASS].join(sep))].join(eol) + eol

/**
 * Waits until the identify-exam job has given every non-manual copy a verdict. A class's first run takes
 * ~165 s alone on 2 cores (forms learned, OCR opened); beside the other OCR-heavy files, twice that.
 */
export const waitForIdentification = async ({ payload, exam, timeoutMs = 540_000 }: { payload: Payload; exam: Id; timeoutMs?: number }) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const copies = (await payload.find({ collection: 'copies', where: { exam: { equals: exam } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' })).docs
    if (copies.length && copies.every((c: any) => c.identification?.status && c.identification.status !== 'pending')) return copies as any[]
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`exam ${exam} was not identified within ${timeoutMs} ms`)
}

/** Precision and coverage of the automatic names against the truth (copies in scan order). */
export const scoreIdentification = async ({ payload, copies, truth }: { payload: Payload; copies: any[]; truth: BatchTruth }) => {
  let named = 0, right = 0, wrong = 0
  const wrongs: string[] = []
  for (const [i, copy] of copies.entries()) {
    const expected = truth.copies[i]?.student ?? null
    if (expected) named++
    if (copy.identification?.status !== 'identified') continue
    const student = await payload.findByID({ collection: 'students', id: copy.student, depth: 0, overrideAccess: true })
    if (expected && student.lastName === expected.last_name && student.firstName === expected.first_name) right++
    else {
      wrong++
      wrongs.push(`copy ${i}: got ${student.lastName} ${student.firstName}, expected ${expected ? `${expected.last_name} ${expected.first_name}` : 'nobody'}`)
    }
  }
  return { named, right, wrong, wrongs, precision: right + wrong ? right / (right + wrong) : 1, coverage: named ? right / named : 0 }
}
