import type { Config, Field } from 'payload'

/** Our JSON field component (admin-components/json-field): no code editor fetched from a CDN. */
export const JSON_FIELD_COMPONENT = '/admin-components/json-field/JsonField#JsonField'

type Fields = Field[]

const withComponent = (fields: Fields): Fields =>
  fields.map((field) => {
    const f = field as Field & { fields?: Fields; tabs?: { fields: Fields }[]; blocks?: { fields: Fields }[] }
    if (f.type === 'json' && !(f.admin as { components?: { Field?: unknown } } | undefined)?.components?.Field)
      return { ...f, admin: { ...f.admin, components: { ...(f.admin as { components?: object } | undefined)?.components, Field: JSON_FIELD_COMPONENT } } } as Field
    if (f.fields) return { ...f, fields: withComponent(f.fields) } as Field
    if (f.tabs) return { ...f, tabs: f.tabs.map((tab) => ({ ...tab, fields: withComponent(tab.fields) })) } as Field
    if (f.blocks) return { ...f, blocks: f.blocks.map((block) => ({ ...block, fields: withComponent(block.fields) })) } as Field
    return field
  })

/**
 * Every JSON field of every collection and global drawn by our component (a plugin, applied last).
 * Payload's own JSON editor loads Monaco from cdn.jsdelivr.net in the browser: a network fetch at run time
 * that the admin's Content-Security-Policy blocks.
 */
export const jsonFieldsWithoutCdn =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: config.collections?.map((collection) => ({ ...collection, fields: withComponent(collection.fields) })),
    globals: config.globals?.map((global) => ({ ...global, fields: withComponent(global.fields) })),
  })
