import type { AnnotationStore, Item } from '../annotations/store'
import { AnnotationLayer, type TextRequest } from '../canvas/AnnotationLayer'
import { SIZES, type Tool } from '../canvas/tools'
import { COMMENT_MIME } from '../grading/CommentBank'
import type { PDFPageProxy } from '../viewer/pdf'
import { PdfCanvas } from '../viewer/PdfCanvas'
import { TextEditor } from './TextEditor'

type Props = {
  page: PDFPageProxy
  pageNumber: number
  zoom: number
  items: Item[]
  store: AnnotationStore
  tool: Tool
  color: string
  stampText: string
  readOnly: boolean
  selectedId: string | null
  onSelect: (id: string | null) => void
  textRequest: TextRequest | null
  onTextRequest: (request: TextRequest | null) => void
  onRendered: () => void
}

/** One page: the PDF bitmap underneath, the annotation stage on top, both in the same zoomed box. */
export const PageView = (props: Props) => {
  const { color, items, page, pageNumber, readOnly, store, textRequest, zoom } = props
  const { height, width } = page.getViewport({ scale: 1 })

  const finishText = (text: string | null) => {
    const request = textRequest
    props.onTextRequest(null)
    if (!request) return
    const existing = request.localId ? items.find((i) => i.localId === request.localId) : undefined
    if (existing && (existing.shape.kind === 'text' || existing.shape.kind === 'comment')) {
      if (text === null) return
      if (!text.trim()) store.remove(existing.localId)
      else if (text !== existing.shape.text) store.update(existing.localId, { ...existing.shape, text })
      return
    }
    if (text && text.trim())
      store.add({
        kind: request.kind,
        page: pageNumber,
        geometry: { x: request.x, y: request.y, width: SIZES.textWidth, fontSize: SIZES.fontSize },
        style: { color, width: 1, opacity: 1 },
        text,
      })
  }

  return (
    <div
      className="page"
      data-testid="page"
      data-page={pageNumber}
      data-zoom={zoom}
      data-annotations={items.filter((i) => i.shape.page === pageNumber).length}
      data-tool={props.tool}
      data-selected={props.selectedId ?? ''}
      data-width={width}
      data-height={height}
      style={{ width: Math.round(width * zoom), height: Math.round(height * zoom) }}
      onDragOver={(e) => {
        if (!readOnly && e.dataTransfer.types.includes(COMMENT_MIME)) e.preventDefault()
      }}
      onDrop={(e) => {
        const raw = e.dataTransfer.getData(COMMENT_MIME)
        if (!raw || readOnly) return
        e.preventDefault()
        const rect = e.currentTarget.getBoundingClientRect()
        const comment = JSON.parse(raw) as { text: string }
        store.add({
          kind: 'comment',
          page: pageNumber,
          geometry: { x: (e.clientX - rect.left) / zoom, y: (e.clientY - rect.top) / zoom, width: SIZES.textWidth, fontSize: SIZES.fontSize },
          style: { color: '#212121', width: 1, opacity: 1 },
          text: comment.text,
        })
      }}
    >
      <PdfCanvas page={page} zoom={zoom} className="pdf-canvas" onRendered={props.onRendered} />
      <div className="stage-holder">
        <AnnotationLayer
          page={pageNumber}
          size={{ width, height }}
          zoom={zoom}
          items={items}
          store={store}
          tool={props.tool}
          color={color}
          stampText={props.stampText}
          readOnly={readOnly}
          selectedId={props.selectedId}
          onSelect={props.onSelect}
          onEditText={props.onTextRequest}
        />
      </div>
      {textRequest ? <TextEditor key={`${textRequest.localId}-${textRequest.x}-${textRequest.y}`} request={textRequest} zoom={zoom} color={color} onDone={finishText} /> : null}
    </div>
  )
}
