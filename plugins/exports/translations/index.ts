import { en } from './en'
import { fr } from './fr'

export type StatisticsKey = keyof typeof fr

/** Merged into Payload's i18n under `examStatistics:` so the admin view uses `t('examStatistics:…')`. */
export const translations = { fr: { examStatistics: { ...fr } }, en: { examStatistics: { ...en } } }
