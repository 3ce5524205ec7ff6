import type { CollectionConfig, Config, Plugin } from 'payload'

import { addJobs } from '../../jobs/define-job'
import { enqueue } from '../../jobs/queue'
import { withTranslations } from '../kit/translations'
import { withPublicationTab } from './admin/publicationView'
import { translations } from './translations'
import { publishEndpoint } from './endpoints/publish'
import { publicationStatusEndpoint } from './endpoints/status'
import { copyFields, examFields } from './fields'
import { addKorrigoHooks } from '../kit/hooks/registry'
import { RENDER_ANNOTATED_COPY } from './jobs/names'
import { notifyStudentsJob } from './jobs/notifyStudents'
import { publishExamJob } from './jobs/publishExam'
import { renderAnnotatedCopy } from './jobs/renderAnnotatedCopy'
import { renderAnnotatedExam } from './jobs/renderAnnotatedExam'
import type { PublicationOptions } from './types'

export type { PublicationOptions } from './types'
// The extension points are the kit's (they work with publication disabled); re-exported for plugins written before.
export { addKorrigoHooks, type CopyFinalizedArgs, type ExamPublishedArgs, type KorrigoHooks } from '../kit/hooks/registry'

const extend = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug === 'copies') return { ...collection, fields: [...collection.fields, ...copyFields] }
  if (collection.slug === 'exams') return { ...collection, fields: [...collection.fields, ...examFields] }
  return collection
}

/**
 * Publication: annotated PDFs (jobs `render-annotated-copy`, `render-annotated-exam`), the publish
 * endpoint and job, the students' e-mail notification (job `notify-students`), and the
 * `onCopyFinalized` / `onExamPublished` extension points, and the exams' publication tab in the admin.
 */
export const publicationPlugin =
  ({ enabled = true, locale = 'fr', renderOnFinalize = true }: PublicationOptions = {}): Plugin =>
  (config: Config): Config => {
    if (!enabled) return config
    let next: Config = {
      ...config,
      collections: (config.collections ?? []).map(extend).map(withPublicationTab),
      endpoints: [...(config.endpoints ?? []), publishEndpoint, publicationStatusEndpoint],
      i18n: withTranslations(config.i18n, translations),
    }
    next = addJobs(next, [renderAnnotatedCopy, renderAnnotatedExam, publishExamJob, notifyStudentsJob])
    next = { ...next, custom: { ...next.custom, korrigo: { ...next.custom?.korrigo, publication: { locale } } } }
    if (renderOnFinalize)
      next = addKorrigoHooks(next, {
        onCopyFinalized: async ({ copy, payload }) => {
          if (!copy.pdf) return
          await enqueue({ name: RENDER_ANNOTATED_COPY, data: { copyId: copy.id } }).catch((error: Error) =>
            // Without a queue (a CLI, a script) the copy is rendered at publication instead.
            payload.logger.warn({ copy: copy.id, err: error.message }, 'annotated copy not queued'),
          )
        },
      })
    return next
  }
