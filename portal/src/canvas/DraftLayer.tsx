import { Ellipse, Layer, Line, Rect } from 'react-konva'

import type { Drafts } from './useDrawingGesture'
import { SIZES } from './tools'

/** The stroke or box being drawn, on a layer of its own that never listens to the pointer. */
export const DraftLayer = ({ drafts }: { drafts: Drafts }) => (
  <Layer ref={drafts.layer} listening={false}>
    <Line ref={drafts.line} visible={false} lineCap="round" lineJoin="round" tension={0.4} perfectDrawEnabled={false} />
    <Rect ref={drafts.rect} visible={false} strokeWidth={SIZES.boxWidth} />
    <Ellipse ref={drafts.ellipse} visible={false} radiusX={0} radiusY={0} strokeWidth={SIZES.boxWidth} />
  </Layer>
)
