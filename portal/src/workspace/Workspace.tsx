import { useCallback, useRef, useState } from 'react'

import { navigate } from '../app/router'
import { isClosed, type Copy, type User } from '../api/types'
import type { TextRequest } from '../canvas/AnnotationLayer'
import { COLORS, type Tool } from '../canvas/tools'
import { NextOnQuestion } from '../distribution/NextOnQuestion'
import { FlowBar } from '../flow/FlowBar'
import { useFinalizeFlow } from '../flow/useFinalizeFlow'
import { useMyShare } from '../flow/useMyShare'
import { questionFromHash } from '../distribution/share'
import { CommentBank } from '../grading/CommentBank'
import { GradingPanel } from '../grading/GradingPanel'
import { questionActions } from '../grading/questionActions'
import { useCopyMarkers } from '../grading/useCopyMarkers'
import { useGrades } from '../grading/useGrades'
import { useI18n } from '../i18n/context'
import { HelpOverlay } from '../keyboard/HelpOverlay'
import { useLiveCopy } from '../live/useLiveCopy'
import { RubricPanel } from '../rubric/RubricPanel'
import { useRubric } from '../rubric/useRubric'
import { useRubricMarking } from '../rubric/useRubricMarking'
import type { CopyData } from '../pages/useCopyData'
import { Thumbnails } from '../viewer/Thumbnails'
import { PageNav } from '../viewer/PageNav'
import { useZoom } from '../viewer/useZoom'
import { ConflictBanner } from './ConflictBanner'
import { CopyHeader } from './CopyHeader'
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
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [textRequest, setTextRequest] = useState<TextRequest | null>(null)
  // Opened from "next copy on Qn": start on that question.
  const [currentQuestion, setCurrentQuestion] = useState(() => Math.max(0, questions.findIndex((q) => q.key === questionFromHash())))
  const [gradeVersion, setGradeVersion] = useState(0)
  const [help, setHelp] = useState(false)
  const [spaceHeld, setSpaceHeld] = useState(false)
  const [firstPageShown, setFirstPageShown] = useState(false)
  const viewport = useRef<HTMLDivElement>(null)

  const startedMarking = useRef(false)
  /** First saved mark on a "ready" copy: the server made it "marking"; show the copy as it now is. */
  const markStarted = useCallback(() => {
    if (copy.status !== 'ready' || startedMarking.current) return
    startedMarking.current = true
    refreshCopy()
  }, [copy.status, refreshCopy])

  const { markers, reload: loadMarkers } = useCopyMarkers({ copyId: copy.id, doubleMarking: Boolean(exam.doubleMarking) })

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

  const page = pages[pageNumber - 1]
  const { zoom, change: changeZoom, fit: fitZoom } = useZoom({ viewport, pageWidth: page ? page.getViewport({ scale: 1 }).width : 595 })

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

  const { setPoints, insertComment } = questionActions({ question: questions[currentQuestion], grades: grades.grades, readOnly, save: grades.save })

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
    fit: fitZoom,
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
      <CopyHeader exam={exam} copy={copy} index={index} count={siblings.length} readOnly={readOnly} onCopy={goToCopy} onHelp={() => setHelp(true)} onFinalize={() => void flow.finalize()}>
        <SaveIndicator save={combinedSave({ annotations: snapshot.save, grades: grades.state })} />
      </CopyHeader>
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
        onFit={fitZoom}
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
          <PageNav page={pageNumber} count={pages.length} onPage={goToPage} />
        </div>
        <aside className="side">
          <div className="side-flow">
            <FlowBar share={share} pending={pending} current={copy.id} />
            <NextOnQuestion examId={exam.id} copyId={copy.id} question={questions[currentQuestion]?.key} version={gradeVersion} />
          </div>
          <GradingPanel
            questions={questions}
            grades={grades.grades}
            loaded={grades.loaded}
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
