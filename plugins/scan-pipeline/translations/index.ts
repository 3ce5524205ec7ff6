import { bookletsEn, bookletsFr } from './booklets'
import { en } from './en'
import { fr } from './fr'
import { progressEn, progressFr } from './progress'
import { uploadsEn, uploadsFr } from './uploads'

export type BatchReportKey = keyof typeof fr

/**
 * Merged into Payload's i18n: `batchReport:` for the Découpage tab, `batchProgress:` for the batch's
 * processing in its edit view, `examBooklets:` for the exam's Livrets tab, so admin components use
 * `t('batchReport:…')`, `t('batchProgress:…')`, `t('examBooklets:…')`; `scanUploads:` for the resumable uploads above
 * the batches' list.
 */
export const translations = {
  fr: { batchReport: { ...fr }, batchProgress: { ...progressFr }, examBooklets: { ...bookletsFr }, scanUploads: { ...uploadsFr } },
  en: { batchReport: { ...en }, batchProgress: { ...progressEn }, examBooklets: { ...bookletsEn }, scanUploads: { ...uploadsEn } },
}
