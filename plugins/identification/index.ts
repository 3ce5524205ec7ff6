import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { addJobs } from '../../jobs/define-job'
import { withRosterImportButton, withRosterImportView } from './admin/rosterImport'
import { IdentificationDecisions } from './collections/IdentificationDecisions'
import { copyIdentificationFields } from './collections/copyFields'
import { assignEndpoint, deskEndpoint, rerunEndpoint } from './endpoints/desk'
import { pageImageEndpoint } from './endpoints/pageImage'
import { pageEndpoints } from './endpoints/pages'
import { rosterEndpoint } from './endpoints/roster'
import { enqueueOnBatchDone } from './hooks/enqueueOnBatchDone'
import { identifyExamJob } from './jobs/identifyExam'
import { readCopyHeadersJob } from './jobs/readCopyHeaders'
import { withTranslations } from '../kit/translations'
import { translations } from './translations'
import { rosterImportTranslations } from './translations/rosterImport'
import type { IdentificationOptions } from './types'

export type { IdentificationOptions } from './types'

const withCopyFields = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug !== 'copies') return collection
  const fields = collection.fields.map((field): Field =>
    'name' in field && field.name === 'identification' && field.type === 'group' ? { ...field, fields: [...field.fields, ...copyIdentificationFields] } : field,
  )
  return { ...collection, fields }
}

const withBatchHook = (collection: CollectionConfig): CollectionConfig =>
  collection.slug !== 'scan-batches'
    ? collection
    : { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), enqueueOnBatchDone] } }

/**
 * Who wrote which copy: roster import, header reading + global matching (job `identify-exam`), the
 * identification desk in the admin, and hand fixes of scans (move, reorder, rotate, split, merge).
 */
export const identificationPlugin =
  (options: IdentificationOptions = {}): Plugin =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const { autoIdentify = true } = options
    return addJobs(
      {
        ...config,
        collections: [...(config.collections ?? []).map(withCopyFields).map(withRosterImportButton).map(autoIdentify ? withBatchHook : (c) => c), IdentificationDecisions],
        endpoints: [...(config.endpoints ?? []), rosterEndpoint, deskEndpoint, rerunEndpoint, assignEndpoint, ...pageEndpoints, pageImageEndpoint],
        i18n: withTranslations(withTranslations(config.i18n, translations), rosterImportTranslations),
        admin: withRosterImportView({
          ...config.admin,
          components: {
            ...config.admin?.components,
            views: {
              ...config.admin?.components?.views,
              identification: { Component: '/admin-components/identification-desk/DeskView#DeskView', path: '/identification' },
            },
            afterNavLinks: [...(config.admin?.components?.afterNavLinks ?? []), '/admin-components/identification-desk/NavLink#NavLink'],
          },
        }),
      },
      [identifyExamJob(options), readCopyHeadersJob(options)],
    )
  }
