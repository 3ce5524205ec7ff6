/** A page number as the student wrote it: "n / N", page n of N. */
export type WrittenNumber = { n: number; total: number }

/** More pages than any copy has: a page count beyond it is not considered. */
export const MAX_PAGES = 60
