import type { Plugin } from 'payload'

import { anonymizationPlugin } from './anonymization'
import { auditPlugin } from './audit'
import { correctionPlugin } from './correction'
import { distributionPlugin } from './distribution'
import { exportsPlugin } from './exports'
import { identificationPlugin } from './identification'
import { jobsAdminPlugin } from './jobs-admin'
import { publicationPlugin } from './publication'
import { retentionPlugin } from './retention'
import { scanPipelinePlugin } from './scan-pipeline'
import { studentSpacePlugin } from './student-space'

/**
 * The plugins the app is made of, in order. A school adds its own here (see the README's plugin guide),
 * before the audit plugin: it stays last, to hook into every collection and endpoint declared before it.
 */
export const korrigoPlugins = (): Plugin[] => [
  jobsAdminPlugin(),
  scanPipelinePlugin(),
  correctionPlugin(),
  identificationPlugin(),
  publicationPlugin(),
  exportsPlugin(),
  studentSpacePlugin(),
  anonymizationPlugin(),
  distributionPlugin(),
  retentionPlugin(),
  auditPlugin(),
]
