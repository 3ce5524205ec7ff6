import type { FieldCandidate } from '../match/types'
import { readField } from '../ocr/readField'
import type { OcrEngine } from '../ocr/types'
import type { LabelReader } from './labelReader'
import { cropField, fallbackLayout, locateFields } from './locateFields'
import type { FieldLayout, GrayCrop, HeaderFieldName } from './types'

export type HeaderReading = { fields: Partial<Record<HeaderFieldName, FieldCandidate[]>>; layout: FieldLayout }

/**
 * Reads a rendered header: labels → field boxes → every engine on every field. All candidates are
 * kept (the matcher weighs them); when labels give fields that all read empty, the fixed layout is
 * tried too, since a misread label costs less than a lost name.
 */
export const readHeader = async ({ image, labels, engines }: { image: GrayCrop; labels: LabelReader; engines: OcrEngine[] }): Promise<HeaderReading> => {
  const located = locateFields({ image, words: await labels.read(image) })
  const read = async (layout: FieldLayout): Promise<HeaderReading> => {
    const fields: HeaderReading['fields'] = {}
    for (const [name, box] of Object.entries(layout.fields) as [HeaderFieldName, NonNullable<FieldLayout['fields'][HeaderFieldName]>][])
      fields[name] = await readField({ image: cropField({ image, box }), engines, kind: name === 'birthDate' ? 'date' : 'name' })
    return { fields, layout }
  }
  const first = await read(located)
  const empty = Object.values(first.fields).every((c) => !c?.length)
  if (!empty || located.source === 'fallback') return first
  const second = await read(fallbackLayout(image))
  return Object.values(second.fields).some((c) => c?.length) ? second : first
}
