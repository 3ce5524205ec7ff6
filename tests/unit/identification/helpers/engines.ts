import { createPaddleEngine, createTesseractEngine, type OcrEngine } from '../../../../plugins/identification/lib/ocr/index.js'

/** Both OCR engines, started once for the file's tests and stopped after them. */
export const useOcrEngines = () => {
  const engines = {} as { tesseract: OcrEngine; paddle: OcrEngine }
  beforeAll(async () => {
    ;[engines.tesseract, engines.paddle] = await Promise.all([createTesseractEngine(), createPaddleEngine()])
  })
  afterAll(async () => {
    await Promise.all([engines.tesseract?.terminate(), engines.paddle?.terminate()])
  })
  return engines
}
