import { BlendMode, LineCapStyle } from 'pdf-lib'

import { colorOf } from '../color'
import { splinePath } from '../spline'
import type { StrokeShape } from '../types'
import type { DrawContext } from './context'

/** Same tension and opacity as the portal's Konva lines; the highlighter multiplies, so ink stays readable. */
export const drawStroke = ({ ctx, shape }: { ctx: DrawContext; shape: StrokeShape }): void => {
  const highlighter = shape.kind === 'highlighter'
  const path = splinePath({ points: shape.geometry.points, tension: highlighter ? 0.3 : 0.4 })
  if (!path) return
  ctx.page.drawSvgPath(path, {
    x: 0,
    y: ctx.height,
    borderColor: colorOf(shape.style.color),
    borderWidth: shape.style.width,
    borderOpacity: highlighter ? 0.35 : shape.style.opacity,
    borderLineCap: LineCapStyle.Round,
    blendMode: highlighter ? BlendMode.Multiply : undefined,
  })
}
