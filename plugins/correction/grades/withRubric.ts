import type { CollectionConfig, Config } from 'payload'

import { RUBRIC_ITEMS_SLUG } from '../collections/rubric-items'
import { label } from '../translations'
import { applyRubric } from './applyRubric'

/** The grades learn which rubric items they apply and the teacher's adjustment on top of them. */
const gradesWithRubric = (grades: CollectionConfig): CollectionConfig => ({
  ...grades,
  hooks: { ...grades.hooks, beforeChange: [applyRubric, ...(grades.hooks?.beforeChange ?? [])] },
  fields: [
    ...grades.fields,
    { name: 'rubricItems', type: 'relationship', relationTo: RUBRIC_ITEMS_SLUG as never, hasMany: true, label: label('rubricItems') },
    // Computed by applyRubric from typed points; never written by a client.
    { name: 'adjustment', type: 'number', defaultValue: 0, label: label('adjustment'), admin: { readOnly: true }, access: { create: () => false, update: () => false } },
  ],
})

export const withRubricOnGrades = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((c) => (c.slug === 'grades' ? gradesWithRubric(c) : c)),
})
