import type { RosterImportError } from './api'

/**
 * A refused row in words: which `rosterImport:` string says it, with what values. The server's English
 * message is not shown; its reason and values are enough to say it in the reader's language.
 */
export const rosterErrorWords = (error: RosterImportError): { key: string; vars: Record<string, string | number> } => {
  const value = 'value' in error ? (error.value ?? '') : ''
  const otherLine = error.otherLine ?? '?'
  switch (error.reason) {
    case 'missing_first_name':
      // The parser names the cell when a single-column name held only one word.
      return value ? { key: 'error_single_name', vars: { value } } : { key: 'error_missing_first_name', vars: {} }
    case 'duplicate_key':
      return { key: `error_duplicate_key_${error.sameBy ?? 'name'}`, vars: { otherLine } }
    case 'missing_last_name':
    case 'invalid_date':
    case 'invalid_email':
    case 'duplicate_row':
    case 'malformed_row':
    case 'conflict':
      return { key: `error_${error.reason}`, vars: { value, otherLine } }
    default:
      return { key: 'error_other', vars: {} }
  }
}
