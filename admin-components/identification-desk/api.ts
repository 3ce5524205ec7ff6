// The desk's calls to the identification endpoints (same origin, the admin's session cookie).
export type Id = string | number

export type DeskCandidate = { studentId: Id; name: string; score: number; takenBy: Id | null }
export type DeskCopy = {
  id: Id
  anonymousId: string
  status: string
  identification: { status: string; method: string | null; confidence: number | null; reason: string | null }
  student: { id: Id; name: string } | null
  headerCropUrl: string | null
  thumbnailUrl: string | null
  candidates: DeskCandidate[]
}
export type DeskStudent = { id: Id; name: string; birthDate: string | null; takenBy: Id | null }
export type Desk = { exam: { id: Id; title: string; className: string | null; status: string }; counts: { total: number; open: number }; copies: DeskCopy[]; students: DeskStudent[] }
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
