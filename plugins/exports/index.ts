import type { Config, Plugin } from 'payload'

import { addJobs } from '../../jobs/define-job'
import { withTranslations } from '../kit/translations'
import { withStatisticsTab } from './admin/statisticsView'
import { translations } from './translations'
import { exportResultsEndpoint } from './endpoints/exportResults'
import { listFormatsEndpoint } from './endpoints/listFormats'
import { statisticsEndpoint } from './endpoints/statistics'
import { exportResultsJob } from './jobs/exportResults'
import { registerExporter } from './lib/registry'
import { registerRoundingRule } from './lib/rounding'
import type { Exporter, RoundingRule } from './lib/types'

export type ExportsOptions = { enabled?: boolean; exporters?: Exporter[]; roundingRules?: RoundingRule[] }

export { registerExporter } from './lib/registry'
export { registerRoundingRule } from './lib/rounding'
export type { Column, Exporter, ResultRow, ResultsTable, RoundingRule } from './lib/types'

/**
 * Results exports: `GET /api/exports/exams/:id?format=…`, `…/:id/statistics`, `GET /api/exports/formats`,
 * job `export-results`, and the exam's statistics tab in the admin.
 */
export const exportsPlugin =
  ({ enabled = true, exporters = [], roundingRules = [] }: ExportsOptions = {}): Plugin =>
  (config: Config): Config => {
    if (!enabled) return config
    exporters.forEach(registerExporter)
    roundingRules.forEach(registerRoundingRule)
    return addJobs(
      {
        ...config,
        collections: (config.collections ?? []).map(withStatisticsTab),
        endpoints: [...(config.endpoints ?? []), listFormatsEndpoint, statisticsEndpoint, exportResultsEndpoint],
        i18n: withTranslations(config.i18n, translations),
      },
      [exportResultsJob],
    )
  }
