import type { CollectionConfig, Config, Field, FieldHook, Plugin } from 'payload'

import { withTranslations } from '../kit/translations'
import { restrict } from './access/compose'
import { shareWhere } from './access/share'
import { withDistributionTab } from './admin/distributionTab'
import { Assignments } from './collections/Assignments'
import { distributionEndpoints } from './endpoints'
import { annotationMarkingFields, copyReviewFields, examDistributionFields } from './fields'
import { evaluateAfterPart, finalizeOwnPart, statusAsSeen, totalAsSeen } from './hooks/copyShare'
import { evaluateAfterGrade } from './hooks/evaluateAfterGrade'
import { distributeNewCopy } from './hooks/newCopies'
import { writeIntoShare } from './hooks/writeShare'
import { translations } from './translations'

const withFieldHook = (fields: Field[], name: string, hook: FieldHook): Field[] =>
  fields.map((field): Field => {
    if (!('name' in field) || field.name !== name) return field
    const hooks = (field as { hooks?: { afterRead?: FieldHook[] } }).hooks
    return { ...field, hooks: { ...hooks, afterRead: [...(hooks?.afterRead ?? []), hook] } } as Field
  })

const hooksWith = (collection: CollectionConfig, hooks: Partial<Record<'beforeChange' | 'afterChange', unknown[]>>): CollectionConfig['hooks'] => ({
  ...collection.hooks,
  ...(hooks.beforeChange ? { beforeChange: [...(collection.hooks?.beforeChange ?? []), ...(hooks.beforeChange as never[])] } : {}),
  ...(hooks.afterChange ? { afterChange: [...(collection.hooks?.afterChange ?? []), ...(hooks.afterChange as never[])] } : {}),
})

const extend = (collection: CollectionConfig): CollectionConfig => {
  switch (collection.slug) {
    case 'exams':
      return { ...collection, fields: [...collection.fields, ...examDistributionFields] }
    case 'copies':
      return restrict(
        {
          ...collection,
          fields: [...withFieldHook(withFieldHook(collection.fields, 'status', statusAsSeen), 'total', totalAsSeen), ...copyReviewFields],
          hooks: hooksWith(collection, { beforeChange: [finalizeOwnPart], afterChange: [evaluateAfterPart, distributeNewCopy] }),
        },
        { read: ({ req }) => shareWhere({ req, rule: 'copies' }), update: ({ req }) => shareWhere({ req, rule: 'copies' }) },
      )
    case 'grades':
      return restrict(
        { ...collection, hooks: hooksWith(collection, { beforeChange: [writeIntoShare('grades')], afterChange: [evaluateAfterGrade] }) },
        {
          read: ({ req }) => shareWhere({ req, rule: 'grades' }),
          update: ({ req }) => shareWhere({ req, rule: 'grades', write: true }),
          delete: ({ req }) => shareWhere({ req, rule: 'grades', write: true }),
        },
      )
    case 'annotations':
      return restrict(
        { ...collection, fields: [...collection.fields, ...annotationMarkingFields], hooks: hooksWith(collection, { beforeChange: [writeIntoShare('annotations')] }) },
        {
          read: ({ req }) => shareWhere({ req, rule: 'annotations' }),
          update: ({ req }) => shareWhere({ req, rule: 'annotations', write: true }),
          delete: ({ req }) => shareWhere({ req, rule: 'annotations', write: true }),
        },
      )
    case 'media':
      return restrict(collection, { read: ({ req }) => shareWhere({ req, rule: 'media' }) })
    default:
      return collection
  }
}

/**
 * The exam's copies shared out between its correctors — by copy (balanced, seeded, quotas), by question,
 * double-blind with a threshold and a third corrector or the admin to decide — and access that follows the
 * share: a teacher reads and writes only theirs, a blind marker never the other marking.
 */
export const distributionPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []).map(extend).map(withDistributionTab), Assignments],
    endpoints: [...(config.endpoints ?? []), ...distributionEndpoints],
    i18n: withTranslations(config.i18n, translations),
  })
