// The tab's calls (same origin, the admin's session cookie). Shapes are the server's own, type-only.
import type { AnonymizationStatus } from '../../plugins/anonymization/endpoints/status'

export type { AnonymizationStatus }
export type Box = { x: number; y: number; width: number; height: number }

const call = async <T,>(path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(path, { credentials: 'include', cache: 'no-store', ...init })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
  return body as T
}

export const fetchStatus = (examId: string | number) => call<AnonymizationStatus>(`/api/anonymization/exams/${examId}/status`)

export const saveZone = (examId: string | number, zone: Box | null) =>
  call(`/api/exams/${examId}?depth=0`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identityZone: zone }) })

export const pageImageUrl = ({ copyId, redacted, version }: { copyId: string | number; redacted: boolean; version: string }) =>
  `/api/anonymization/copies/${copyId}/pages/0/image?${redacted ? 'redacted=1&' : ''}v=${encodeURIComponent(version)}`
