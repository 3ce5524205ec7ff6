import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { copyRedactionFields, examZoneFields, REDACTED_KINDS } from './fields'

const withMediaKinds = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug !== 'media') return collection
  const fields = collection.fields.map((field): Field =>
    'name' in field && field.name === 'kind' && field.type === 'select'
      ? { ...field, options: [...field.options, ...REDACTED_KINDS.filter((k) => !field.options.some((o) => (typeof o === 'string' ? o : o.value) === k))] }
      : field,
  )
  return { ...collection, fields }
}

const withFields = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug === 'copies') return { ...collection, fields: [...collection.fields, ...copyRedactionFields] }
  if (collection.slug === 'exams') return { ...collection, fields: [...collection.fields, ...examZoneFields] }
  return withMediaKinds(collection)
}

/**
 * Anonymous marking on the scans themselves: the identity zones of each copy are painted out of the PDF
 * and thumbnail teachers are served (job `redact-copy`), and teachers can reach no other copy file.
 */
export const anonymizationPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map(withFields),
  })
