import type { Id } from '../../../collections/access/roles'
import { defineJob } from '../../../jobs/define-job'
import { config } from '../../../runtime/config'
import { BadRequestError } from '../../../runtime/errors'
import { markRedactionFailed, redactCopy } from '../services/redactCopy'
import { REDACT_COPY } from './names'

export type RedactCopyData = { copyId: Id; key?: string }

const redactionDpi = (): number => config().KORRIGO_REDACTION_DPI

/** Queued whenever a copy's PDF or identity zones change: renders what teachers are served of it. */
export const redactCopyJob = defineJob<RedactCopyData>({
  name: REDACT_COPY,
  version: 1,
  concurrency: 2,
  parse: (data) => {
    const id = (data as { copyId?: unknown } | undefined)?.copyId
    if ((typeof id !== 'string' || !id) && typeof id !== 'number') throw new BadRequestError(`${REDACT_COPY}: copyId must be a string or number id, got ${JSON.stringify(id)}`)
    const key = (data as { key?: unknown }).key
    return { copyId: id, key: typeof key === 'string' ? key : undefined }
  },
  handler: async ({ data, context }) => {
    const exists = await context.payload.findByID({ collection: 'copies', id: data.copyId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!exists) return context.logger.info({ copy: data.copyId }, 'copy gone before its redaction')
    try {
      const result = await redactCopy({ payload: context.payload, copyId: data.copyId, key: data.key, dpi: redactionDpi() })
      context.logger.info(result, 'copy redacted')
    } catch (error) {
      await markRedactionFailed({ payload: context.payload, copyId: data.copyId, error: error as Error })
      throw error
    }
    await context.progress({ done: 1, total: 1 })
  },
})
