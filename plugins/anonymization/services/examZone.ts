import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { examZoneProblem, mergeZones, type IdentityZone, type ZoneBox } from '../lib/zones'

export const examZoneOf = (exam: { identityZone?: unknown } | null | undefined): ZoneBox | null =>
  exam?.identityZone && !examZoneProblem(exam.identityZone) ? (exam.identityZone as ZoneBox) : null

/** Puts the exam's zone (or its removal) on every copy of the exam; each copy's redaction follows by its own hook. */
export const applyExamZone = async ({ payload, examId, zone, req }: { payload: Payload; examId: Id; zone: ZoneBox | null; req?: PayloadRequest }): Promise<number> => {
  const copies = await payload.find({ collection: 'copies', where: { exam: { equals: examId } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { identityZones: true } })
  for (const copy of copies.docs) {
    const zones = mergeZones({ detected: (copy.identityZones ?? []) as IdentityZone[], examZone: zone })
    await payload.update({ collection: 'copies', id: copy.id, data: { identityZones: zones }, depth: 0, overrideAccess: true, req })
  }
  return copies.docs.length
}
