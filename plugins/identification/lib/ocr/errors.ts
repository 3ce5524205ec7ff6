/** An OCR engine could not start (missing language data or model files). */
export class OcrEngineError extends Error {
  readonly status: number
  constructor({ message, status = 500, cause }: { message: string; status?: number; cause?: unknown }) {
    super(message, { cause })
    this.name = 'OcrEngineError'
    this.status = status
  }
}
