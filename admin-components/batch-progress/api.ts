// The edit view's one call: the batch as the REST API gives it (same origin, the admin's session cookie).
import type { ScanBatch } from '../../payload-types'

export type LiveBatch = Pick<ScanBatch, 'id' | 'status' | 'progress' | 'problems'>

export const fetchBatch = async (id: string | number): Promise<LiveBatch> => {
  // no-store: a cached answer would freeze the progress the view is there to follow.
  const response = await fetch(`/api/scan-batches/${id}?depth=0`, { credentials: 'include', cache: 'no-store' })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
  return body as LiveBatch
}
