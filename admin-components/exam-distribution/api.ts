// The tab's calls (same origin, the admin's session cookie). Shapes are the server's own, type-only.
import type { DistributionSettings } from '../../plugins/distribution/lib/settings'
import type { DistributionProgress } from '../../plugins/distribution/services/progress'

export type { DistributionProgress, DistributionSettings }

const call = async <T,>(path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(path, { credentials: 'include', cache: 'no-store', ...init })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
  return body as T
}

export const fetchProgress = (examId: string | number) => call<DistributionProgress>(`/api/distribution/exams/${examId}`)

export const saveSettings = (examId: string | number, settings: DistributionSettings) =>
  call<{ result: { created: number; released: number }; progress: DistributionProgress }>(`/api/distribution/exams/${examId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  })

export const decide = (copyId: string | number, marking: number) =>
  call(`/api/distribution/copies/${copyId}/decide`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ marking }) })
