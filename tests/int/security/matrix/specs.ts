import { PDFDocument } from 'pdf-lib'
import type { Payload } from 'payload'

import { storeMedia } from '../../../../storage/uploads'
import type { SecuritySeed } from '../seed'
import { ADMIN, NOBODY, OF_THE_EXAM, STAFF, type Rights, type Role } from './roles'

export type Doc = Record<string, any> & { id: number | string }
export type Body = Record<string, unknown> | FormData

/**
 * One row of the matrix: a collection (or a collection in a given state: a grade of a finalized copy), who
 * may do what to a row of it, how to make a fresh row (one per destructive cell), a creation body, and a
 * change with how to tell it was applied.
 */
export type Spec = {
  name: string
  slug: string
  rights: Rights
  victim: () => Promise<Doc>
  create?: (role: Role) => Promise<Body>
  /** GraphQL create is not run for uploads (a file cannot go through GraphQL). */
  upload?: boolean
  change: { data: (doc: Doc) => Record<string, unknown>; applied: (after: Doc) => boolean }
  /** REST path of one row when it is not `/api/<slug>/<id>` (preferences are addressed by key). */
  rowPath?: (doc: Doc) => string
}

const pdfBytes = async (): Promise<Uint8Array> => {
  const doc = await PDFDocument.create()
  doc.addPage([200, 200])
  return doc.save()
}

const form = async (data: Record<string, unknown>, name = 'file.pdf'): Promise<FormData> => {
  const body = new FormData()
  body.append('file', new Blob([Buffer.from(await pdfBytes())], { type: 'application/pdf' }), name)
  body.append('_payload', JSON.stringify(data))
  return body
}

export const buildSpecs = ({ payload, seed, userOf }: { payload: Payload; seed: SecuritySeed; userOf: (role: Role) => Doc | undefined }): Spec[] => {
  let n = 0
  const next = () => ++n
  const admin = { overrideAccess: true, user: { ...seed.admin, collection: 'users' } as never, depth: 0 }
  const asUser = (user: Doc) => ({ overrideAccess: true, user: { ...user, collection: 'users' } as never, depth: 0 })
  const maths = seed.maths.id
  const history = seed.history.id

  const copy = async (status: string, extra: Record<string, unknown> = {}) =>
    (await payload.create({
      collection: 'copies',
      data: { exam: maths, status, student: seed.student.id, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }], ...extra } as never,
      ...admin,
    })) as Doc
  const published = () => copy('finalized', { publishedAt: new Date(Date.now() - 60_000).toISOString() })
  const grade = async (copyId: Doc['id']) => (await payload.create({ collection: 'grades', data: { copy: copyId, questionKey: 'Q1', points: 1 } as never, ...admin })) as Doc
  const annotation = async (copyId: Doc['id']) =>
    (await payload.create({ collection: 'annotations', data: { copy: copyId, page: 1, kind: 'tick', geometry: { x: 1, y: 1 } } as never, ...admin })) as Doc
  const media = async (kind: string) =>
    (await storeMedia({ payload, bytes: await pdfBytes(), name: `${kind}-${next()}.pdf`, mimetype: 'application/pdf', data: { kind, exam: maths } })) as Doc
  const batch = async () =>
    (await payload.create({
      collection: 'scan-batches',
      data: { exam: maths } as never,
      file: { data: Buffer.from(await pdfBytes()), mimetype: 'application/pdf', name: `batch-${next()}.pdf`, size: 1 },
      ...admin,
    })) as Doc
  const moveToHistory = { data: () => ({ exam: history }), applied: (after: Doc) => String(after.exam) === String(history) }

  const mediaSpec = (kind: string, read: Role[]): Spec => ({
    name: `media (${kind})`,
    slug: 'media',
    rights: { read, create: ADMIN, update: ADMIN, delete: ADMIN, file: read },
    victim: () => media(kind),
    create: async () => form({ kind, exam: maths }, `${kind}-${next()}.pdf`),
    upload: true,
    change: { data: () => ({ copy: seed.mathsReady.id }), applied: (after) => String(after.copy) === String(seed.mathsReady.id) },
  })

  return [
    {
      name: 'users',
      slug: 'users',
      rights: { read: ADMIN, create: ADMIN, update: ADMIN, delete: ADMIN },
      victim: async () => (await payload.create({ collection: 'users', data: { email: `victim${next()}@school.test`, password: 'victim-password-1', role: 'teacher' }, ...admin })) as Doc,
      create: async () => ({ email: `new${next()}@school.test`, password: 'new-password-123', role: 'teacher' }),
      change: { data: () => ({ name: 'Renamed' }), applied: (after) => after.name === 'Renamed' },
    },
    {
      name: 'students',
      slug: 'students',
      rights: { read: ADMIN, create: ADMIN, update: ADMIN, delete: ADMIN },
      victim: async () => (await payload.create({ collection: 'students', data: { lastName: `Victime${next()}`, firstName: 'Zoé' }, ...admin })) as Doc,
      create: async () => ({ lastName: `Nouveau${next()}`, firstName: 'Léo' }),
      change: { data: () => ({ firstName: 'Changé' }), applied: (after) => after.firstName === 'Changé' },
    },
    {
      name: 'exams',
      slug: 'exams',
      rights: { read: OF_THE_EXAM, create: ADMIN, update: ADMIN, delete: ADMIN },
      victim: async () => (await payload.create({ collection: 'exams', data: { title: `Victime ${next()}`, correctors: [seed.alice.id] }, ...admin })) as Doc,
      create: async () => ({ title: `Nouveau ${next()}` }),
      change: { data: () => ({ title: 'Renommé' }), applied: (after) => after.title === 'Renommé' },
    },
    {
      name: 'scan-batches',
      slug: 'scan-batches',
      rights: { read: OF_THE_EXAM, create: OF_THE_EXAM, update: ADMIN, delete: ADMIN, file: ADMIN },
      victim: batch,
      create: async () => form({ exam: maths }, `upload-${next()}.pdf`),
      upload: true,
      change: { data: () => ({ layout: 'a4' }), applied: (after) => after.layout === 'a4' },
    },
    {
      name: 'copies (ready)',
      slug: 'copies',
      rights: { read: OF_THE_EXAM, create: ADMIN, update: OF_THE_EXAM, delete: ADMIN },
      victim: () => copy('ready'),
      create: async () => ({ exam: maths, status: 'staging' }),
      change: { data: () => ({ status: 'marking' }), applied: (after) => after.status === 'marking' },
    },
    {
      name: 'copies (finalized): field writes',
      slug: 'copies',
      // Deleting a finalized copy would lose its marking: refused to everyone (reopen it first).
      rights: { read: OF_THE_EXAM, create: ADMIN, update: ADMIN, delete: NOBODY },
      victim: () => copy('finalized'),
      create: async () => ({ exam: maths, status: 'staging' }),
      change: moveToHistory,
    },
    {
      name: 'copies (published): field writes',
      slug: 'copies',
      rights: { read: OF_THE_EXAM, create: ADMIN, update: ADMIN, delete: NOBODY },
      victim: published,
      create: async () => ({ exam: maths, status: 'staging' }),
      change: moveToHistory,
    },
    {
      name: 'grades (open copy)',
      slug: 'grades',
      rights: { read: OF_THE_EXAM, create: OF_THE_EXAM, update: OF_THE_EXAM, delete: OF_THE_EXAM },
      victim: async () => grade((await copy('ready')).id),
      create: async () => ({ copy: (await copy('ready')).id, questionKey: 'Q2', points: 1, marking: 1 }),
      change: { data: () => ({ points: 1.5 }), applied: (after) => after.points === 1.5 },
    },
    {
      name: 'grades (finalized copy)',
      slug: 'grades',
      rights: { read: OF_THE_EXAM, create: ADMIN, update: ADMIN, delete: ADMIN },
      victim: async () => grade((await copy('finalized')).id),
      create: async () => ({ copy: (await copy('finalized')).id, questionKey: 'Q2', points: 1, marking: 1 }),
      change: { data: () => ({ points: 1.5 }), applied: (after) => after.points === 1.5 },
    },
    {
      name: 'annotations (open copy)',
      slug: 'annotations',
      rights: { read: OF_THE_EXAM, create: OF_THE_EXAM, update: OF_THE_EXAM, delete: OF_THE_EXAM },
      victim: async () => annotation((await copy('ready')).id),
      create: async () => ({ copy: (await copy('ready')).id, page: 1, kind: 'cross', geometry: { x: 3, y: 3 }, schemaVersion: 2 }),
      change: { data: (doc) => ({ geometry: { x: 2, y: 2 }, version: doc.version }), applied: (after) => after.geometry?.x === 2 },
    },
    {
      name: 'annotations (published copy)',
      slug: 'annotations',
      rights: { read: OF_THE_EXAM, create: ADMIN, update: ADMIN, delete: ADMIN },
      victim: async () => annotation((await published()).id),
      create: async () => ({ copy: (await published()).id, page: 1, kind: 'cross', geometry: { x: 3, y: 3 }, schemaVersion: 2 }),
      change: { data: (doc) => ({ geometry: { x: 2, y: 2 }, version: doc.version }), applied: (after) => after.geometry?.x === 2 },
    },
    // Copy files: teachers reach only the redacted renditions of their exams' copies.
    mediaSpec('redacted-pdf', OF_THE_EXAM),
    mediaSpec('redacted-thumbnail', OF_THE_EXAM),
    mediaSpec('copy-pdf', ADMIN),
    mediaSpec('thumbnail', ADMIN),
    mediaSpec('header-crop', ADMIN),
    mediaSpec('annotated-pdf', ADMIN),
    mediaSpec('export', ADMIN),
    {
      name: 'comment-bank (Alice’s, maths)',
      slug: 'comment-bank',
      rights: { read: OF_THE_EXAM, create: STAFF, update: OF_THE_EXAM, delete: OF_THE_EXAM },
      victim: async () => (await payload.create({ collection: 'comment-bank', data: { text: `Bien ${next()}`, exam: maths } as never, ...asUser(seed.alice as Doc) })) as Doc,
      create: async () => ({ text: `Nouveau ${next()}` }),
      change: { data: () => ({ text: 'Changé' }), applied: (after) => after.text === 'Changé' },
    },
    {
      // Shared by the exam's correctors (applied to their grades, edited by any of them), nobody else's.
      name: 'rubric-items (maths)',
      slug: 'rubric-items',
      rights: { read: OF_THE_EXAM, create: OF_THE_EXAM, update: OF_THE_EXAM, delete: OF_THE_EXAM },
      victim: async () => (await payload.create({ collection: 'rubric-items', data: { exam: maths, questionKey: 'Q1', points: -0.5, text: `Unité ${next()}` } as never, ...admin })) as Doc,
      create: async () => ({ exam: maths, questionKey: 'Q1', points: -0.5, text: `Nouveau ${next()}` }),
      change: { data: () => ({ text: 'Changé' }), applied: (after) => after.text === 'Changé' },
    },
    {
      name: 'scan-pages',
      slug: 'scan-pages',
      rights: { read: ADMIN, create: ADMIN, update: ADMIN, delete: ADMIN },
      victim: async () => (await payload.create({ collection: 'scan-pages', data: { batch: (await batch()).id, sourcePage: 1, analysis: {} } as never, ...admin })) as Doc,
      create: async () => ({ batch: (await batch()).id, sourcePage: 1, analysis: {} }),
      change: { data: () => ({ error: 'changé' }), applied: (after) => after.error === 'changé' },
    },
    {
      name: 'identification-decisions',
      slug: 'identification-decisions',
      rights: { read: ADMIN, create: NOBODY, update: NOBODY, delete: NOBODY },
      victim: async () => (await payload.create({ collection: 'identification-decisions', data: { action: 'assign', exam: maths, copy: seed.mathsReady.id } as never, ...admin })) as Doc,
      create: async () => ({ action: 'assign', exam: maths }),
      change: { data: () => ({ details: { forged: true } }), applied: (after) => after.details?.forged === true },
    },
    {
      name: 'assignments (Alice’s)',
      slug: 'assignments',
      rights: { read: OF_THE_EXAM, create: ADMIN, update: ADMIN, delete: ADMIN },
      victim: async () => (await payload.create({ collection: 'assignments', data: { exam: maths, copy: (await copy('ready')).id, corrector: seed.alice.id } as never, ...admin })) as Doc,
      create: async () => ({ exam: maths, copy: (await copy('ready')).id, corrector: seed.alice.id, marking: 1 }),
      change: { data: () => ({ questionKeys: ['Q1'] }), applied: (after) => JSON.stringify(after.questionKeys) === '["Q1"]' },
    },
    {
      name: 'audit-events',
      slug: 'audit-events',
      rights: { read: ADMIN, create: NOBODY, update: NOBODY, delete: NOBODY },
      // Rows are written by the server only (sign-ins are audited): take the newest.
      victim: async () => (await payload.find({ collection: 'audit-events' as never, limit: 1, sort: '-seq', depth: 0, overrideAccess: true })).docs[0] as Doc,
      create: async () => ({ action: 'forged' }),
      change: { data: () => ({ summary: 'forged' }), applied: (after) => after.summary === 'forged' },
    },
    {
      name: 'locks',
      slug: 'locks',
      rights: { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
      victim: async () => (await payload.create({ collection: 'locks', data: { key: `k${next()}`, expiresAt: new Date(Date.now() + 60_000).toISOString() }, ...admin })) as Doc,
      create: async () => ({ key: `new${next()}`, expiresAt: new Date().toISOString() }),
      change: { data: () => ({ holder: 'forged' }), applied: (after) => after.holder === 'forged' },
    },
    {
      name: 'rate-counters',
      slug: 'rate-counters',
      rights: { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
      victim: async () => (await payload.create({ collection: 'rate-counters', data: { key: `rate:test:${next()}`, hits: 1, resetAt: new Date(Date.now() + 60_000).toISOString() }, ...admin })) as Doc,
      create: async () => ({ key: `new${next()}`, hits: 0, resetAt: new Date().toISOString() }),
      change: { data: () => ({ hits: 0 }), applied: (after) => after.hits === 0 },
    },
    {
      name: 'payload-kv',
      slug: 'payload-kv',
      rights: { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
      victim: async () => (await payload.create({ collection: 'payload-kv' as never, data: { key: `kv${next()}`, data: {} } as never, overrideAccess: true })) as Doc,
      create: async () => ({ key: `new${next()}`, data: {} }),
      change: { data: () => ({ data: { forged: true } }), applied: (after) => after.data?.forged === true },
    },
    {
      // Payload's own: who is editing which document in the admin; any signed-in staff member (its default).
      name: 'payload-locked-documents',
      slug: 'payload-locked-documents',
      rights: { read: STAFF, create: STAFF, update: STAFF, delete: STAFF },
      victim: async () =>
        (await payload.create({
          collection: 'payload-locked-documents' as never,
          data: { document: { relationTo: 'exams', value: seed.maths.id }, user: { relationTo: 'users', value: seed.admin.id } } as never,
          overrideAccess: true,
        })) as Doc,
      create: async (role) => ({ document: { relationTo: 'exams', value: seed.maths.id }, user: { relationTo: 'users', value: userOf(role)?.id ?? seed.admin.id } }),
      change: { data: () => ({ globalSlug: 'changed' }), applied: (after) => after.globalSlug === 'changed' },
    },
  ]
}
