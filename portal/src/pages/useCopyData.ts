import { useCallback, useEffect, useState } from 'react'

import { api, query } from '../api/client'
import { idOf, type AnnotationDoc, type Copy, type Exam, type MediaDoc, type Page } from '../api/types'
import type { PDFDocumentProxy, PDFPageProxy } from '../viewer/pdf'
import { closingSaves } from '../workspace/useAnnotationStore'
import { waitForRedactedPdf } from '../anonymization/waitForRedactedPdf'
import { examForShare, fetchShare } from '../distribution/share'
import { listCopies } from './useExamOverview'

export type CopyData = {
  copy: Copy
  exam: Exam
  siblings: Copy[]
  annotations: AnnotationDoc[]
  pdf: PDFDocumentProxy | null
  pages: PDFPageProxy[]
}

export const preloadWorkspace = () => import('../workspace/Workspace')

const fetchCopy = (copyId: string) => api.get<Copy>(`/api/copies/${encodeURIComponent(copyId)}?depth=1`)

/**
 * Everything a copy view needs, fetched in parallel. The PDF comes through its media document's URL with
 * the same auth header as the API calls (the file route checks the teacher's rights).
 */
export const useCopyData = (copyId: string) => {
  const [data, setData] = useState<CopyData | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    const load = async () => {
      // pdf.js and the workspace (Konva) are separate chunks: download them while the API answers.
      const viewer = import('../viewer/pdf')
      void preloadWorkspace()
      await closingSaves(copyId)
      // The annotations only need the copy's id: fetch them alongside the copy.
      const annotationsLoad = api.get<Page<AnnotationDoc>>(`/api/annotations?${query({ 'where[copy][equals]': copyId, depth: 0, pagination: false })}`)
      annotationsLoad.catch(() => undefined)
      const copy = await waitForRedactedPdf({ copyId, copy: await fetchCopy(copyId), cancelled: () => cancelled })
      const examDoc = typeof copy.exam === 'object' ? copy.exam : await api.get<Exam>(`/api/exams/${copy.exam}?depth=0`)
      // A teacher marking by question sees only their questions of the scale.
      const share = await fetchShare(examDoc.id)
      const exam = examForShare(examDoc, share?.copies.find((c) => String(c.id) === String(copy.id))?.questionKeys)
      const media = copy.pdf && typeof copy.pdf === 'object' ? (copy.pdf as MediaDoc) : null
      const [siblings, annotations, pdf] = await Promise.all([
        listCopies(exam.id),
        annotationsLoad,
        media?.url ? Promise.all([api.bytes(media.url), viewer]).then(([bytes, { openPdf }]) => openPdf(bytes)) : Promise.resolve(null),
      ])
      const pages = pdf ? await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1))) : []
      if (pages[0] && !cancelled) {
        const { guessFitZoom, prerender } = await import('../viewer/prerender')
        prerender({ page: pages[0], zoom: guessFitZoom(pages[0].getViewport({ scale: 1 }).width) })
      }
      performance.mark('korrigo:copy-loaded')
      if (!cancelled) setData({ copy: { ...copy, exam: exam.id }, exam, siblings: siblings.docs, annotations: annotations.docs, pdf, pages })
    }
    load().catch((err: Error) => !cancelled && setError(err.message))
    return () => {
      cancelled = true
    }
  }, [copyId])

  /** The total and status only the server knows: re-read after every grade or status change. */
  const refreshCopy = useCallback(async () => {
    const copy = await api.get<Copy>(`/api/copies/${encodeURIComponent(copyId)}?depth=0`)
    setData((current) => (current ? { ...current, copy: { ...copy, exam: idOf(copy.exam)! } } : current))
    return copy
  }, [copyId])

  return { data, error, refreshCopy }
}
