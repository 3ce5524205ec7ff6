import { useEffect, useState } from 'react'

import type { PDFDocumentProxy, PDFPageProxy } from '../viewer/pdf'
import { StudentApiError, studentApi } from './api'
import type { StudentCopy } from './types'

export type StudentPdf = { copy: StudentCopy; pdf: PDFDocumentProxy; pages: PDFPageProxy[] }

/**
 * One copy's annotated PDF, opened with pdf.js, and its listing entry (for the title and grade). `notFound`
 * covers every id that is not one of the student's published copies: the server does not say which.
 */
export const useStudentPdf = ({ copyId, onExpired }: { copyId: string; onExpired: () => void }) => {
  const [data, setData] = useState<StudentPdf | null>(null)
  const [error, setError] = useState<{ notFound: boolean; message: string } | null>(null)

  useEffect(() => {
    let cancelled = false
    let opened: PDFDocumentProxy | null = null
    const load = async () => {
      const [{ copies }, bytes, { openPdf }] = await Promise.all([studentApi.copies(), studentApi.pdf(copyId), import('../viewer/pdf')])
      const copy = copies.find((c) => String(c.id) === copyId)
      if (!copy) throw new StudentApiError(404, 'Not found')
      opened = await openPdf(bytes)
      const pages = await Promise.all(Array.from({ length: opened.numPages }, (_, i) => opened!.getPage(i + 1)))
      if (!cancelled) setData({ copy, pdf: opened, pages })
    }
    load().catch((err: unknown) => {
      if (cancelled) return
      const status = err instanceof StudentApiError ? err.status : 0
      if (status === 401) onExpired()
      else setError({ notFound: status === 404, message: err instanceof Error ? err.message : String(err) })
    })
    return () => {
      cancelled = true
      void opened?.destroy()
    }
  }, [copyId, onExpired])

  return { data, error }
}
