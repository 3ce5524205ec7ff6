import type { CollectionConfig } from 'payload'

import { label } from '../../translations'
import { rubricAccess } from './access'
import { checkItem } from './hooks/checkItem'
import { reapplyPoints, refuseClosedPoints, refuseDeleteInUse } from './hooks/reapply'

export const RUBRIC_ITEMS_SLUG = 'rubric-items'

/**
 * A question's rubric: items with points (positive adds, negative deducts, 0 a remark) and a text, applied to
 * a copy's grade with one key. Grades point at their items, so a new text shows on every copy at once and new
 * points are written into every grade applying the item (services/reapplyRubricItem).
 */
export const RubricItems: CollectionConfig = {
  slug: RUBRIC_ITEMS_SLUG,
  labels: { singular: label('rubricItemSingular'), plural: label('rubricItemPlural') },
  admin: { useAsTitle: 'text', defaultColumns: ['questionKey', 'points', 'text', 'exam'], group: label('group') },
  access: rubricAccess,
  hooks: { beforeChange: [checkItem, refuseClosedPoints], afterChange: [reapplyPoints], beforeDelete: [refuseDeleteInUse] },
  fields: [
    { name: 'exam', type: 'relationship', relationTo: 'exams', required: true, index: true, label: label('rubricExam') },
    { name: 'questionKey', type: 'text', required: true, label: label('rubricQuestion') },
    { name: 'points', type: 'number', required: true, label: label('rubricPoints') },
    { name: 'text', type: 'textarea', required: true, label: label('text') },
    { name: 'author', type: 'relationship', relationTo: 'users', label: label('owner'), admin: { readOnly: true }, access: { create: () => false, update: () => false } },
  ],
}
