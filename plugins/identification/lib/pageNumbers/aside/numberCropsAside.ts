import { availableParallelism } from 'node:os'

import { ask, createWarmPool } from '../../../../scan-pipeline/lib/pool/warmPool'
import type { GrayCrop } from '../../header/types'
import { numberCrops, type NumberCropsRequest } from '../numberCrops'
import type { CropsMessage, CropsReply } from './crops-worker'

/** Copies whose number spots are cut at once, each on a thread of its own. */
export const CROPS_AHEAD = Math.max(1, Math.min(availableParallelism(), 4))

// Rendering and aligning a page's foot is most of reading its number (the recogniser runs in its own
// process already): on threads of their own, the next copies are cut while this one is scored.
const cutters = createWarmPool({ entry: new URL('./crops-entry.mjs', import.meta.url), max: CROPS_AHEAD })

/** Past this, a thread is taken for stuck on a copy and the copy is cut here instead. */
const COPY_TIMEOUT_MS = 120_000

let nextId = 0

/**
 * numberCrops on a worker thread. A thread that crashes or hangs is retired and the copy cut on this
 * thread instead: the same pixels, or the copy's own error (a PDF mupdf cannot render), never a lost copy.
 */
export const numberCropsAside = async (request: NumberCropsRequest): Promise<(GrayCrop | undefined)[]> => {
  const worker = await cutters.acquire()
  const id = nextId++
  const outcome = await ask<CropsReply>({ worker, message: { type: 'crops', id, ...request } satisfies CropsMessage, matches: (reply) => reply.id === id, timeoutMs: COPY_TIMEOUT_MS })
  if (outcome.kind !== 'reply') {
    cutters.retire(worker)
    return numberCrops(request)
  }
  cutters.release(worker)
  if (outcome.message.type === 'failed') return numberCrops(request)
  return outcome.message.crops
}
