import type { Field, PayloadRequest } from 'payload'

import type { Id } from '../access/roles'

type Dependent = { collection: string; path: string }

/** Named fields at the top of a row, through rows, collapsibles, unnamed tabs and groups (same table). */
const rowFields = (fields: Field[], prefix = ''): { path: string; field: Field }[] =>
  fields.flatMap((field) => {
    if (field.type === 'row' || field.type === 'collapsible') return rowFields(field.fields, prefix)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? rowFields(tab.fields, `${prefix}${tab.name}.`) : rowFields(tab.fields, prefix)))
    if (field.type === 'group' && 'name' in field && field.name) return rowFields(field.fields, `${prefix}${field.name}.`)
    return 'name' in field && field.name ? [{ path: `${prefix}${field.name}`, field }] : []
  })

/**
 * Collections holding a required relationship to `target`: their rows cannot outlive the row they point at
 * (on PostgreSQL the foreign key is set to null and the NOT NULL constraint fails). Read from the config,
 * so collections that plugins add are found too.
 */
export const requiredDependentsOf = ({ req, target }: { req: PayloadRequest; target: string }): Dependent[] =>
  req.payload.config.collections.flatMap((collection) =>
    rowFields(collection.fields)
      .filter(({ field }) => (field.type === 'relationship' || field.type === 'upload') && field.relationTo === target && field.required && !field.hasMany)
      .map(({ path }) => ({ collection: collection.slug, path })),
  )

/** Deletes the rows of every required dependent of `target` row `id`, inside the request's transaction. */
export const deleteRequiredDependents = async ({ req, target, id }: { req: PayloadRequest; target: string; id: Id }): Promise<void> => {
  for (const { collection, path } of requiredDependentsOf({ req, target })) {
    const result = await req.payload.delete({ collection: collection as never, where: { [path]: { equals: id } }, overrideAccess: true, req, depth: 0 })
    if (result.errors.length) throw new Error(`could not delete the ${collection} rows of ${target} ${id}: ${result.errors.map((e) => e.message).join('; ')}`)
  }
}
