import { en } from './en'
import { fr } from './fr'

/** Merged into Payload's i18n under `examAnonymity:`. */
export const translations = { fr: { examAnonymity: { ...fr } }, en: { examAnonymity: { ...en } } }
