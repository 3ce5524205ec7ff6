import { en } from './en'
import { fr } from './fr'
import { progressEn, progressFr } from './progress'

export type BatchReportKey = keyof typeof fr

/**
 * Merged into Payload's i18n: `batchReport:` for the Découpage tab, `batchProgress:` for the batch's
 * processing in its edit view, so admin components use `t('batchReport:…')`, `t('batchProgress:…')`.
 */
export const translations = { fr: { batchReport: { ...fr }, batchProgress: { ...progressFr } }, en: { batchReport: { ...en }, batchProgress: { ...progressEn } } }
