/**
 * Characters that make a spreadsheet read a text cell as a formula (or a DDE command): `=`, `+`, `-`, `@`,
 * a tab or a line break at the start, and their full-width forms, which Excel folds to the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * A text cell for a CSV file that a spreadsheet opens: one starting like a formula gets a leading
 * apostrophe, which Excel and LibreOffice show as text and never evaluate. Only text goes through here:
 * numbers are written as numbers (a negative mark stays a number).
 */
export const neutralizeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)
