import { en } from './en'
import { fr } from './fr'

export type IdentificationKey = keyof typeof fr

/** A Payload label in both languages, read from the two dictionaries. */
export const label = (key: IdentificationKey): { fr: string; en: string } => ({ fr: fr[key], en: en[key] })

/** Merged into Payload's i18n under `identification:` so admin components use `t('identification:…')`. */
export const translations = { fr: { identification: { ...fr } }, en: { identification: { ...en } } }
