import sharp from 'sharp'
import type { Payload } from 'payload'

import { idOf } from '../../../collections/relations'
import { readUpload } from '../../../storage/uploads'
import { headerIdentityZones } from '../../anonymization/lib/headerZones'
import { HEADER_DPI, type PointBox } from '../lib/header/index'
import { readFramedPdf } from '../lib/pipeline/readPdfHeader'
import type { CopyDoc } from './copies'
import type { HeaderReaders } from './engines'
import type { StoredReadings } from './readCopyHeader'

/**
 * The header reader of framed NOM / Prénom boxes: the box ingestion found (or, without one, the top band
 * of the page) cropped, deskewed, its printed labels read to place the fields.
 */
export const readFramedHeader = async ({ payload, copy, readers, headerBox, dpi }: { payload: Payload; copy: CopyDoc; readers: HeaderReaders; headerBox?: PointBox; dpi?: number }) => {
  const media = await payload.findByID({ collection: 'media', id: idOf(copy.pdf)!, depth: 0, overrideAccess: true })
  const bytes = await readUpload({ payload, collection: 'media', doc: media })
  const { reading, rendered, crop } = await readFramedPdf({ pdf: bytes, headerBox, readers, dpi })
  // Anonymization: where the name fields are on the page, so the scans teachers get have them painted out.
  const zones = headerIdentityZones({ fields: reading.layout.fields, located: reading.layout.source, geometry: { box: rendered.box, dpi: dpi ?? HEADER_DPI, rendered, deskewed: crop } })
  const jpeg = await sharp(Buffer.from(crop.raw), { raw: { width: crop.width, height: crop.height, channels: 1 } }).jpeg({ quality: 80 }).toBuffer()
  const readings: StoredReadings = { fields: reading.fields, lattices: reading.lattices, located: reading.layout.source === 'labels' ? 'labels' : 'fallback', form: headerBox ? 'header-box' : 'top-band' }
  return { jpeg, readings, zones }
}
