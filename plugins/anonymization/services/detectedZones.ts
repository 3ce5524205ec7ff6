import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import type { IdentityZone } from '../lib/zones'

/**
 * Identification's side of the contract: the zones it found on a copy, written only while the copy still has
 * the PDF they were measured on (a copy rebuilt meanwhile is read again). The exam's own zone is kept by the
 * copies' hook, whatever is written here.
 */
export const writeDetectedZones = async ({ payload, copyId, pdf, zones }: { payload: Payload; copyId: Id; pdf: unknown; zones: IdentityZone[] }): Promise<boolean> => {
  const now = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, select: { pdf: true }, disableErrors: true })
  if (!now || String(idOf(now.pdf)) !== String(idOf(pdf))) return false
  await payload.update({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, data: { identityZones: zones.map((z) => ({ ...z, source: 'detected' as const })) } })
  return true
}
