import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { addJobs } from '../../jobs/define-job'
import { withTranslations } from '../kit/translations'
import { withBatchFilesForAdmins, withRedactedMediaOnly } from './access/media'
import { withAnonymityTab } from './admin/anonymityTab'
import { pageImageEndpoint } from './endpoints/pageImage'
import { statusEndpoint } from './endpoints/status'
import { copyRedactionFields, examZoneFields, REDACTED_KINDS } from './fields'
import { keepRedactionCurrent, queueRedaction } from './hooks/copyRedaction'
import { QUERY_GUARDED, refuseIdentityQueries } from './hooks/queryGuard'
import { spreadExamZone } from './hooks/examZone'
import { servedFile } from './hooks/servedFiles'
import { markCopyWrite, unmarkCopyWrite } from './hooks/writeContext'
import { redactCopyJob } from './jobs/redactCopy'
import { translations } from './translations'

export { detectedZones } from './services/detectedZones'

const withMediaKinds = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug !== 'media') return collection
  const fields = collection.fields.map((field): Field =>
    'name' in field && field.name === 'kind' && field.type === 'select'
      ? { ...field, options: [...field.options, ...REDACTED_KINDS.filter((k) => !field.options.some((o) => (typeof o === 'string' ? o : o.value) === k))] }
      : field,
  )
  return { ...collection, fields }
}

/** The copy's `pdf` and `thumbnail` as a teacher reads them: the redacted renditions. */
const withServedFiles = (fields: Field[]): Field[] =>
  fields.map((field): Field =>
    'name' in field && (field.name === 'pdf' || field.name === 'thumbnail') && field.type === 'upload'
      ? { ...field, hooks: { ...field.hooks, afterRead: [...(field.hooks?.afterRead ?? []), servedFile(field.name)] } }
      : field,
  )

const withQueryGuard = (collection: CollectionConfig): CollectionConfig =>
  QUERY_GUARDED.includes(collection.slug)
    ? { ...collection, hooks: { ...collection.hooks, beforeOperation: [refuseIdentityQueries, ...(collection.hooks?.beforeOperation ?? [])] } }
    : collection

const extend = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug === 'copies')
    return {
      ...collection,
      fields: [...withServedFiles(collection.fields), ...copyRedactionFields],
      hooks: {
        ...collection.hooks,
        beforeOperation: [...(collection.hooks?.beforeOperation ?? []), markCopyWrite],
        afterOperation: [...(collection.hooks?.afterOperation ?? []), unmarkCopyWrite],
        beforeChange: [...(collection.hooks?.beforeChange ?? []), keepRedactionCurrent],
        afterChange: [...(collection.hooks?.afterChange ?? []), queueRedaction],
      },
    }
  if (collection.slug === 'exams')
    return {
      ...collection,
      fields: [...collection.fields, ...examZoneFields],
      hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), spreadExamZone] },
    }
  return withBatchFilesForAdmins(withRedactedMediaOnly(withMediaKinds(collection)))
}

/**
 * Anonymous marking on the scans themselves: the identity zones of each copy (found by identification, or
 * drawn once on the exam) are painted out of the PDF and thumbnail teachers are served (job `redact-copy`),
 * and teachers can reach no other copy file; the exam's Anonymity tab draws the zone and shows the state.
 */
export const anonymizationPlugin =
  (): Plugin =>
  (config: Config): Config =>
    addJobs(
      {
        ...config,
        collections: (config.collections ?? []).map(extend).map(withQueryGuard).map(withAnonymityTab),
        endpoints: [...(config.endpoints ?? []), pageImageEndpoint, statusEndpoint],
        i18n: withTranslations(config.i18n, translations),
      },
      [redactCopyJob],
    )
