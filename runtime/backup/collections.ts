import type { FlattenedField, Payload } from 'payload'

/**
 * Bookkeeping that a restored instance rebuilds by itself: locks, Payload's document locks and user
 * preferences, the migration log (the target runs its own migrations), Agenda's jobs (scheduled work is
 * re-queued by the app: recurring jobs at start, publications from the exam's `publishAt`).
 */
const NOT_BACKED_UP = new Set(['locks', 'payload-locked-documents', 'payload-preferences', 'payload-migrations', 'payload-kv', 'payload-jobs'])

export const backedUpCollections = (payload: Payload) => payload.config.collections.filter((c) => !NOT_BACKED_UP.has(c.slug))

type Relation = { field: string; to: string[]; required: boolean }

const relationsOf = (fields: FlattenedField[]): Relation[] =>
  fields
    .filter((f) => f.type === 'relationship' || f.type === 'upload')
    .map((f) => {
      const field = f as FlattenedField & { relationTo: string | string[]; required?: boolean; hasMany?: boolean }
      return { field: field.name, to: Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo], required: Boolean(field.required) && !field.hasMany }
    })

/**
 * Insertion order: a collection comes after those its required relationships point at (a NOT NULL foreign
 * key cannot wait). Optional ones are filled in a second pass, so cycles (copies ↔ media) do not matter.
 */
export const insertionOrder = (payload: Payload): string[] => {
  const collections = backedUpCollections(payload)
  const slugs = new Set<string>(collections.map((c) => c.slug))
  const needs = new Map<string, string[]>(collections.map((c) => [c.slug as string, relationsOf(c.flattenedFields).filter((r) => r.required).flatMap((r) => r.to).filter((to) => to !== c.slug && slugs.has(to))]))
  const order: string[] = []
  const visiting = new Set<string>()
  const visit = (slug: string) => {
    if (order.includes(slug) || visiting.has(slug)) return
    visiting.add(slug)
    for (const dep of needs.get(slug) ?? []) visit(dep)
    visiting.delete(slug)
    order.push(slug)
  }
  for (const c of collections) visit(c.slug as string)
  return order
}

const emptyLike = (value: unknown) => (Array.isArray(value) ? [] : null)

/** A document without its optional relationships, at any depth (arrays, groups, blocks, named tabs). */
export const withoutOptionalRelations = ({ fields, data }: { fields: FlattenedField[]; data: Record<string, unknown> }): { data: Record<string, unknown>; stripped: boolean } => {
  let stripped = false
  const out: Record<string, unknown> = { ...data }
  for (const field of fields) {
    const value = out[field.name]
    if (value === undefined || value === null) continue
    if (field.type === 'relationship' || field.type === 'upload') {
      const required = Boolean((field as { required?: boolean }).required) && !(field as { hasMany?: boolean }).hasMany
      if (!required) {
        out[field.name] = emptyLike(value)
        stripped = true
      }
    } else if ((field.type === 'group' || field.type === 'tab') && typeof value === 'object' && !Array.isArray(value)) {
      const inner = withoutOptionalRelations({ fields: field.flattenedFields, data: value as Record<string, unknown> })
      out[field.name] = inner.data
      stripped ||= inner.stripped
    } else if (field.type === 'array' && Array.isArray(value)) {
      out[field.name] = value.map((row) => {
        const inner = withoutOptionalRelations({ fields: field.flattenedFields, data: row as Record<string, unknown> })
        stripped ||= inner.stripped
        return inner.data
      })
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      out[field.name] = value.map((row) => {
        const block = field.blocks.find((b) => b.slug === (row as { blockType?: string }).blockType)
        if (!block) return row
        const inner = withoutOptionalRelations({ fields: block.flattenedFields, data: row as Record<string, unknown> })
        stripped ||= inner.stripped
        return inner.data
      })
    }
  }
  return { data: out, stripped }
}
