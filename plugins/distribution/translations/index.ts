import { en } from './en'
import { fr } from './fr'

/** Merged into Payload's i18n under `examDistribution:`. */
export const translations = { fr: { examDistribution: { ...fr } }, en: { examDistribution: { ...en } } }
