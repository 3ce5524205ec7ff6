import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Payload } from 'payload'

import { storeMedia } from '../../../storage/uploads'
import { apiClient, signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

export type { Id } from '../../../shared/ids'
import type { Id } from '../../../shared/ids'

const onePagePdf = async (text: string): Promise<Uint8Array> => {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 18, font })
  return doc.save()
}

/**
 * seedClass, plus what the security tests need: Carol, a teacher with no exam; a maths copy in every state a
 * teacher may meet (ready, marking, locked, finalized, published), each with a grade and an annotation made
 * by Alice's admin; files (copy PDF, thumbnail, annotated PDF) to reach through their URLs.
 */
export const seedSecurity = async ({ payload, baseUrl }: { payload: Payload; baseUrl: string }) => {
  const base = await seedClass(payload)
  const carol = await payload.create({
    collection: 'users',
    data: { email: 'carol@school.test', password: 'carol-password-1', role: 'teacher', name: 'Carol' },
  })
  const copy = (status: string, extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'copies',
      data: { exam: base.maths.id, status, student: base.student.id, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }], ...extra } as never,
    })
  const mathsMarking = await copy('marking')
  const mathsLocked = await copy('locked')
  const mathsFinalized = await copy('finalized')
  const mathsPublished = await copy('finalized', { publishedAt: new Date(Date.now() - 60_000).toISOString() })

  const asAdmin = { user: { ...base.admin, collection: 'users' } as never, overrideAccess: true }
  const children = async (copyId: Id, questionKey = 'Q1') => ({
    grade: await payload.create({ collection: 'grades', data: { copy: copyId, questionKey, points: 2 } as never, ...asAdmin }),
    annotation: await payload.create({
      collection: 'annotations',
      data: { copy: copyId, page: 1, kind: 'tick', geometry: { x: 10, y: 20 } } as never,
      ...asAdmin,
    }),
  })
  const of = {
    ready: await children(base.mathsReady.id),
    marking: await children(mathsMarking.id),
    locked: await children(mathsLocked.id),
    finalized: await children(mathsFinalized.id),
    published: await children(mathsPublished.id),
    history: await children(base.historyReady.id),
  }

  const media = async (kind: string, copyId: Id, exam: Id, mimetype = 'application/pdf') =>
    storeMedia({ payload, bytes: await onePagePdf(`${kind} ${copyId}`), name: `${kind}-${copyId}.pdf`, mimetype, data: { kind, exam, copy: copyId } })
  const files = {
    mathsPdf: await media('copy-pdf', base.mathsReady.id, base.maths.id),
    mathsAnnotated: await media('annotated-pdf', mathsPublished.id, base.maths.id),
    mathsHeader: await media('header-crop', base.mathsReady.id, base.maths.id),
    historyPdf: await media('copy-pdf', base.historyReady.id, base.history.id),
  }
  await payload.update({ collection: 'copies', id: base.mathsReady.id, data: { pdf: files.mathsPdf.id } as never, overrideAccess: true })
  await payload.update({ collection: 'copies', id: mathsPublished.id, data: { annotatedPdf: files.mathsAnnotated.id } as never, overrideAccess: true })
  await payload.update({ collection: 'copies', id: base.historyReady.id, data: { pdf: files.historyPdf.id } as never, overrideAccess: true })

  const clients: Record<'admin' | 'alice' | 'bob' | 'carol' | 'anonymous', ApiClient> = {
    admin: await signIn({ baseUrl, email: 'admin@school.test', password: 'admin-password-1' }),
    alice: await signIn({ baseUrl, email: 'alice@school.test', password: 'alice-password-1' }),
    bob: await signIn({ baseUrl, email: 'bob@school.test', password: 'bob-password-1' }),
    carol: await signIn({ baseUrl, email: 'carol@school.test', password: 'carol-password-1' }),
    anonymous: apiClient({ baseUrl }),
  }
  return { ...base, carol, mathsMarking, mathsLocked, mathsFinalized, mathsPublished, of, files, clients }
}

export type SecuritySeed = Awaited<ReturnType<typeof seedSecurity>>

/** GraphQL over HTTP with the client's token; answers `{ status, data, errors }`. */
export const graphql = async ({ baseUrl, client, query, variables }: { baseUrl: string; client: ApiClient; query: string; variables?: Record<string, unknown> }) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (client.token) headers.authorization = `JWT ${client.token}`
  const response = await fetch(`${baseUrl}/api/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) })
  const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { statusCode?: number } }[] }
  return { status: response.status, data: body.data, errors: body.errors }
}
