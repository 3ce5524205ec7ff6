const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l' }

/**
 * Lower case, no diacritics, ligatures expanded. Everything that compares people
 * (roster keys, header names, OCR matching) goes through this one function so that
 * "Éloïse", "ELOISE" and "eloise" are the same person everywhere.
 */
export const foldText = (value: string): string =>
  value
    .replace(/[œŒæÆßøØđĐłŁ]/g, (ch) => LIGATURES[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()

/** Folded, and only letters and digits kept: used for header names and compact keys. */
export const foldCompact = (value: string): string => foldText(value).replace(/[^a-z0-9]+/g, '')
