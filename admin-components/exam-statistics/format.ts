/** Numbers as the admin's language writes them: 12,5 in French, 12.5 in English. */
export const formatNumber = (value: number, language: string, digits = 2): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)

export const formatPercent = (rate: number, language: string): string => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate)

/** The translation function of the view, bound to its namespace. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string
