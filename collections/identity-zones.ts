import type { Field } from 'payload'

import { adminsOnlyField } from './access/roles'

/** A rectangle in PDF points of the upright page, top-left origin (the annotations' space). */
export type ZoneBox = { x: number; y: number; width: number; height: number }

/**
 * Where a copy shows who wrote it: `page` is the 0-based index in the copy; `detected` zones come from
 * identification, `exam` ones from the zone the admin drew on the exam's first page. The redaction job
 * paints them out of everything a teacher is served.
 */
export type IdentityZone = { page: number; box: ZoneBox; source: 'detected' | 'exam' }

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** What is wrong with a list of zones, or null: the field takes JSON, so its shape is checked here. */
export const identityZonesProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  if (!Array.isArray(value)) return 'identityZones must be a list'
  for (const [i, zone] of value.entries()) {
    const z = zone as Partial<IdentityZone> | null
    if (!z || typeof z !== 'object') return `identityZones[${i}] must be an object`
    if (!Number.isInteger(z.page) || (z.page as number) < 0) return `identityZones[${i}].page must be an integer from 0`
    if (z.source !== 'detected' && z.source !== 'exam') return `identityZones[${i}].source must be "detected" or "exam"`
    const b = z.box as Partial<ZoneBox> | undefined
    if (!b || !finite(b.x) || !finite(b.y) || !finite(b.width) || !finite(b.height) || b.width <= 0 || b.height <= 0)
      return `identityZones[${i}].box needs numbers x, y and positive width, height (PDF points)`
  }
  return null
}

export const identityZonesField: Field = {
  name: 'identityZones',
  type: 'json',
  label: { fr: "Zones d'identité (masquées aux correcteurs)", en: 'Identity zones (hidden from markers)' },
  admin: { readOnly: true },
  validate: (value: unknown) => identityZonesProblem(value) ?? true,
  // Where the name is on the scan is as private as the name itself.
  access: { read: adminsOnlyField, update: adminsOnlyField, create: adminsOnlyField },
}
