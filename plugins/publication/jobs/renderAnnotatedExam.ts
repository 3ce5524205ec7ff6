import type { Id } from '../../../collections/access/roles'
import { defineJob } from '../../../jobs/define-job'
import { renderExam } from '../services/renderExam'
import { RENDER_ANNOTATED_EXAM } from './names'
import { parseId } from '../../../jobs/parse-data'

export type RenderAnnotatedExamData = { examId: Id; force?: boolean }

export const renderAnnotatedExam = defineJob<RenderAnnotatedExamData>({
  name: RENDER_ANNOTATED_EXAM,
  version: 1,
  lockLifetime: 30 * 60_000,
  parse: (data) => ({ examId: parseId({ job: RENDER_ANNOTATED_EXAM, data, key: 'examId' }), force: (data as { force?: unknown })?.force === true }),
  handler: async ({ data, context }) => {
    const result = await renderExam({
      payload: context.payload,
      examId: data.examId,
      force: data.force,
      locale: context.payload.config.custom?.korrigo?.publication?.locale,
      progress: context.progress,
    })
    context.logger.info({ exam: data.examId, rendered: result.rendered.length, failed: result.failed, upToDate: result.upToDate }, 'annotated exam rendered')
  },
})
