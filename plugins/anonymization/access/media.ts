import type { Access, CollectionConfig, Where } from 'payload'

import { byAssignedExam, isAdmin } from '../../../collections/access/roles'
import { REDACTED_KINDS } from '../fields'

/** `extra` added to whatever an access function answers (true, false or a query). */
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

/**
 * Teachers read only redacted renditions of copies, of the exams they mark: this replaces the collection's
 * own rule (which opened the originals). The original PDF's address answers 403 even when guessed.
 */
export const withRedactedMediaOnly = (collection: CollectionConfig): CollectionConfig =>
  collection.slug !== 'media'
    ? collection
    : { ...collection, access: { ...collection.access, read: byAssignedExam('exam', { kind: { in: [...REDACTED_KINDS] } }) } }

/** The scanned batches carry every name: their files are for admins only (teachers may still upload and follow them). */
export const withBatchFilesForAdmins = (collection: CollectionConfig): CollectionConfig =>
  collection.slug !== 'scan-batches'
    ? collection
    : {
        ...collection,
        access: {
          ...collection.access,
          read: andAccess(collection.access?.read, ({ req, isReadingStaticFile }) => !isReadingStaticFile || isAdmin(req.user)),
        },
      }
