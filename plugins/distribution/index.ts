import type { CollectionConfig, Config, Plugin } from 'payload'

import { Assignments } from './collections/Assignments'
import { annotationMarkingFields, copyReviewFields, examDistributionFields } from './fields'

const withFields = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug === 'exams') return { ...collection, fields: [...collection.fields, ...examDistributionFields] }
  if (collection.slug === 'copies') return { ...collection, fields: [...collection.fields, ...copyReviewFields] }
  if (collection.slug === 'annotations') return { ...collection, fields: [...collection.fields, ...annotationMarkingFields] }
  return collection
}

/**
 * The exam's copies shared out between its correctors: by copy, by question, double-blind; access follows
 * the share (a teacher reads and writes only theirs).
 */
export const distributionPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []).map(withFields), Assignments],
  })
