import type { PDFPageProxy } from './pdf'
import { PdfCanvas } from './PdfCanvas'

const THUMB_WIDTH = 110

export const Thumbnails = ({ pages, current, onSelect }: { pages: PDFPageProxy[]; current: number; onSelect: (page: number) => void }) => (
  <nav className="thumbnails" aria-label="pages">
    {pages.map((page, index) => (
      <button
        key={index}
        type="button"
        className={index + 1 === current ? 'thumbnail current' : 'thumbnail'}
        onClick={() => onSelect(index + 1)}
        data-page={index + 1}
      >
        <PdfCanvas page={page} zoom={THUMB_WIDTH / page.getViewport({ scale: 1 }).width} />
        <span>{index + 1}</span>
      </button>
    ))}
  </nav>
)
