import type { CollectionConfig, Field } from 'payload'

const LIVE_FIELD = '/admin-components/batch-progress/BatchProgressField#BatchProgressField'

/**
 * The scan batch's edit view follows its processing: the status field is drawn by BatchProgressField
 * (status, pages, copies and problems in words, read again until the batch has finished). The progress and
 * problems it shows are left out of the form, whose copies of them were a snapshot of the page's load.
 */
export const withBatchProgressField = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug !== 'scan-batches') return collection
  const fields = collection.fields.map((field): Field => {
    if (!('name' in field)) return field
    if (field.name === 'status' && field.type === 'select')
      return { ...field, admin: { ...field.admin, readOnly: true, components: { ...field.admin?.components, Field: LIVE_FIELD } } }
    if (field.name === 'progress' || field.name === 'problems') return { ...field, admin: { ...field.admin, disabled: true } } as Field
    return field
  })
  return { ...collection, fields }
}
