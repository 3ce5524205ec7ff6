import type { HeaderFieldName } from '../header/types'
import type { Lattice } from '../lattice/types'
import type { FieldCandidate } from '../match/types'
import { readField } from '../ocr/readField'
import type { OcrEngine } from '../ocr/types'
import { assignStrokes, labelsOnPage } from './assign'
import { fieldCrop } from './crop'
import type { BlankForm } from './form'
import { handwritingOf, strokesOf } from './handwriting'
import { NAME_KINDS, type FieldKind } from './labels'
import type { PageImage } from './page'
import { RESIDUE, withoutRuleResidue } from './rules'
import { identityZonesOf, type IdentityZone } from './zones'

export type { IdentityZone } from './zones'

export type FirstPageReading = {
  fields: Partial<Record<HeaderFieldName, FieldCandidate[]>>
  lattices: Partial<Record<HeaderFieldName, Lattice>>
  zones: IdentityZone[]
  /** labels of the blank form (subject or learned), or none: the writing at the top was taken as the name */
  located: 'labels' | 'top-lines'
}

/** numbers the crops dumped by KORRIGO_DEBUG_FIELDS so that every copy's are kept */
let debugCrops = 0

const READ: Partial<Record<FieldKind, { name: HeaderFieldName; kind: 'name' | 'date' }>> = {
  lastName: { name: 'lastName', kind: 'name' },
  firstName: { name: 'firstName', kind: 'name' },
  fullName: { name: 'fullName', kind: 'name' },
  birthDate: { name: 'birthDate', kind: 'date' },
}

/**
 * Where a first page's identity is written, without reading it: the writing (the form's print taken
 * away), each piece given to its printed label, and the zones to paint out for markers.
 */
export const locateIdentity = ({ page, form }: { page: PageImage; form?: BlankForm }) => {
  const { mask: written, transform } = handwritingOf({ page, form })
  const labels = form ? labelsOnPage({ labels: form.labels, t: transform, form: form.mask, page }) : []
  // Paper that asks for no name (a copie double): its rules' slivers would pass for the first line written.
  // A form's fields are found by their labels, and its letter cells need every pixel beside their walls.
  const plain = form && !labels.some((label) => NAME_KINDS.has(label.kind))
  const mask = plain ? withoutRuleResidue({ mask: written, ...RESIDUE }) : written
  const strokes = strokesOf(mask)
  const found = assignStrokes({ strokes, labels, page })
  return { mask, found, zones: identityZonesOf({ found, labels, strokes, page }) }
}

/**
 * Reads who wrote a copy from its first page, whatever the header looks like: the blank form's print is
 * taken away, every piece of writing goes to the printed label it was written for, and each identity
 * field is read on its own writing only (print gone, letters of a cell grid brought together). Without
 * a form or labels, the first lines written at the top of the page are the name.
 */
export const readFirstPage = async ({ page, form, engines }: { page: PageImage; form?: BlankForm; engines: OcrEngine[] }): Promise<FirstPageReading> => {
  const { mask, found, zones } = locateIdentity({ page, form })
  const reading: FirstPageReading = { fields: {}, lattices: {}, zones, located: found.some((f) => f.label && READ[f.kind]) ? 'labels' : 'top-lines' }
  for (const field of found) {
    const read = READ[field.kind]
    if (!read || reading.fields[read.name]) continue
    const crop = fieldCrop({ page, writing: mask, strokes: field.strokes, learnedForm: form?.source === 'learned' })
    if (!crop) continue
    if (process.env.KORRIGO_DEBUG_FIELDS) {
      const sharp = (await import('sharp')).default
      await sharp(Buffer.from(crop.raw), { raw: { width: crop.width, height: crop.height, channels: 1 } }).png().toFile(`${process.env.KORRIGO_DEBUG_FIELDS}-${++debugCrops}-${read.name}.png`)
    }
    const result = await readField({ image: crop, engines, kind: read.kind })
    reading.fields[read.name] = result.candidates
    if (result.lattice) reading.lattices[read.name] = result.lattice
  }
  return reading
}
