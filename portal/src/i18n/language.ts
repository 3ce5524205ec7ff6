export type Language = 'fr' | 'en'

export const LANGUAGE_KEY = 'korrigo.lang'

/**
 * The portal's language: French unless the teacher chose English (kept in localStorage). Read outside React
 * too, by the API client, so the server answers in the language the screen speaks.
 */
export const storedLanguage = (): Language => {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'fr'
  } catch {
    return 'fr'
  }
}
