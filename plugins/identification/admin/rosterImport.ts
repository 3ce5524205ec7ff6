import type { CollectionConfig, Config } from 'payload'

const BUTTON = '/admin-components/roster-import/ImportRosterButton#ImportRosterButton'

/** The class-list import screen, `/admin/import-roster` (admins only: the view and the endpoint check it). */
export const rosterImportView = { Component: '/admin-components/roster-import/RosterImportView#RosterImportView', path: '/import-roster' as const }

/** Above the Students list, the way to the import screen. */
export const withRosterImportButton = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug !== 'students') return collection
  const components = collection.admin?.components
  return { ...collection, admin: { ...collection.admin, components: { ...components, beforeListTable: [...(components?.beforeListTable ?? []), BUTTON] } } }
}

/** Adds the view to the admin's custom views. */
export const withRosterImportView = (admin: Config['admin']): Config['admin'] => ({
  ...admin,
  components: { ...admin?.components, views: { ...admin?.components?.views, rosterImport: rosterImportView } },
})
