// The desk's calls to the identification endpoints (same origin, the admin's session cookie).
// The shapes are the server's own (type-only: nothing of the service is bundled into the admin).
import type { Desk, DeskCopy } from '../../plugins/identification/services/desk'

export type { Desk, DeskCopy }
export type { Id } from '../../shared/ids'
import type { Id } from '../../shared/ids'
export type DeskCandidate = DeskCopy['candidates'][number]
export type DeskStudent = Desk['students'][number]
export type ExamOption = { id: Id; title: string; status: string }

const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(path, { credentials: 'include', ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
  return body as T
}

export const fetchExams = async (): Promise<ExamOption[]> =>
  (await call<{ docs: ExamOption[] }>('/api/exams?limit=200&depth=0&sort=-createdAt&select[title]=true&select[status]=true')).docs

export const fetchDesk = (examId: Id) => call<Desk>(`/api/identification/exams/${examId}/desk`)

export const assign = (copyId: Id, studentId: Id | null, { takeFromHolder = false } = {}) =>
  call(`/api/identification/copies/${copyId}/assign`, { method: 'POST', body: JSON.stringify({ studentId, ...(takeFromHolder ? { takeFromHolder } : {}) }) })

export const rerun = (examId: Id) => call(`/api/identification/exams/${examId}/rerun`, { method: 'POST', body: '{}' })

export const isOpen = (copy: DeskCopy) => copy.identification.status === 'pending' || copy.identification.status === 'needs_review'

/** Ingestion only proposed where this copy starts: a person should confirm it or fix the pages. */
export const startUnsure = (copy: DeskCopy) => Boolean(copy.segmentation?.unsure)

export const confirmStart = (copyId: Id) => call(`/api/scan-pipeline/copies/${copyId}/confirm-start`, { method: 'POST', body: '{}' })

/** Folded for type-ahead: "lefevre" finds "LEFÈVRE Chloé". */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()

/** What a page fix answers: the copies it rebuilt (a split adds one) and the ones it removed (a merge, a copy emptied by a move). */
export type PageEditResult = { copies: { id: Id; anonymousId: string }[]; deleted: Id[]; removed: { id: Id; anonymousId: string }[] }

const edit = (copyId: Id, path: string, body: Record<string, unknown>) =>
  call<PageEditResult>(`/api/identification/copies/${copyId}/${path}`, { method: 'POST', body: JSON.stringify(body) })

/** Hand fixes of a scan; pages are numbered from 0 in the copy's reading order, as the server counts them. */
export const pageActions = {
  rotate: ({ copyId, page, by }: { copyId: Id; page: number; by: 90 | -90 | 180 }) => edit(copyId, 'pages/rotate', { page, by }),
  reorder: ({ copyId, order }: { copyId: Id; order: number[] }) => edit(copyId, 'pages/reorder', { order }),
  move: ({ copyId, page, toCopy, position }: { copyId: Id; page: number; toCopy: Id; position?: number }) => edit(copyId, 'pages/move', { page, toCopy, position }),
  split: ({ copyId, at }: { copyId: Id; at: number }) => edit(copyId, 'split', { at }),
  merge: ({ copyId, from }: { copyId: Id; from: Id }) => edit(copyId, 'merge', { from }),
}

/** A page's picture; the copy's PDF URL changes at each rebuild, so it is part of the address (fresh picture, cache-safe). */
export const pageImageUrl = ({ copy, page }: { copy: DeskCopy; page: number }) =>
  `/api/identification/copies/${copy.id}/pages/${page}/image?v=${encodeURIComponent(copy.pdfUrl ?? '')}`

/** A page dragged onto another takes that page's place; the pages between shift by one. */
export const moveOrder = ({ count, from, to }: { count: number; from: number; to: number }): number[] => {
  const order = Array.from({ length: count }, (_, i) => i)
  order.splice(to, 0, ...order.splice(from, 1))
  return order
}

/** Moving a page up or down is a reorder of the whole copy. */
export const swapOrder = ({ count, page, offset }: { count: number; page: number; offset: -1 | 1 }): number[] => {
  const order = Array.from({ length: count }, (_, i) => i)
  const other = page + offset
  ;[order[page], order[other]] = [order[other]!, order[page]!]
  return order
}
