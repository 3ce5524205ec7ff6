import { useState } from 'react'

import { formatPoints } from '../grading/points'
import { useI18n } from '../i18n/context'
import { PdfCanvas } from '../viewer/PdfCanvas'
import { fitWidth, nextZoom, type ZoomMode } from '../viewer/zoom'
import { pdfUrl } from './api'
import { formatGrade } from './format'
import { StudentHeader } from './StudentHeader'
import type { StudentProfile } from './types'
import { useContainerWidth } from './useContainerWidth'
import { useStudentPdf } from './useStudentPdf'

/** The annotated copy, every page one under the other (read-only: a student scrolls, zooms and downloads). */
export const StudentCopyViewer = ({
  copyId,
  student,
  onSignOut,
  onExpired,
}: {
  copyId: string
  student: StudentProfile
  onSignOut: () => void
  onExpired: () => void
}) => {
  const { language, t } = useI18n()
  const { data, error } = useStudentPdf({ copyId, onExpired })
  const { ref, width } = useContainerWidth<HTMLDivElement>()
  const [mode, setMode] = useState<ZoomMode>({ kind: 'fit' })
  const widest = data ? Math.max(...data.pages.map((p) => p.getViewport({ scale: 1 }).width)) : 0
  // Fit width, but a phone-sized page is not blown up past 1.5× on a wide screen.
  const fit = widest && width ? Math.min(1.5, fitWidth({ available: width, pageWidth: widest })) : 1
  const zoom = mode.kind === 'fit' ? fit : mode.value

  return (
    <main className="student-viewer">
      <StudentHeader student={student} title={data?.copy.exam.title ?? t('student.title')} onSignOut={onSignOut}>
        <a href="#/student" className="button">
          {t('student.copy.back')}
        </a>
      </StudentHeader>
      <div className="toolbar student-toolbar">
        {data ? (
          <span className="student-grade" data-testid="student-viewer-grade">
            {t('student.copies.grade')} : {formatGrade({ points: data.copy.total, max: data.copy.maxTotal, language })}
          </span>
        ) : null}
        <span className="separator" />
        <button type="button" title={t('copy.zoomOut')} aria-label={t('copy.zoomOut')} onClick={() => setMode({ kind: 'fixed', value: nextZoom(zoom, -1) })}>
          −
        </button>
        <span className="zoom">{formatPoints(Math.round(zoom * 100), language)} %</span>
        <button type="button" title={t('copy.zoomIn')} aria-label={t('copy.zoomIn')} onClick={() => setMode({ kind: 'fixed', value: nextZoom(zoom, 1) })}>
          +
        </button>
        <button type="button" onClick={() => setMode({ kind: 'fit' })} disabled={mode.kind === 'fit'}>
          {t('copy.fitWidth')}
        </button>
        <span className="separator" />
        <a className="button primary" href={pdfUrl(copyId, { download: true })} download data-testid="student-download">
          {t('student.copies.download')}
        </a>
      </div>
      <div className="student-pages" ref={ref}>
        {error ? <p role="alert" className="page-error">{error.notFound ? t('student.copy.notFound') : t('app.error', { message: error.message })}</p> : null}
        {!data && !error ? <p className="loading">{t('app.loading')}</p> : null}
        {data && width
          ? data.pages.map((page, index) => {
              const viewport = page.getViewport({ scale: 1 })
              return (
                <div
                  key={index}
                  className="page student-pdf-page"
                  data-testid="student-page"
                  aria-label={t('copy.page', { page: index + 1, count: data.pages.length })}
                  style={{ width: Math.round(viewport.width * zoom), height: Math.round(viewport.height * zoom) }}
                >
                  <PdfCanvas page={page} zoom={zoom} className="pdf-canvas" />
                </div>
              )
            })
          : null}
      </div>
    </main>
  )
}
