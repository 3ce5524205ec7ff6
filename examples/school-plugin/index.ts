import type { Config, Plugin } from 'payload'

import { registerExporter, registerRoundingRule } from '../../plugins/exports'
import { addKorrigoHooks } from '../../plugins/kit'
import { entExporter } from './entExporter'
import { halfPointUp } from './rounding'

export type SchoolPluginOptions = {
  /** Called when an exam is published, e.g. to tell the school's ENT; here it only logs. */
  onPublished?: (exam: { id: string | number; title: string }) => void | Promise<void>
}

/**
 * An example of a school's own plugin, with no change to Korrigo's code: a rounding rule, an export
 * format (GET /api/exports/exams/:id?format=ent) that uses it, and a callback when an exam is published.
 * Enable it with one line in plugins/index.ts: `schoolPlugin()` after the built-in plugins.
 */
export const schoolPlugin =
  ({ onPublished }: SchoolPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    registerRoundingRule(halfPointUp)
    registerExporter(entExporter)
    return addKorrigoHooks(config, {
      onExamPublished: async ({ exam, payload }) => {
        payload.logger.info({ exam: exam.id }, `school plugin: "${exam.title}" is published`)
        await onPublished?.({ id: exam.id, title: exam.title })
      },
    })
  }
