import type { CollectionConfig, Config } from 'payload'

import { isAdmin } from '../../../collections/access/roles'
import { translations } from '../translations'

/**
 * The publication tab of an exam: `/admin/collections/exams/:id/publication`, next to the edit form.
 * Shown to admins only; the view itself answers 403 to anyone else who types its address.
 */
export const withPublicationTab = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug !== 'exams') return collection
  const components = collection.admin?.components
  const views = components?.views
  return {
    ...collection,
    admin: {
      ...collection.admin,
      components: {
        ...components,
        views: {
          ...views,
          edit: {
            ...(views?.edit as Record<string, unknown>),
            publication: {
              Component: '/admin-components/exam-publication/PublicationView#PublicationView',
              path: '/publication',
              tab: {
                label: ({ t }: { t: (key: string) => string }) => t('examPublication:tab'),
                href: '/publication',
                order: 160,
                condition: ({ req }: { req: { user?: unknown } }) => isAdmin(req.user),
              },
            },
          } as never,
        },
      },
    },
  }
}

export const withPublicationTranslations = (i18n: Config['i18n']): Config['i18n'] => {
  const existing = (i18n?.translations ?? {}) as Record<string, Record<string, unknown>>
  return {
    ...i18n,
    translations: { ...existing, fr: { ...existing.fr, ...translations.fr }, en: { ...existing.en, ...translations.en } } as never,
  }
}
