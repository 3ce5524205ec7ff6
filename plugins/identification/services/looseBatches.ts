import type { Payload } from 'payload'

import { idOf } from '../../../collections/relations'
import type { CopyDoc } from './copies'

/**
 * The batches of these copies that ingestion cut sheet by sheet because the exam had copies already
 * (annexes, late sheets): their pieces belong to copies more than they are copies.
 */
export const looseBatchesOf = async ({ payload, copies }: { payload: Payload; copies: CopyDoc[] }): Promise<Set<string>> => {
  const ids = [...new Set(copies.map((c) => idOf(c.pages?.[0]?.batch)).filter((id) => id !== undefined))]
  if (!ids.length) return new Set()
  const batches = await payload.find({ collection: 'scan-batches', where: { id: { in: ids } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, select: { cutOn: true } })
  return new Set(batches.docs.filter((b: any) => b.cutOn?.looseSheets === true).map((b) => String(b.id)))
}

/** The copy's batch (that of its first page) was cut as loose sheets. */
export const isLoose = ({ copy, looseBatches }: { copy: CopyDoc; looseBatches: Set<string> }): boolean => looseBatches.has(String(idOf(copy.pages?.[0]?.batch)))
