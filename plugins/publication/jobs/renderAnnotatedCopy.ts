import type { Id } from '../../../collections/access/roles'
import { defineJob } from '../../../jobs/define-job'
import { renderCopy } from '../services/renderCopy'
import { RENDER_ANNOTATED_COPY } from './names'
import { parseId } from '../../../jobs/parse-data'

export type RenderAnnotatedCopyData = { copyId: Id }

export const renderAnnotatedCopy = defineJob<RenderAnnotatedCopyData>({
  name: RENDER_ANNOTATED_COPY,
  version: 1,
  parse: (data) => ({ copyId: parseId({ job: RENDER_ANNOTATED_COPY, data, key: 'copyId' }) }),
  handler: async ({ data, context }) => {
    const result = await renderCopy({ payload: context.payload, copyId: data.copyId, locale: context.payload.config.custom?.korrigo?.publication?.locale })
    context.logger.info(result, 'annotated copy rendered')
    await context.progress({ done: 1, total: 1 })
  },
})
