import { useCallback, useEffect, useRef, useState } from 'react'

import { LanguageToggle } from '../app/LanguageToggle'
import { navigate } from '../app/router'
import { api } from '../api/client'
import { isClosed, type Copy, type CopyMarkers, type SavedComment, type User } from '../api/types'
import type { TextRequest } from '../canvas/AnnotationLayer'
import { COLORS, type Tool } from '../canvas/tools'
import { NextOnQuestion } from '../distribution/NextOnQuestion'
import { FlowBar } from '../flow/FlowBar'
import { useFinalizeFlow } from '../flow/useFinalizeFlow'
import { useMyShare } from '../flow/useMyShare'
import { questionFromHash } from '../distribution/share'
import { CommentBank } from '../grading/CommentBank'
import { GradingPanel } from '../grading/GradingPanel'
import { commentPoints, halfPoints, stepPoints } from '../grading/points'
import { useGrades } from '../grading/useGrades'
import { useI18n } from '../i18n/context'
import { HelpOverlay } from '../keyboard/HelpOverlay'
import { useLiveCopy } from '../live/useLiveCopy'
import { RubricPanel } from '../rubric/RubricPanel'
import { useRubric } from '../rubric/useRubric'
import { useRubricMarking } from '../rubric/useRubricMarking'
import type { CopyData } from '../pages/useCopyData'
import { Thumbnails } from '../viewer/Thumbnails'
import { fitWidth, nextZoom } from '../viewer/zoom'
import { ConflictBanner } from './ConflictBanner'
import { PageView } from './PageView'
import { SaveIndicator } from './SaveIndicator'
import { combinedSave } from './saveState'
import { Toolbar } from './Toolbar'
import { useAnnotationStore } from './useAnnotationStore'
import { usePan } from './usePan'
import { cycleColor, useWorkspaceKeys } from './useWorkspaceKeys'

type Props = { data: CopyData; user: User | null; refreshCopy: () => Promise<Copy> }

/** The copy view: pages and annotations in the middle, grading on the right, everything on the keyboard. */
export const Workspace = ({ data, refreshCopy }: Props) => {
  const { t } = useI18n()
  const { copy, exam, pages, siblings } = data
  const readOnly = isClosed(copy.status)
  const questions = exam.gradingScale ?? []

  const [tool, setTool] = useState<Tool>('pen')
  const [color, setColor] = useState(COLORS[0])
  const [stampText, setStampText] = useState(() => t('stamp.default'))
  const [pageNumber, setPageNumber] = useState(1)
  const [zoomMode, setZoomMode] = useState<{ fit: true } | { fit: false; value: number }>({ fit: true })
  const [available, setAvailable] = useState(800)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [textRequest, setTextRequest] = useState<TextRequest | null>(null)
  // Opened from "next copy on Qn": start on that question.
  const [currentQuestion, setCurrentQuestion] = useState(() => Math.max(0, questions.findIndex((q) => q.key === questionFromHash())))
  const [gradeVersion, setGradeVersion] = useState(0)
  const [help, setHelp] = useState(false)
  const [spaceHeld, setSpaceHeld] = useState(false)
  const [firstPageShown, setFirstPageShown] = useState(false)
  const [markers, setMarkers] = useState<CopyMarkers | null>(null)
  const viewport = useRef<HTMLDivElement>(null)

  const startedMarking = useRef(false)
  /** First saved mark on a "ready" copy: the server made it "marking"; show the copy as it now is. */
  const markStarted = useCallback(() => {
    if (copy.status !== 'ready' || startedMarking.current) return
    startedMarking.current = true
    refreshCopy()
  }, [copy.status, refreshCopy])

  const loadMarkers = useCallback(() => {
    if (!exam.doubleMarking) return
    api
      .get<CopyMarkers>(`/api/correction/copies/${copy.id}/markers`)
      .then(setMarkers)
      .catch(() => undefined)
  }, [copy.id, exam.doubleMarking])
  useEffect(loadMarkers, [loadMarkers])

  const afterAnnotationsSaved = useRef(() => {})
  afterAnnotationsSaved.current = () => {
    markStarted()
    loadMarkers()
  }
  const { snapshot, store } = useAnnotationStore({ copyId: copy.id, docs: data.annotations, readOnly, onSaved: () => afterAnnotationsSaved.current() })
  const grades = useGrades({
    copyId: copy.id,
    onSaved: () => {
      setGradeVersion((v) => v + 1)
      void refreshCopy()
      markStarted()
      loadMarkers()
    },
  })

  useEffect(() => {
    const el = viewport.current
    if (!el) return
    const observer = new ResizeObserver(() => setAvailable(el.clientWidth))
    observer.observe(el)
    setAvailable(el.clientWidth)
    return () => observer.disconnect()
  }, [])

  const page = pages[pageNumber - 1]
  const pageWidth = page ? page.getViewport({ scale: 1 }).width : 595
  const zoom = zoomMode.fit ? fitWidth({ available, pageWidth }) : zoomMode.value
  const changeZoom = (direction: 1 | -1) => setZoomMode({ fit: false, value: nextZoom(zoom, direction) })

  useEffect(() => {
    const el = viewport.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return
      e.preventDefault()
      setZoomMode((mode) => {
        const current = mode.fit ? fitWidth({ available: el.clientWidth, pageWidth }) : mode.value
        return { fit: false, value: nextZoom(current, e.deltaY < 0 ? 1 : -1) }
      })
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [pageWidth])

  const goToPage = (n: number) => {
    setSelectedId(null)
    setTextRequest(null)
    setPageNumber(Math.min(Math.max(1, n), Math.max(1, pages.length)))
    viewport.current?.scrollTo({ top: 0 })
  }
  const index = siblings.findIndex((c) => String(c.id) === String(copy.id))
  const goToCopy = (direction: 1 | -1) => {
    const next = siblings[index + direction]
    if (next) navigate(`/copy/${next.id}`)
  }

  const setPoints = (what: 'zero' | 'half' | 'full' | 'up' | 'down') => {
    const q = questions[currentQuestion]
    if (!q || readOnly) return
    const current = grades.grades[q.key]?.points
    const points = what === 'zero' ? 0 : what === 'half' ? halfPoints(q) : what === 'full' ? q.maxPoints : stepPoints(q, current, what === 'up' ? 1 : -1)
    void grades.save(q.key, { points })
  }

  const insertComment = (comment: SavedComment) => {
    const q = questions[currentQuestion]
    if (!q || readOnly) return
    const grade = grades.grades[q.key]
    const text = grade?.comment ? `${grade.comment}\n${comment.text}` : comment.text
    const fitsQuestion = !comment.questionKey || comment.questionKey === q.key
    // Negative points deduct from the question's points (−0.5 is "half a point off", not "−0.5 points").
    const points = typeof comment.points === 'number' && fitsQuestion ? commentPoints(q, grade?.points, comment.points) : undefined
    void grades.save(q.key, { comment: text, points })
  }

  useLiveCopy({ copy, store, grades: grades.grades, gradesBusy: grades.busy, reloadGrades: grades.reload, refreshCopy })

  const rubric = useRubric({
    examId: exam.id,
    version: gradeVersion,
    // The server rewrote the grades applying the item: show this copy's new marks and total.
    onItemChanged: () => void grades.reload().then(() => refreshCopy()),
  })
  const rubricMarking = useRubricMarking({
    items: rubric.items,
    question: questions[currentQuestion],
    grade: grades.grades[questions[currentQuestion]?.key ?? ''],
    readOnly,
    save: grades.save,
  })

  const { share, pending } = useMyShare({ examId: exam.id })
  const flow = useFinalizeFlow({
    copy,
    examId: exam.id,
    readOnly,
    share,
    pending,
    siblings,
    settle: async () => {
      await Promise.all([store.flush(), grades.settled()])
      const save = store.getSnapshot().save
      if (save.status !== 'saved') throw new Error(t('flow.unsaved'))
    },
    blocked: () => (grades.conflicts.length || snapshot.conflicts.length ? t('flow.resolveFirst') : undefined),
  })

  useWorkspaceKeys({
    tool: (next) => !readOnly && setTool(next),
    nextColor: () => setColor(cycleColor),
    page: (d) => goToPage(pageNumber + d),
    copy: goToCopy,
    zoom: changeZoom,
    fit: () => setZoomMode({ fit: true }),
    question: (d) => setCurrentQuestion((i) => Math.min(Math.max(0, i + d), Math.max(0, questions.length - 1))),
    points: setPoints,
    undo: () => store.undo(),
    redo: () => store.redo(),
    deleteSelection: () => {
      if (selectedId) store.remove(selectedId)
      setSelectedId(null)
    },
    escape: () => {
      setHelp(false)
      setSelectedId(null)
      setTextRequest(null)
    },
    finalize: () => void flow.finalize(),
    nextToMark: flow.goToNext,
    rubric: rubricMarking.toggleNth,
    help: () => setHelp((h) => !h),
    pan: setSpaceHeld,
  })

  const pan = usePan({ viewport, spaceHeld })

  return (
    <div className={`workspace${readOnly ? ' read-only' : ''}`} data-copy={copy.id} data-status={copy.status}>
      <header className="topbar">
        <a href="#/">{t('copy.backToList')}</a>
        <h1>
          {exam.title} — <span data-testid="anonymous-id">{copy.anonymousId}</span>
        </h1>
        <span className={`status status-${copy.status}`} data-testid="copy-status">
          {t(`status.${copy.status}`)}
        </span>
        <span className="copy-nav">
          <button type="button" disabled={index <= 0} onClick={() => goToCopy(-1)} title={`${t('copy.prevCopy')} (Shift+←)`}>
            ⟨
          </button>
          {t('copy.position', { index: index + 1, count: siblings.length })}
          <button type="button" disabled={index < 0 || index >= siblings.length - 1} onClick={() => goToCopy(1)} title={`${t('copy.nextCopy')} (Shift+→)`}>
            ⟩
          </button>
        </span>
        <NextOnQuestion examId={exam.id} copyId={copy.id} question={questions[currentQuestion]?.key} version={gradeVersion} />
        <FlowBar share={share} pending={pending} current={copy.id} />
        <SaveIndicator save={combinedSave({ annotations: snapshot.save, grades: grades.state })} />
        <LanguageToggle />
        <button type="button" onClick={() => setHelp(true)} aria-label={t('help.title')} title={t('help.title')}>
          ?
        </button>
        <button type="button" className="finalize" disabled={readOnly} onClick={() => void flow.finalize()} title={`${t('copy.finalize')} (Ctrl+Enter)`}>
          {t('copy.finalize')}
        </button>
      </header>
      <ConflictBanner
        conflicts={snapshot.conflicts.map((c) => ({ key: c.localId, text: t('conflict.message', { message: c.message }) }))}
        onResolve={(id, choice) => store.resolve(id, choice)}
      />
      <ConflictBanner testId="grade-conflict" conflicts={grades.conflicts.map((c) => ({ key: c.questionKey, text: c.message }))} onResolve={grades.resolve} />
      {readOnly ? <p className="read-only-banner">{t('copy.readOnly', { status: t(`status.${copy.status}`) })}</p> : null}
      {flow.error ? <p role="alert" className="field-error" data-testid="finalize-error">{flow.error}</p> : null}
      <Toolbar
        tool={tool}
        color={color}
        stampText={stampText}
        zoom={zoom}
        canUndo={snapshot.canUndo}
        canRedo={snapshot.canRedo}
        readOnly={readOnly}
        onTool={setTool}
        onColor={setColor}
        onStampText={setStampText}
        onUndo={() => store.undo()}
        onRedo={() => store.redo()}
        onZoom={changeZoom}
        onFit={() => setZoomMode({ fit: true })}
      />
      <div className="workspace-body">
        {firstPageShown ? <Thumbnails pages={pages} current={pageNumber} onSelect={goToPage} /> : <nav className="thumbnails" />}
        <div className={`viewport${spaceHeld ? ' panning' : ''}`} ref={viewport} {...pan}>
          {page ? (
            <PageView
              page={page}
              pageNumber={pageNumber}
              zoom={zoom}
              items={snapshot.items}
              store={store}
              tool={readOnly ? 'select' : tool}
              color={color}
              stampText={stampText}
              readOnly={readOnly}
              selectedId={selectedId}
              onSelect={setSelectedId}
              textRequest={textRequest}
              onTextRequest={setTextRequest}
              onRendered={() => setFirstPageShown(true)}
            />
          ) : (
            <p className="no-pdf">{t('copy.noPdf')}</p>
          )}
          <div className="page-nav">
            <button type="button" disabled={pageNumber <= 1} onClick={() => goToPage(pageNumber - 1)} aria-label={t('copy.prevPage')}>
              ←
            </button>
            <span data-testid="page-indicator">{t('copy.page', { page: pageNumber, count: pages.length })}</span>
            <button type="button" disabled={pageNumber >= pages.length} onClick={() => goToPage(pageNumber + 1)} aria-label={t('copy.nextPage')}>
              →
            </button>
          </div>
        </div>
        <aside className="side">
          <GradingPanel
            questions={questions}
            grades={grades.grades}
            errors={grades.errors}
            refusals={grades.refusals}
            total={copy.total}
            readOnly={readOnly}
            currentIndex={currentQuestion}
            markers={markers}
            onCurrent={setCurrentQuestion}
            onSave={(key, draft) => void grades.save(key, draft)}
          />
          <RubricPanel
            question={questions[currentQuestion]}
            items={rubricMarking.items}
            applied={rubricMarking.applied}
            readOnly={readOnly}
            rubric={rubric}
            onToggle={rubricMarking.toggle}
          />
          <CommentBank examId={exam.id} readOnly={readOnly} onInsert={insertComment} />
        </aside>
      </div>
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  )
}
