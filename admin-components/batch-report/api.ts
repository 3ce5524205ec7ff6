// The tab's calls (same origin, the admin's session cookie). The shapes are the server's own
// (type-only: nothing of the service is bundled into the admin).
import type { BatchReport, ReportCopy } from '../../plugins/scan-pipeline/services/batchReport'
import type { RecutResult } from '../../plugins/scan-pipeline/services/recut'

export type { BatchReport, RecutResult, ReportCopy }

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly data?: { blockers?: { copy: string | number; anonymousId: string; reason: string }[] },
  ) {
    super(message)
  }
}

const call = async <T,>(path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(path, { credentials: 'include', ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new ApiError(body?.errors?.[0]?.message ?? `HTTP ${response.status}`, response.status, body?.errors?.[0]?.data)
  return body as T
}

export const fetchReport = (batchId: string | number) => call<BatchReport>(`/api/scan-pipeline/batches/${batchId}/report`)

export const recut = (batchId: string | number) => call<RecutResult>(`/api/scan-pipeline/batches/${batchId}/recut`, { method: 'POST', body: '{}' })
