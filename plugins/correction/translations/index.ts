import { en } from './en'
import { fr } from './fr'

/** A Payload label in both languages, read from the two dictionaries. */
export const label = (key: keyof typeof fr): { fr: string; en: string } => ({ fr: fr[key], en: en[key] })

export const labels = { fr, en }
