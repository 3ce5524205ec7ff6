import { en } from './en'
import { fr } from './fr'

export type PublicationKey = keyof typeof fr

/** Merged into Payload's i18n under `examPublication:` so the admin view uses `t('examPublication:…')`. */
export const translations = { fr: { examPublication: { ...fr } }, en: { examPublication: { ...en } } }
