import { en } from './en'
import { fr } from './fr'

export type BatchReportKey = keyof typeof fr

/** Merged into Payload's i18n under `batchReport:` so the admin view uses `t('batchReport:…')`. */
export const translations = { fr: { batchReport: { ...fr } }, en: { batchReport: { ...en } } }
