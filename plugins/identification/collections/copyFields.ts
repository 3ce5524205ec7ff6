import type { Field } from 'payload'

/** Added to Copies' admin-only `identification` group: what the job read, and the header it read it from. */
export const copyIdentificationFields: Field[] = [
  { name: 'reason', type: 'text', admin: { readOnly: true }, label: { fr: 'Raison', en: 'Reason' } },
  { name: 'headerCrop', type: 'upload', relationTo: 'media', admin: { readOnly: true }, label: { fr: "Image de l'en-tête", en: 'Header image' } },
  // Every candidate of every engine for every field, with its confidence: re-matching never re-reads.
  { name: 'readings', type: 'json', admin: { readOnly: true }, label: { fr: 'Lectures', en: 'Readings' } },
]
