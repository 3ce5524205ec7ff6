/** The translation function of the tab, bound to its namespace. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string

/** A date as the admin's language writes it, with the time: "15 juin 2030 à 09:30". */
export const formatDate = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso))
