import type { CollectionConfig } from 'payload'

type Translate = (key: string) => string

/**
 * Adds a tab next to a collection's edit form (`/admin/collections/<slug>/:id/<path>`), drawn by an
 * admin component; `condition` hides the tab from users who may not open it.
 */
export const withEditTab =
  ({
    slug,
    name,
    Component,
    labelKey,
    order,
    condition,
  }: {
    slug: string
    name: string
    Component: string
    labelKey: string
    order: number
    condition?: (args: { req: { user?: unknown } }) => boolean
  }) =>
  (collection: CollectionConfig): CollectionConfig => {
    if (collection.slug !== slug) return collection
    const components = collection.admin?.components
    const views = components?.views
    const path = `/${name}`
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
              [name]: { Component, path, tab: { label: ({ t }: { t: Translate }) => t(labelKey), href: path, order, ...(condition ? { condition } : {}) } },
            } as never,
          },
        },
      },
    }
  }
