import type { Access, CollectionConfig, Where } from 'payload'

/** `extra` ANDed to whatever the collection's own access answers (true, false or a query). */
export const andAccess =
  (original: Access | undefined, extra: (args: Parameters<Access>[0]) => Promise<boolean | Where> | boolean | Where): Access =>
  async (args) => {
    const base = original ? await original(args) : Boolean(args.req.user)
    if (base === false) return false
    const more = await extra(args)
    if (more === false) return false
    if (more === true) return base
    if (base === true) return more
    return { and: [base as Where, more] }
  }

export const restrict = (collection: CollectionConfig, ops: Partial<Record<'read' | 'update' | 'delete', Parameters<typeof andAccess>[1]>>): CollectionConfig => ({
  ...collection,
  access: {
    ...collection.access,
    ...Object.fromEntries(Object.entries(ops).map(([op, extra]) => [op, andAccess(collection.access?.[op as 'read'], extra!)])),
  },
})
