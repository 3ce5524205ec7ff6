import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'
// Bundled by Vite from node_modules: the portal never fetches code from anywhere but its own server.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

GlobalWorkerOptions.workerSrc = workerUrl
// Start the worker as soon as the app loads, so its 1 MB script is parsed while the copy is being fetched.
if (typeof Worker !== 'undefined') GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module' })

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'

export const openPdf = (data: ArrayBuffer): Promise<PDFDocumentProxy> =>
  getDocument({
    data,
    standardFontDataUrl: `${import.meta.env.BASE_URL}pdfjs/standard_fonts/`,
    isEvalSupported: false,
  }).promise

/** Size of the upright page (the page's own /Rotate applied) in PDF points. */
export const pageSize = (page: { getViewport: (o: { scale: number }) => { width: number; height: number } }) => {
  const { width, height } = page.getViewport({ scale: 1 })
  return { width, height }
}
