import { parentPort } from 'node:worker_threads'

import { describeError } from '../../../../scan-pipeline/lib/errors'
import { numberCrops, type NumberCropsRequest } from '../numberCrops'

export type CropsMessage = { type: 'crops'; id: number } & NumberCropsRequest
export type CropsReply = { type: 'crops'; id: number; crops: ReturnType<typeof numberCrops> } | { type: 'failed'; id: number; message: string }

const port = parentPort!

port.on('message', (request: CropsMessage) => {
  try {
    const crops = numberCrops(request)
    port.postMessage({ type: 'crops', id: request.id, crops } satisfies CropsReply, crops.flatMap((c) => (c ? [c.raw.buffer as ArrayBuffer] : [])))
  } catch (error) {
    port.postMessage({ type: 'failed', id: request.id, message: describeError(error) } satisfies CropsReply)
  }
})
port.postMessage({ type: 'ready' })
