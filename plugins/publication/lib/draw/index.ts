import type { Shape } from '../types'
import { drawBox } from './boxes'
import type { DrawContext } from './context'
import { drawMark } from './marks'
import { drawStroke } from './strokes'
import { drawTextBox } from './texts'

export type { DrawContext } from './context'

export const drawShape = ({ ctx, shape }: { ctx: DrawContext; shape: Shape }): void => {
  switch (shape.kind) {
    case 'pen':
    case 'highlighter':
      return drawStroke({ ctx, shape })
    case 'rectangle':
    case 'ellipse':
      return drawBox({ ctx, shape })
    case 'tick':
    case 'cross':
    case 'question':
    case 'stamp':
      return drawMark({ ctx, shape })
    case 'text':
    case 'comment':
      return drawTextBox({ ctx, shape })
  }
}
