// Every refusal names the file (and the page when there is one) so an admin can act on it
// without reading logs.
export type ScanErrorCode =
  | 'unreadable_pdf'
  | 'encrypted_pdf'
  | 'no_pages'
  | 'page_unreadable'
  | 'page_timeout'
  | 'worker_crashed'
  | 'invalid_page'
  // limits (413): the file asks for more than one batch may cost
  | 'too_many_pages'
  | 'page_too_large'
  | 'image_too_large'
  | 'decompression_bomb'
  | 'page_too_complex'

export class ScanInputError extends Error {
  readonly status: number
  readonly file: string
  readonly page?: number
  readonly code: ScanErrorCode
  /** The message without the file and page: what a copy of this error elsewhere (a worker's answer) needs. */
  readonly reason: string

  constructor({
    code,
    file,
    page,
    reason,
    status = 422,
  }: {
    code: ScanErrorCode
    file: string
    page?: number
    reason: string
    status?: number
  }) {
    super(`${file}${page !== undefined ? ` page ${page}` : ''}: ${reason}`)
    this.name = 'ScanInputError'
    this.code = code
    this.reason = reason
    this.file = file
    this.page = page
    this.status = status
  }

  toJSON(): { code: ScanErrorCode; file: string; page?: number; message: string; status: number } {
    return { code: this.code, file: this.file, page: this.page, message: this.message, status: this.status }
  }
}

export const describeError = (err: unknown): string => (err instanceof Error ? err.message : String(err))
