import type { IdentityZone } from '../lib/zones'

/**
 * Identification's side of the contract: the zones it found on a copy, as the copy stores them. The writer
 * stores them with its reading, under the exam's lock and only while the copy still has the PDF they were
 * measured on; the exam's own zone is kept by the copies' hook, whatever is written here.
 */
export const detectedZones = (zones: IdentityZone[]): IdentityZone[] => zones.map((z) => ({ ...z, source: 'detected' as const }))
