import type { Lattice } from '../lattice/types'
import type { FieldCandidate } from '../match/types'
import { readField } from '../ocr/readField'
import type { OcrEngine } from '../ocr/types'
import type { LabelReader } from './labelReader'
import { cropField, fallbackLayout, locateFields } from './locateFields'
import type { FieldLayout, GrayCrop, HeaderFieldName } from './types'

export type HeaderReading = {
  fields: Partial<Record<HeaderFieldName, FieldCandidate[]>>
  lattices: Partial<Record<HeaderFieldName, Lattice>>
  layout: FieldLayout
}

const hasText = (reading: HeaderReading) => Object.values(reading.fields).some((c) => c?.length)

/**
 * Reads a rendered header: labels → field boxes → every engine on every field. All candidates are
 * kept (the matcher weighs them); when labels give fields that all read empty, the fixed layout is
 * tried too, since a misread label costs less than a lost name.
 */
export const readHeader = async ({ image, labels, engines }: { image: GrayCrop; labels: LabelReader; engines: OcrEngine[] }): Promise<HeaderReading> => {
  const located = locateFields({ image, words: await labels.read(image) })
  const read = async (layout: FieldLayout): Promise<HeaderReading> => {
    const reading: HeaderReading = { fields: {}, lattices: {}, layout }
    for (const [name, box] of Object.entries(layout.fields) as [HeaderFieldName, NonNullable<FieldLayout['fields'][HeaderFieldName]>][]) {
      const field = await readField({ image: cropField({ image, box }), engines, kind: name === 'birthDate' ? 'date' : 'name' })
      reading.fields[name] = field.candidates
      if (field.lattice) reading.lattices[name] = field.lattice
    }
    return reading
  }
  const first = await read(located)
  if (hasText(first) || located.source === 'fallback') return first
  const second = await read(fallbackLayout(image))
  return hasText(second) ? second : first
}
