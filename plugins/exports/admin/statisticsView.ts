import type { CollectionConfig, Config } from 'payload'

import { translations } from '../translations'

/** The statistics tab of an exam: `/admin/collections/exams/:id/statistics`, next to the edit form. */
export const withStatisticsTab = (collection: CollectionConfig): CollectionConfig => {
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
            statistics: {
              Component: '/admin-components/exam-statistics/StatisticsView#StatisticsView',
              path: '/statistics',
              tab: { label: ({ t }: { t: (key: string) => string }) => t('examStatistics:tab'), href: '/statistics', order: 150 },
            },
          } as never,
        },
      },
    },
  }
}

export const withStatisticsTranslations = (i18n: Config['i18n']): Config['i18n'] => {
  const existing = (i18n?.translations ?? {}) as Record<string, Record<string, unknown>>
  return {
    ...i18n,
    translations: { ...existing, fr: { ...existing.fr, ...translations.fr }, en: { ...existing.en, ...translations.en } } as never,
  }
}
