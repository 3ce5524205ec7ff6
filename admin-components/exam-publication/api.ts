// The tab's calls (same origin, the admin's session cookie). Shapes are the server's own, type-only.
import type { PublicationStatus } from '../../plugins/publication/endpoints/status'

export type { PublicationStatus }

export type Choice = { id: string; label: string }
export type ExportChoices = { formats: (Choice & { extension: string })[]; rounding: Choice[] }
export type PublishAnswer = { job: string; finalizedCopies: number; scheduledFor: string | null; notify: boolean; mailConfigured: boolean }
export type JobState = { state?: string; failReason?: string | null; lastFinishedAt?: string | null }

const call = async <T,>(path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(path, { credentials: 'include', ...init })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
  return body as T
}

export const fetchStatus = (examId: string | number) => call<PublicationStatus>(`/api/publication/exams/${examId}/status`, { cache: 'no-store' })

export const fetchExportChoices = () => call<ExportChoices>('/api/exports/formats')

export const fetchJob = (jobId: string) => call<JobState>(`/api/korrigo/jobs/status/${jobId}`, { cache: 'no-store' })

export const publish = ({ examId, at, notify }: { examId: string | number; at?: string; notify: boolean }) =>
  call<PublishAnswer>(`/api/publication/exams/${examId}/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...(at ? { at } : {}), notify }),
  })

/** The download address: a plain link, the session cookie authenticates it. */
export const exportUrl = ({ examId, format, rounding, columns }: { examId: string | number; format: string; rounding: string; columns: string[] }): string => {
  const query = new URLSearchParams({ format })
  if (rounding) query.set('rounding', rounding)
  if (columns.length) query.set('columns', columns.join(','))
  return `/api/exports/exams/${examId}?${query.toString()}`
}
