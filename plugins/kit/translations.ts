import type { Config } from 'payload'

export type PluginTranslations = { fr: Record<string, unknown>; en: Record<string, unknown> }

/** Adds a plugin's own strings (one namespace per plugin) to the admin's French and English. */
export const withTranslations = (i18n: Config['i18n'], translations: PluginTranslations): Config['i18n'] => {
  const existing = (i18n?.translations ?? {}) as Record<string, Record<string, unknown>>
  return {
    ...i18n,
    translations: { ...existing, fr: { ...existing.fr, ...translations.fr }, en: { ...existing.en, ...translations.en } } as never,
  }
}
