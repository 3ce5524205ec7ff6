import { QueryError, type CollectionBeforeOperationHook, type Where } from 'payload'

import { isAdmin } from '../../../collections/access/roles'

/** Fields of a copy that say who wrote it (or where on the scan): never a filter or a sort key for a teacher. */
const IDENTITY_FIELDS = new Set(['student', 'identification', 'identityZones', 'redaction', 'sourceKey', 'markingReview', 'annotatedPdf', 'notifiedAt'])

const wherePaths = (where: unknown, out: string[] = []): string[] => {
  if (!where || typeof where !== 'object') return out
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) value.forEach((w) => wherePaths(w, out))
    else out.push(key)
  }
  return out
}

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []).map((s) => String(s).trim().replace(/^-/, '')).filter(Boolean)

/**
 * Refuses, before any query runs, a teacher's filter or sort that goes through a copy's identity
 * (`student`, `copy.student.lastName`, `identification.status`…) — with the answer Payload gives for a
 * field one may not read. Payload would refuse most of them too, but a path through two relations made it
 * reject twice, the second time outside the request (an unhandled rejection that can stop the process).
 */
export const refuseIdentityQueries: CollectionBeforeOperationHook = ({ args, req }) => {
  if (!req.user || isAdmin(req.user)) return args
  const { where, sort } = args as { where?: Where; sort?: unknown }
  const bad = [...wherePaths(where), ...sortPaths(sort)].filter((path) => path.split(/[.]|__/).some((segment) => IDENTITY_FIELDS.has(segment)))
  if (bad.length) throw new QueryError(bad.map((path) => ({ path })))
  return args
}

export const QUERY_GUARDED = ['copies', 'grades', 'annotations', 'media', 'assignments', 'comment-bank', 'identification-decisions', 'scan-batches']
