// The desk's calls to the identification endpoints (same origin, the admin's session cookie).
// The shapes are the server's own (type-only: nothing of the service is bundled into the admin).
import type { Desk, DeskCopy } from '../../plugins/identification/services/desk'

export type { Desk, DeskCopy }
export type Id = string | number
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

export const assign = (copyId: Id, studentId: Id | null) => call(`/api/identification/copies/${copyId}/assign`, { method: 'POST', body: JSON.stringify({ studentId }) })

export const rerun = (examId: Id) => call(`/api/identification/exams/${examId}/rerun`, { method: 'POST', body: '{}' })

export const isOpen = (copy: DeskCopy) => copy.identification.status === 'pending' || copy.identification.status === 'needs_review'

/** Folded for type-ahead: "lefevre" finds "LEFÈVRE Chloé". */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
