import sharp from 'sharp'
import type { Payload } from 'payload'

import { idOf } from '../../../collections/relations'
import { readUpload, storeMedia } from '../../../storage/uploads'
import { writeDetectedZones } from '../../anonymization/services/detectedZones'
import { headerIdentityZones } from '../../anonymization/lib/headerZones'
import { deskew, HEADER_DPI, padBox, readHeader, renderCrop, type HeaderFieldName, type PointBox } from '../lib/header/index'
import type { Lattice } from '../lib/lattice/index'
import type { FieldCandidate } from '../lib/match/index'
import type { CopyDoc } from './copies'
import type { HeaderReaders } from './engines'

export type StoredReadings = {
  fields: Partial<Record<HeaderFieldName, FieldCandidate[]>>
  lattices?: Partial<Record<HeaderFieldName, Lattice>>
  located: 'labels' | 'fallback'
  box: 'detected' | 'top-band'
  skew: number
}

type RegionAnalysis = { region: string; rotation: number; headerBox?: PointBox }

/**
 * The header box ingestion found on the copy's first page. Only valid while that page keeps the
 * rotation it was analysed with: after a hand rotation the box would point at the wrong corner.
 */
const headerBoxOf = async ({ payload, copy }: { payload: Payload; copy: CopyDoc }): Promise<PointBox | undefined> => {
  const first = copy.pages?.[0]
  const batch = idOf(first?.batch)
  if (!first || batch === undefined) return undefined
  const found = await payload.find({ collection: 'scan-pages', where: { and: [{ batch: { equals: batch } }, { sourcePage: { equals: first.sourcePage } }] }, limit: 1, depth: 0, overrideAccess: true })
  const regions = ((found.docs[0]?.analysis as { regions?: RegionAnalysis[] } | undefined)?.regions ?? [])
  const region = regions.find((r) => r.region === (first.region ?? 'full'))
  return region && region.rotation === (first.rotation ?? 0) ? region.headerBox : undefined
}

/** Renders, stores and reads one copy's header; the crop is what the desk shows the admin. */
export const readCopyHeader = async ({ payload, copy, readers, dpi }: { payload: Payload; copy: CopyDoc; readers: HeaderReaders; dpi?: number }): Promise<{ readings: StoredReadings; headerCrop: string | number }> => {
  const media = await payload.findByID({ collection: 'media', id: idOf(copy.pdf)!, depth: 0, overrideAccess: true })
  const bytes = await readUpload({ payload, collection: 'media', doc: media })
  const headerBox = await headerBoxOf({ payload, copy })
  const mupdf = await import('mupdf')
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  let crop, rendered
  try {
    rendered = renderCrop({ doc, pageIndex: 0, box: headerBox ? padBox(headerBox) : undefined, dpi })
    crop = await deskew({ image: rendered })
  } finally {
    doc.destroy()
  }
  const reading = await readHeader({ image: crop, labels: readers.labels, engines: readers.engines })
  // Anonymization: where the name fields are on the page, so the scans teachers get have them painted out.
  const zones = headerIdentityZones({
    fields: reading.layout.fields,
    located: reading.layout.source,
    geometry: { box: rendered.box, dpi: dpi ?? HEADER_DPI, rendered, deskewed: crop },
  })
  await writeDetectedZones({ payload, copyId: copy.id, pdf: copy.pdf, zones })
  const jpeg = await sharp(Buffer.from(crop.raw), { raw: { width: crop.width, height: crop.height, channels: 1 } }).jpeg({ quality: 80 }).toBuffer()
  const stored = await storeMedia({ payload, bytes: jpeg, name: `header-${copy.anonymousId}.jpg`, mimetype: 'image/jpeg', data: { kind: 'header-crop', exam: idOf(copy.exam), copy: copy.id } })
  return {
    readings: { fields: reading.fields, lattices: reading.lattices, located: reading.layout.source, box: headerBox ? 'detected' : 'top-band', skew: crop.angle },
    headerCrop: stored.id,
  }
}
