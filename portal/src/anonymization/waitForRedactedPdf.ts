import { api } from '../api/client'
import type { Copy } from '../api/types'

const WAIT_MS = 1500
const ROUNDS = 40

/**
 * A teacher only ever gets a copy's anonymised scan, made by a job right after the copy was identified or
 * edited: while it is being made the copy has no PDF yet. Asks again for up to a minute.
 */
export const waitForRedactedPdf = async ({ copyId, copy, cancelled }: { copyId: string; copy: Copy; cancelled: () => boolean }): Promise<Copy> => {
  let current = copy
  for (let round = 0; round < ROUNDS && !current.pdf && current.status !== 'staging' && !cancelled(); round++) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS))
    current = await api.get<Copy>(`/api/copies/${encodeURIComponent(copyId)}?depth=1`)
  }
  return current
}
